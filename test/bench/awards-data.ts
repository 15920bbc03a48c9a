/**
 * The awards bench's data: its own lines on the review bench's catalog, stream and loader
 * (`review-data.ts`: the ingest's store transactions, the same shards, rollups and period totals,
 * and 10× = every signal sent ten times with new ids on the same lines, days and kinds).
 *
 * One line in `eligibleEvery` is **ranked**: `perLine` signals at 1× (≥ awards.minSample) on 12 days,
 * its negatives 0–36 of them by its index (0–30 % at 120), so the ranking has a spread and ties. The
 * other lines are **small**: {@link SMALL_LINE} signals (10× that is still below minSample, so 1× and
 * 10× rank exactly the same lines), some of them half negative: in the pooled rate, never ranked.
 *
 * Most signals carry words, so every winner has voices on both sides, in several classes: critical
 * and major complaints and 1-star CSATs (negative, most severe first), 5-star reviews (the top
 * class) and 8-point NPS comments (the other positive class). A Rotten winner has ≥ 3 critical
 * complaints and a Red one ≥ 3 five-star reviews, so each citation is read from its best class.
 */
import type { DataPlan, LinePlanner, Template } from "./review-data";

/** Signals of a small line at 1×. */
export const SMALL_LINE = 6;
/** Days of the quarter a ranked line's signals fall on (a small line's: 3). */
const RANKED_DAYS = 12;

export interface AwardsPlan extends DataPlan {
  /** One line in this many is ranked (has `perLine` signals); the others are small. */
  eligibleEvery: number;
}

// A phone number in one of them: what a citation quotes is masked at ingest.
const NEGATIVE: Template[] = [
  {
    kind: "complaint",
    severity: "critical",
    reasons: ["safety"],
    verbatim: "插头冒烟了,差点起火!请联系我 13812345678",
  },
  {
    kind: "complaint",
    severity: "major",
    reasons: ["quality"],
    verbatim: "The lid cracked in the first week and support never answered.",
  },
  { kind: "csat", score: 1, reasons: ["logistics"], verbatim: "快递送错地址,等了十天才到" },
  { kind: "nps", score: 3 },
];
const POSITIVE: Template[] = [
  { kind: "review", score: 5, verbatim: "做工扎实,用了三个月还像新的一样" },
  { kind: "csat", score: 5 },
  { kind: "nps", score: 8, verbatim: "Good value; I told my sister to buy one." },
];

const SPREAD = 37;
/** The most negatives a ranked line has at 1×. */
export const MAX_NEGATIVES = SPREAD - 1;
/** Negatives of a ranked line at 1×, by its place among the ranked lines. */
export const negativesOf = (rankedIndex: number) => (rankedIndex * 7) % SPREAD;

/** `count` signals, `negatives` of them spread evenly among the others. */
const lineTemplates = (count: number, negatives: number): Template[] => {
  let neg = 0;
  let pos = 0;
  return Array.from({ length: count }, (_, k) => {
    const negative = Math.floor(((k + 1) * negatives) / count) > Math.floor((k * negatives) / count);
    return negative
      ? (NEGATIVE[neg++ % NEGATIVE.length] as Template)
      : (POSITIVE[pos++ % POSITIVE.length] as Template);
  });
};

export const isRanked = (plan: AwardsPlan, i: number) => i % plan.eligibleEvery === 0;

export const awardsLines =
  (plan: AwardsPlan): LinePlanner =>
  (i) =>
    isRanked(plan, i)
      ? {
          templates: lineTemplates(plan.perLine, negativesOf(i / plan.eligibleEvery)),
          days: RANKED_DAYS,
        }
      : { templates: lineTemplates(SMALL_LINE, i % 4), days: 3 };

/** Signals the plan writes, without generating them. */
export const awardsSignalCount = (plan: AwardsPlan): number => {
  const ranked = Math.ceil(plan.lines / plan.eligibleEvery);
  return (ranked * plan.perLine + (plan.lines - ranked) * SMALL_LINE) * plan.copies;
};
