/**
 * The notices inbox: notices by status (or only the overdue ones), newest first, a page at a time
 * with the API's cursor. A unit head sees their own units' only: the API filters, nothing else is
 * asked for or shown.
 */
import { useSignal } from "@preact/signals";
import type { NoticeSummary } from "#schemas/notice";
import { api } from "../api";
import { ErrorMessage } from "../components/loaded";
import { NoticeList } from "../components/notice-list";
import { number } from "../format";
import { useRaisedAndonLines } from "../notice-andons";
import { type InboxFilter, inboxQuery, NOTICE_STATUSES, type NoticeStatus } from "../notice-view";
import { statusWord } from "../notice-words";
import { useResource } from "../resource";
import { locale, role, t, token } from "../state";

interface NoticePage {
  items: NoticeSummary[];
  nextCursor?: string;
}

const STATUSES: (NoticeStatus | "all")[] = ["all", ...NOTICE_STATUSES];

const Filters = ({ filter, onChange }: { filter: InboxFilter; onChange: (next: InboxFilter) => void }) => (
  <div class="notices-filters">
    <fieldset class="notices-tabs">
      <legend>{t("noticesFilter")}</legend>
      {STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          data-status={s}
          aria-pressed={filter.status === s}
          onClick={() => onChange({ ...filter, status: s })}
        >
          {s === "all" ? t("noticesAll") : statusWord(s)}
        </button>
      ))}
    </fieldset>
    <label>
      <input
        id="notices-overdue"
        type="checkbox"
        checked={filter.overdueOnly}
        onChange={(e) => onChange({ ...filter, overdueOnly: e.currentTarget.checked })}
      />{" "}
      {t("noticesOverdueOnly")}
    </label>
  </div>
);

export const NoticesPage = () => {
  const filter = useSignal<InboxFilter>({ status: "all", overdueOnly: false });
  /** Pages read after the first with "Load more"; dropped when the filter changes. */
  const more = useSignal<{ items: NoticeSummary[]; cursor?: string; error?: Error; busy: boolean }>({
    items: [],
    busy: false,
  });
  const key = `${token.value}|${filter.value.status}|${filter.value.overdueOnly}`;
  const first = useResource(token.value ? key : null, () => api<NoticePage>(inboxQuery(filter.value)));
  const andonLines = useRaisedAndonLines();
  const change = (next: InboxFilter) => {
    more.value = { items: [], busy: false };
    filter.value = next;
  };
  const loadMore = async (cursor: string) => {
    more.value = { ...more.value, busy: true };
    const asked = filter.value;
    try {
      const page = await api<NoticePage>(inboxQuery(asked, cursor));
      // A page of a filter no longer shown is dropped, never appended to another filter's list.
      if (filter.value !== asked) return;
      more.value = {
        items: [...more.value.items, ...page.items],
        ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
        busy: false,
      };
    } catch (error) {
      if (filter.value !== asked) return;
      more.value = {
        ...more.value,
        busy: false,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  };
  const state = first.state.value;
  const loc = locale.value;
  const body = () => {
    if (state.phase === "failed")
      return <ErrorMessage error={state.error} onRetry={() => void first.reload()} />;
    if (!state.data)
      return (
        <p class="loading" aria-busy="true">
          {t("loading")}
        </p>
      );
    const items = [...state.data.items, ...more.value.items];
    const cursor = more.value.items.length > 0 ? more.value.cursor : state.data.nextCursor;
    if (items.length === 0)
      return <p class="empty">{role.value === "bu-head" ? t("noticesEmptyHead") : t("noticesEmpty")}</p>;
    return (
      <>
        <p id="notices-count" class="note" aria-live="polite">
          {t(cursor ? "noticesCountMore" : "noticesCount", { count: number(loc, items.length) })}
        </p>
        <NoticeList items={items} andonLines={andonLines} />
        {more.value.error && <ErrorMessage error={more.value.error} />}
        {cursor && (
          <button
            id="notices-more"
            type="button"
            disabled={more.value.busy}
            onClick={() => void loadMore(cursor)}
          >
            {more.value.busy ? t("loading") : t("noticesMore")}
          </button>
        )}
      </>
    );
  };
  return (
    <section id="notices-section" aria-labelledby="notices-title">
      <h2 id="notices-title">{t("noticesTitle")}</h2>
      <p class="note">{t("noticesIntro")}</p>
      <Filters filter={filter.value} onChange={change} />
      {body()}
    </section>
  );
};
