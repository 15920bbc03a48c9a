/**
 * The Red and Rotten Strawberry awards of a period (DESIGN §2, "Awards"), as one pure function of
 * the lines' counts and the policy. Only lines with `n ≥ awards.minSample` are ranked, by the shrunk
 * rate `(negatives + m·p0) / (n + m)` with `p0` the pooled rate of every line with signals in the
 * period and `m = awards.priorStrength`, so that a small line cannot win (or lose) on luck.
 *
 * - **Red**: the `count` lowest shrunk rates; **Rotten**: the `count` highest.
 * - **Ties** go to the larger `n`, then the smaller id, in both lists: among equal shrunk rates the
 *   line with more signals is the surer, so it is named first whichever the award.
 * - **Never both.** With fewer than 2 × count eligible lines, each list gets half of them, rounded
 *   down (5 eligible lines and count 3: two Red, two Rotten, the middle line neither), and Rotten is
 *   chosen among the lines not already Red, so a tie spanning the whole field cannot name one line
 *   twice. One eligible line gets no award at all: it has nobody to be better or worse than.
 */
import type { Policy } from "#schemas/policy";
import { explainAward } from "./award-explanation";
import { dayOf, lastEndedQuarter, previousPeriod, yearOf } from "./period";
import { compareRates, rankByShrunkRate } from "./ranking";
import { pooledRate } from "./review-rules";

export type AwardSettings = Policy["awards"];
export type AwardKind = "red" | "rotten";

/** A product line with its counts in the period (every line of the catalog may be given). */
export interface AwardCandidate {
  productLineId: string;
  businessUnitId: string;
  name: string;
  nameZh?: string | undefined;
  n: number;
  negatives: number;
}

/** An eligible line where it stood: `rank` 1 is the lowest shrunk rate. */
export interface RankedAwardLine {
  rank: number;
  productLineId: string;
  businessUnitId: string;
  n: number;
  negatives: number;
  negativeRate: number;
  shrunkRate: number;
}

export interface AwardFigures {
  n: number;
  negatives: number;
  negativeRate: number;
  pooledRate: number;
  priorStrength: number;
  shrunkRate: number;
  /** (shrunk − raw) in percentage points. */
  shiftPoints: number;
  /** Place among the eligible lines, best first. */
  standing: number;
  eligible: number;
  minSample: number;
}

/** An award before its citation is read. */
export interface DecidedAward {
  kind: AwardKind;
  /** Place in its list: 1 is the best line (Red) or the worst (Rotten). */
  rank: number;
  productLineId: string;
  businessUnitId: string;
  name: string;
  nameZh?: string;
  n: number;
  negatives: number;
  negativeRate: number;
  shrunkRate: number;
  explanation: { "zh-CN": string; en: string; figures: AwardFigures };
}

export interface AwardsDecision {
  pooledRate: number;
  /** Lines with signals in the period. */
  lines: number;
  eligible: number;
  perList: number;
  ranked: RankedAwardLine[];
  red: DecidedAward[];
  rotten: DecidedAward[];
}

/** Awards per list: `count`, or half the eligible lines (rounded down), so no line is both. */
export const awardsPerList = (count: number, eligible: number): number =>
  Math.min(count, Math.floor(eligible / 2));

/** Worst first; ties to the larger n, then the smaller id (as in the ranking). */
const worstFirst = (a: RankedAwardLine, b: RankedAwardLine): number =>
  compareRates(b.shrunkRate, a.shrunkRate) ||
  b.n - a.n ||
  (a.productLineId < b.productLineId ? -1 : a.productLineId > b.productLineId ? 1 : 0);

/** Decides a period's awards from its lines' counts under the policy's award settings. */
export function decideAwards(lines: readonly AwardCandidate[], settings: AwardSettings): AwardsDecision {
  const withSignals = lines.filter((line) => line.n > 0);
  const pooled = pooledRate(withSignals);
  const eligible = withSignals.filter((line) => line.n >= settings.minSample);
  const ranked = rankByShrunkRate(eligible, pooled, settings.priorStrength);
  const byId = new Map(ranked.map((line) => [line.productLineId, line]));
  const rankedLines: RankedAwardLine[] = ranked.map((line) => ({
    rank: line.rank,
    productLineId: line.productLineId,
    businessUnitId: line.businessUnitId,
    n: line.n,
    negatives: line.negatives,
    negativeRate: line.negatives / line.n,
    shrunkRate: line.shrunkRate,
  }));
  const perList = awardsPerList(settings.count, rankedLines.length);
  const red = rankedLines.slice(0, perList);
  const isRed = new Set(red.map((line) => line.productLineId));
  const rotten = rankedLines
    .filter((line) => !isRed.has(line.productLineId))
    .sort(worstFirst)
    .slice(0, perList);

  const award =
    (kind: AwardKind) =>
    (line: RankedAwardLine, index: number): DecidedAward => {
      const candidate = byId.get(line.productLineId) as (typeof ranked)[number];
      const figures: AwardFigures = {
        n: line.n,
        negatives: line.negatives,
        negativeRate: line.negativeRate,
        pooledRate: pooled,
        priorStrength: settings.priorStrength,
        shrunkRate: line.shrunkRate,
        shiftPoints: (line.shrunkRate - line.negativeRate) * 100,
        standing: line.rank,
        eligible: rankedLines.length,
        minSample: settings.minSample,
      };
      const names = { name: candidate.name, ...(candidate.nameZh ? { nameZh: candidate.nameZh } : {}) };
      return {
        kind,
        rank: index + 1,
        productLineId: line.productLineId,
        businessUnitId: line.businessUnitId,
        ...names,
        n: line.n,
        negatives: line.negatives,
        negativeRate: line.negativeRate,
        shrunkRate: line.shrunkRate,
        explanation: {
          ...explainAward({ kind, rank: index + 1, productLineId: line.productLineId, ...names }, figures),
          figures,
        },
      };
    };

  return {
    pooledRate: pooled,
    lines: withSignals.length,
    eligible: rankedLines.length,
    perList,
    ranked: rankedLines,
    red: red.map(award("red")),
    rotten: rotten.map(award("rotten")),
  };
}

export type AwardsScheduleKind = "yearly" | "quarterly";

/**
 * What an awards schedule firing at `now` runs, in the policy's time zone: the yearly one finalizes
 * the year that has just ended; the quarterly one previews the quarter that has just ended and the
 * year that holds it (on 1 January, the year just ended, which the yearly run finalizes — or has
 * finalized, and a preview of a final year answers it unchanged).
 */
export function scheduledAwardRuns(
  kind: AwardsScheduleKind,
  now: Date,
  timeZone: string,
): { period: string; finalize: boolean }[] {
  if (kind === "yearly") return [{ period: previousPeriod(yearOf(dayOf(now, timeZone))), finalize: true }];
  const quarter = lastEndedQuarter(now, timeZone);
  return [
    { period: quarter, finalize: false },
    { period: quarter.slice(0, 4), finalize: false },
  ];
}
