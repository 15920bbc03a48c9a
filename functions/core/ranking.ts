/**
 * Ranking lines fairly (DESIGN §2, "Awards"): by the shrunk rate `(negatives + m·p0) / (n + m)`,
 * which pulls a line's rate towards the pooled rate `p0` of the period by `m` pseudo-signals, so
 * that a line with 12 signals and 0 negatives does not outrank one with 5,000 and 1 %. Best (lowest)
 * first; ties go to the larger `n`, then the smaller id. Used by the rankings and the awards.
 */

/** `(negatives + m·pooled) / (n + m)`; the pooled rate itself for a line with no signals and m = 0. */
export function shrunkRate(negatives: number, n: number, pooled: number, priorStrength: number): number {
  const weight = n + priorStrength;
  return weight > 0 ? (negatives + priorStrength * pooled) / weight : pooled;
}

/**
 * Rates closer than this (relatively) are the same rate: two lines whose shrunk rates are equal on
 * paper (21 of 70 and 3 of 10 at p0 = 0.3, m = 7) can differ in the last bit of a double, and the
 * tie must still go to the larger `n`, not to rounding.
 */
const SAME_RATE = 1e-12;

/** Orders two rates, lowest first; 0 for the same rate (within {@link SAME_RATE}). */
export function compareRates(a: number, b: number): number {
  return Math.abs(a - b) <= SAME_RATE * Math.max(Math.abs(a), Math.abs(b)) ? 0 : a - b;
}

/** What ranking needs of a line. */
export interface Rankable {
  productLineId: string;
  n: number;
  negatives: number;
}

/** Orders lines best to worst by shrunk rate and numbers them from 1. */
export function rankByShrunkRate<T extends Rankable>(
  lines: readonly T[],
  pooled: number,
  priorStrength: number,
): (T & { shrunkRate: number; rank: number })[] {
  return lines
    .map((line) => ({ ...line, shrunkRate: shrunkRate(line.negatives, line.n, pooled, priorStrength) }))
    .sort(
      (a, b) =>
        compareRates(a.shrunkRate, b.shrunkRate) ||
        b.n - a.n ||
        (a.productLineId < b.productLineId ? -1 : a.productLineId > b.productLineId ? 1 : 0),
    )
    .map((line, i) => ({ ...line, rank: i + 1 }));
}
