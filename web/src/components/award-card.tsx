/** One Red or Rotten Strawberry as a card: its state in words, figures, explanation and customer words. */
import type { Award } from "#schemas/award";
import { number, percent } from "../format";
import { localName, unitName as unitNameOf } from "../names";
import { isZh, locale, t } from "../state";

export type AwardKind = "red" | "rotten";

export const lineName = (award: Award): string => localName(award);

export const unitName = (award: Award): string => unitNameOf(award.businessUnitId);

export const awardTitle = (kind: AwardKind, rank: number): string =>
  t(kind === "red" ? "redRank" : "rottenRank", { rank: number(locale.value, rank) });

export const explanationOf = (award: Award): string =>
  isZh.value ? award.explanation["zh-CN"] : award.explanation.en;

export const AwardCard = ({ award, kind }: { award: Award; kind: AwardKind }) => {
  const loc = locale.value;
  const id = `award-${kind}-${award.rank}`;
  return (
    <article class={`award ${kind}`} data-line={award.productLineId} aria-labelledby={id}>
      <p class="award-state">
        <span aria-hidden="true">{kind === "red" ? "🍓" : "🍂"}</span> {awardTitle(kind, award.rank)}
      </p>
      <h3 id={id}>{lineName(award)}</h3>
      <p class="award-unit">{unitName(award)}</p>
      <p class="award-figures">
        <span class="award-rate">
          {t("rateWithN", { rate: percent(loc, award.negativeRate), n: number(loc, award.n) })}
        </span>
        {" · "}
        <span class="award-shrunk">{t("shrunkRate", { rate: percent(loc, award.shrunkRate) })}</span>
      </p>
      <p class="award-explanation">{explanationOf(award)}</p>
      <h4>{t("words")}</h4>
      {award.citation.length === 0 ? (
        <p class="note">{t("noCitations")}</p>
      ) : (
        <ul class="citations">
          {award.citation.map((c) => (
            <li key={c.signalId}>
              <blockquote>{c.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
};
