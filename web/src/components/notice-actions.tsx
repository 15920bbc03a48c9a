/**
 * The lifecycle actions this user may take on this notice now (its status allows them and the grant
 * table gives them to this role on this unit), each a form with a comment for the audit trail;
 * `submit-fix` carries the fix plan. A refusal is said in words with what to do: a stale version
 * (someone acted meanwhile) offers a reload, never a blank page.
 */
import { useSignal } from "@preact/signals";
import type { Notice, NoticeActionRequest } from "#schemas/notice";
import { ApiError, api } from "../api";
import { can } from "../can";
import { policy } from "../data";
import { dateTime } from "../format";
import { emptyDraft, type FixDraft, type NoticeAction, offeredActions, planOf } from "../notice-view";
import { actionWord, statusWord } from "../notice-words";
import { locale, t } from "../state";
import { FixPlanFields } from "./notice-fix";

type Outcome =
  | { kind: "done"; text: string }
  | { kind: "stale"; text: string; detail: string }
  | { kind: "refused"; text: string };

const send = (id: string, body: NoticeActionRequest) =>
  api<Notice>(`/v1/notices/${encodeURIComponent(id)}/actions`, { method: "POST", body });

/** What a refusal means for the user: a stale version is told apart by reading the notice again. */
const outcomeOf = async (error: unknown, notice: Notice): Promise<Outcome> => {
  if (!(error instanceof ApiError)) return { kind: "refused", text: t("failed", { message: String(error) }) };
  if (error.status === 409) {
    const now = await api<Notice>(`/v1/notices/${encodeURIComponent(notice.id)}`).catch(() => null);
    if (!now || now.version !== notice.version)
      return { kind: "stale", text: t("noticeStale"), detail: error.message };
    return { kind: "refused", text: t("noticeIllegal", { message: error.message }) };
  }
  if (error.status === 400) return { kind: "refused", text: t("noticeInvalid", { message: error.message }) };
  if (error.status === 403)
    return { kind: "refused", text: t("noticeForbidden", { message: error.message }) };
  return { kind: "refused", text: `${t("failed", { message: error.message })} ${t("errorRetry")}` };
};

/** What the fix plan still lacks, in words (nothing once it is complete). */
const PlanProblem = ({ draft }: { draft: FixDraft }) => {
  const checked = planOf(draft);
  if (!("problem" in checked)) return null;
  const text =
    checked.problem === "rootCause"
      ? t("noticeFixNeedRootCause")
      : checked.problem === "noAction"
        ? t("noticeFixNeedAction")
        : checked.problem === "tooManyActions"
          ? t("noticeFixTooMany")
          : t("noticeFixIncomplete", { row: checked.row ?? 1 });
  return (
    <p id="fix-problem" class="error" role="alert">
      {text}
    </p>
  );
};

export const NoticeActions = ({
  notice,
  onChanged,
  onReload,
}: {
  notice: Notice;
  onChanged: (updated: Notice) => void;
  onReload: () => void;
}) => {
  const comments = useSignal<Partial<Record<NoticeAction, string>>>({});
  const draft = useSignal(emptyDraft());
  const busy = useSignal<NoticeAction | null>(null);
  const outcome = useSignal<Outcome | null>(null);
  /** Whether a fix was tried: its plan's problems are then said, and updated as the plan is edited. */
  const triedFix = useSignal(false);
  const offered = offeredActions(notice, (action) => can(`notices.${action}`, notice.businessUnitId));
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";

  const act = async (action: NoticeAction) => {
    outcome.value = null;
    let fix: NoticeActionRequest["fix"];
    if (action === "submit-fix") {
      triedFix.value = true;
      const checked = planOf(draft.value);
      if ("problem" in checked) return;
      fix = checked.plan;
    }
    busy.value = action;
    try {
      const comment = comments.value[action]?.trim();
      const updated = await send(notice.id, {
        action,
        version: notice.version,
        ...(comment ? { comment } : {}),
        ...(fix ? { fix } : {}),
      });
      comments.value = {};
      if (action === "submit-fix") {
        draft.value = emptyDraft();
        triedFix.value = false;
      }
      outcome.value = { kind: "done", text: t("noticeDone", { status: statusWord(updated.status) }) };
      onChanged(updated);
    } catch (error) {
      outcome.value = await outcomeOf(error, notice);
    } finally {
      busy.value = null;
    }
  };

  const message = outcome.value;
  return (
    <section id="notice-actions" aria-labelledby="notice-actions-title">
      <h3 id="notice-actions-title">{t("noticeActionsTitle")}</h3>
      {message && (
        <div
          id="notice-outcome"
          class={message.kind === "done" ? "notice-outcome done" : "notice-outcome error"}
          role={message.kind === "done" ? "status" : "alert"}
          data-kind={message.kind}
        >
          <p>{message.text}</p>
          {message.kind === "stale" && <p class="note">{message.detail}</p>}
          {message.kind !== "done" && (
            <button
              id="notice-reload"
              type="button"
              onClick={() => {
                outcome.value = null;
                onReload();
              }}
            >
              {t("noticeReload")}
            </button>
          )}
        </div>
      )}
      {offered.length === 0 && <p class="empty">{t("noticeNoActions")}</p>}
      {offered.map((action) => (
        <form
          key={action}
          class="notice-action"
          data-action={action}
          onSubmit={(e) => {
            e.preventDefault();
            void act(action);
          }}
        >
          {action === "submit-fix" && <FixPlanFields draft={draft} />}
          {action === "submit-fix" && triedFix.value && <PlanProblem draft={draft.value} />}
          {action === "appeal" && (
            <p class="note">
              {t("noticeAppealWindow", { at: dateTime(locale.value, notice.appealUntil, zone) })}
            </p>
          )}
          <label for={`notice-comment-${action}`}>
            {t("noticeComment")} · {actionWord(action)}
          </label>
          <textarea
            id={`notice-comment-${action}`}
            rows={2}
            maxLength={2000}
            value={comments.value[action] ?? ""}
            onInput={(e) => {
              comments.value = { ...comments.value, [action]: e.currentTarget.value };
            }}
          />
          <button id={`notice-do-${action}`} type="submit" disabled={busy.value !== null}>
            {busy.value === action ? t("noticeSending") : actionWord(action)}
          </button>
        </form>
      ))}
    </section>
  );
};
