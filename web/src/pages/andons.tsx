/**
 * The CCO team's Andons: lines that got too many critical complaints in one day, with those
 * complaints, waiting for a confirm (a notice pulls the line) or a dismissal with a reason; the
 * decided ones listed apart with what was decided.
 */
import type { Andon } from "#schemas/andon";
import { splitAndons, withAndon } from "../andons-split";
import { api } from "../api";
import { AndonCard } from "../components/andon-card";
import { LoadMore } from "../components/listen-load-more";
import { Loaded } from "../components/loaded";
import { policy } from "../data";
import { number } from "../format";
import { usePaged } from "../listen-paged";
import { locale, t, token } from "../state";

interface AndonPage {
  items: Andon[];
  nextCursor?: string;
}

export const AndonsPage = () => {
  const paged = usePaged<Andon, AndonPage>(token.value ? "andons" : null, (cursor) =>
    api<AndonPage>(`/v1/andons?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
  );
  const resource = paged.resource;
  const loc = locale.value;
  // The answer to a decision is the Andon as it now stands: shown at once, no second read.
  const decided = (changed: Andon) => {
    const current = resource.state.value;
    if (current.data)
      resource.state.value = {
        phase: "ready",
        data: { ...current.data, items: withAndon(current.data.items, changed) },
      };
  };
  return (
    <section id="andons-section" class="andons">
      <h2>{t("andonsTitle")}</h2>
      <p class="note">
        {t("andonsIntro", { threshold: number(loc, policy.value?.andon.criticalPerDay ?? 2) })}
      </p>
      <Loaded resource={resource}>
        {(data) => {
          const { raised, decided: done } = splitAndons(data.items);
          return (
            <>
              <section id="andons-raised" aria-labelledby="andons-raised-title">
                <h3 id="andons-raised-title">
                  {t("andonsRaisedHeading", { count: number(loc, raised.length) })}
                </h3>
                {raised.length === 0 ? (
                  <p class="empty">{t("andonsNoneRaised")}</p>
                ) : (
                  raised.map((andon) => <AndonCard key={andon.id} andon={andon} onDecided={decided} />)
                )}
              </section>
              <section id="andons-decided" aria-labelledby="andons-decided-title">
                <h3 id="andons-decided-title">
                  {t("andonsDecidedHeading", { count: number(loc, done.length) })}
                </h3>
                {done.length === 0 ? (
                  <p class="empty">{t("andonsNoneDecided")}</p>
                ) : (
                  done.map((andon) => <AndonCard key={andon.id} andon={andon} onDecided={decided} />)
                )}
              </section>
              <LoadMore
                id="andons-more"
                paged={paged}
                nextCursor={data.nextCursor}
                shown={t("andonsShown", { count: number(loc, data.items.length) })}
                label={t("listenLoadMore")}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
