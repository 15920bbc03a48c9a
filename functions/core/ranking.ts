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
        a.shrunkRate - b.shrunkRate ||
        b.n - a.n ||
        (a.productLineId < b.productLineId ? -1 : a.productLineId > b.productLineId ? 1 : 0),
    )
    .map((line, i) => ({ ...line, rank: i + 1 }));
}
