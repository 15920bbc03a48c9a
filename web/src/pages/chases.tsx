/**
 * Chases: the questions raised from customers' words, open (overdue ones first and marked), answered
 * or all; a unit head answers the open ones of their units here.
 */
import { useSignal } from "@preact/signals";
import type { Chase } from "#schemas/chase";
import { api } from "../api";
import { CHASE_TABS, type ChaseTab, chasesIn, tabCounts } from "../chases-filter";
import { ChaseCard } from "../components/chase-card";
import { LoadMore } from "../components/listen-load-more";
import { Loaded } from "../components/loaded";
import { number } from "../format";
import type { MessageKey } from "../i18n";
import { usePaged } from "../listen-paged";
import { locale, t, token } from "../state";

interface ChasePage {
  items: Chase[];
  nextCursor?: string;
}

const TAB_LABELS: Record<ChaseTab, MessageKey> = {
  open: "chasesTabOpen",
  overdue: "chasesTabOverdue",
  answered: "chasesTabAnswered",
  all: "chasesTabAll",
};
const EMPTY: Record<ChaseTab, MessageKey> = {
  open: "chasesEmptyOpen",
  overdue: "chasesEmptyOverdue",
  answered: "chasesEmptyAnswered",
  all: "chasesEmptyAll",
};

export const ChasesPage = () => {
  const tab = useSignal<ChaseTab>("open");
  // Kept on the page, not the card: an answered chase leaves the "open" tab, and the word must stay.
  const flash = useSignal<{ kind: "answered" } | { kind: "conflict"; message: string } | null>(null);
  const paged = usePaged<Chase, ChasePage>(token.value ? "chases" : null, (cursor) =>
    api<ChasePage>(`/v1/chases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
  );
  const loc = locale.value;
  return (
    <section id="chases-section" class="chases">
      <h2>{t("chasesTitle")}</h2>
      <p class="note">{t("chasesIntro")}</p>
      {flash.value && (
        <p
          id="chases-flash"
          class={flash.value.kind === "conflict" ? "error" : "done"}
          role={flash.value.kind === "conflict" ? "alert" : "status"}
        >
          <span aria-hidden="true">{flash.value.kind === "conflict" ? "⚠ " : "✓ "}</span>
          {flash.value.kind === "conflict"
            ? t("chasesConflict", { message: flash.value.message })
            : t("chasesAnswered")}
        </p>
      )}
      <Loaded resource={paged.resource}>
        {(data) => {
          const counts = tabCounts(data.items);
          const shown = chasesIn(data.items, tab.value);
          return (
            <>
              <fieldset class="chase-tabs">
                <legend class="chase-tabs-legend">{t("chasesFilter")}</legend>
                {CHASE_TABS.map((name) => (
                  <button
                    key={name}
                    id={`chases-tab-${name}`}
                    type="button"
                    aria-pressed={tab.value === name}
                    onClick={() => (tab.value = name)}
                  >
                    {t(TAB_LABELS[name], { count: number(loc, counts[name]) })}
                  </button>
                ))}
              </fieldset>
              {shown.length === 0 ? (
                <p class="empty">{t(EMPTY[tab.value])}</p>
              ) : (
                <div id="chases" class="chase-list">
                  {shown.map((chase) => (
                    <ChaseCard
                      key={chase.id}
                      chase={chase}
                      onAnswered={() => {
                        flash.value = { kind: "answered" };
                        void paged.resource.reload();
                      }}
                      onConflict={(_, message) => {
                        flash.value = { kind: "conflict", message };
                        void paged.resource.reload();
                      }}
                    />
                  ))}
                </div>
              )}
              <LoadMore
                id="chases-more"
                paged={paged}
                nextCursor={data.nextCursor}
                shown={t("chasesShown", { count: number(loc, data.items.length) })}
                label={t("listenLoadMore")}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
