/**
 * The what-if side by side: each line's outcome and interval against the current bar and against the
 * proposed one, the lines that would flip first, marked by an arrow and words as well as colour.
 */
import type { Review, ReviewLine } from "#schemas/review";
import { number, percent } from "../format";
import { lineName } from "../names";
import { compareReviews, comparisonCounts, type Flip, outcomeOf } from "../review-compare";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { IntervalChart } from "./interval";

const OUTCOME_WORD = {
  flagged: "reviewStateFlagged",
  atRisk: "reviewStateAtRisk",
  clear: "reviewStateClear",
} as const;

const Side = ({ line, bar }: { line: ReviewLine | undefined; bar: number }) => {
  const outcome = outcomeOf(line);
  return (
    <>
      <td class={`state outcome-${outcome}`}>{t(OUTCOME_WORD[outcome])}</td>
      <td>
        <IntervalChart wilson={line?.wilson ?? null} bar={bar} width={120} />
      </td>
    </>
  );
};

const FlipCell = ({ flip }: { flip: Flip }) =>
  flip === null ? (
    <td class="flip-none">{t("reviewUnchanged")}</td>
  ) : (
    <td class={`flip-word ${flip}`}>
      <span aria-hidden="true">{flip === "would-flag" ? "▲ " : "▼ "}</span>
      {t(flip === "would-flag" ? "reviewWouldFlag" : "reviewWouldClear")}
    </td>
  );

export const CompareTable = ({ current, proposed }: { current: Review; proposed: Review }) => {
  const loc = locale.value;
  const rows = compareReviews(current, proposed);
  const counts = comparisonCounts(rows);
  if (rows.length === 0)
    return (
      <p id="what-if-summary" class="empty">
        {t("reviewWhatIfEmpty", { quarter: proposed.quarter })}
      </p>
    );
  return (
    <div class="review-compare">
      <p id="what-if-summary">
        {counts.wouldFlag + counts.wouldClear === 0
          ? t("reviewNoFlip")
          : t("reviewFlipCounts", {
              flag: number(loc, counts.wouldFlag),
              clear: number(loc, counts.wouldClear),
            })}{" "}
        {t("reviewFlagCounts", {
          current: number(loc, counts.currentFlagged),
          proposed: number(loc, counts.proposedFlagged),
        })}{" "}
        {t("reviewBarCompare", {
          current: percent(loc, current.bar.value),
          proposed: percent(loc, proposed.bar.value),
        })}
      </p>
      <table id="what-if-table">
        <caption>{t("reviewWhatIfCaption", { quarter: proposed.quarter })}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t("line")}
            </th>
            <th scope="col" rowSpan={2} class="num">
              {t("n")}
            </th>
            <th scope="col" rowSpan={2} class="num">
              {t("negativeRate")}
            </th>
            <th scope="colgroup" colSpan={2} class="side-head">
              {t("reviewCurrent", { version: current.policyVersion })}
            </th>
            <th scope="colgroup" colSpan={2} class="side-head proposed">
              {t("reviewProposed")}
            </th>
            <th scope="col" rowSpan={2}>
              {t("reviewChange")}
            </th>
          </tr>
          <tr>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("reviewIntervalHead", { bar: percent(loc, current.bar.value) })}</th>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("reviewIntervalHead", { bar: percent(loc, proposed.bar.value) })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const line = row.proposed ?? row.current;
            return (
              <tr
                key={row.productLineId}
                data-line={row.productLineId}
                class={row.flip ? `flip ${row.flip}` : ""}
              >
                <th scope="row">
                  <a href={hrefOf({ page: "line", id: row.productLineId })}>{lineName(row.productLineId)}</a>
                </th>
                <td class="num">{number(loc, line?.n)}</td>
                <td class="num">{percent(loc, line?.negativeRate)}</td>
                <Side line={row.current} bar={current.bar.value} />
                <Side line={row.proposed} bar={proposed.bar.value} />
                <FlipCell flip={row.flip} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
