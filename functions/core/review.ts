/**
 * The quarterly pull-and-fix review (DESIGN §2) of every line with signals in the quarter, as one
 * pure function of the lines' counters, the policy and the lines' notice history: the pooled rate,
 * the bar, each line assessed (flagged, at risk, or neither), its top reasons, and whether a flag
 * repeats one relisted within the last four quarters. Deterministic: the same input gives the same
 * review, which is what makes re-running a review harmless.
 */
import type { Policy } from "#schemas/policy";
import { REASONS, type Reason } from "#schemas/signal";
import { assessLine, type LineAssessment, pooledRate, type ReviewBar, reviewBar } from "./review-rules";
import { type RollupCounts, reasonCounterKey } from "./rollup";

/** A flag within this many quarters after a relist (inclusive) marks the line a repeat. */
export const REPEAT_WITHIN_QUARTERS = 4;

export interface ReviewedLineInput {
  productLineId: string;
  businessUnitId: string;
  category: string;
  counts: RollupCounts;
}

export interface ReviewedLine extends Omit<LineAssessment, "negativesToFlag"> {
  productLineId: string;
  businessUnitId: string;
  category: string;
  n: number;
  negatives: number;
  criticalComplaints: number;
  negativesToFlag?: number;
  reasons: { reason: Reason; count: number }[];
  repeat: boolean;
  /** For a repeat: the notice that was relisted. */
  repeatOf?: string;
}

export interface QuarterReview {
  quarter: string;
  policyVersion: number;
  pooledRate: number;
  bar: ReviewBar;
  lines: ReviewedLine[];
}

/** A quarter's position on a line of quarters: `2026-Q3` → 2026 × 4 + 2. */
export const quarterIndex = (quarter: string): number =>
  Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1;

/** The id of the notice a review issues for a line in a quarter: one per line and quarter, ever. */
export const reviewNoticeId = (quarter: string, productLineId: string): string =>
  `n-${quarter}-${productLineId}`;

/** Negative signals by reason, most frequent first (ties by the order of DESIGN's reason list). */
export function topReasons(counts: RollupCounts): { reason: Reason; count: number }[] {
  return REASONS.map((reason) => ({ reason, count: counts[reasonCounterKey(reason)] ?? 0 }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}

const order = (a: ReviewedLine, b: ReviewedLine): number =>
  Number(b.flagged) - Number(a.flagged) ||
  Number(b.atRisk) - Number(a.atRisk) ||
  (b.negativeRate ?? 0) - (a.negativeRate ?? 0) ||
  (a.productLineId < b.productLineId ? -1 : 1);

/**
 * Reviews a quarter.
 * @param relisted per line, its most recent relisted notice and the quarter it was relisted in.
 */
export function reviewQuarter(
  quarter: string,
  policy: Policy,
  lines: readonly ReviewedLineInput[],
  relisted: ReadonlyMap<string, { noticeId: string; quarter: string }>,
): QuarterReview {
  const withSignals = lines
    .map((line) => ({
      ...line,
      n: line.counts.n ?? 0,
      negatives: line.counts.neg ?? 0,
      criticalComplaints: line.counts.cCritical ?? 0,
    }))
    .filter((line) => line.n > 0);
  const pooled = pooledRate(withSignals);
  const bar = reviewBar(policy.review, pooled);
  const reviewed = withSignals.map((line): ReviewedLine => {
    const { negativesToFlag, ...assessment } = assessLine(line, policy.review, bar);
    const earlier = relisted.get(line.productLineId);
    const since = earlier ? quarterIndex(quarter) - quarterIndex(earlier.quarter) : Number.NaN;
    const repeat = assessment.flagged && since >= 0 && since <= REPEAT_WITHIN_QUARTERS;
    return {
      productLineId: line.productLineId,
      businessUnitId: line.businessUnitId,
      category: line.category,
      n: line.n,
      negatives: line.negatives,
      criticalComplaints: line.criticalComplaints,
      ...assessment,
      ...(negativesToFlag !== undefined ? { negativesToFlag } : {}),
      reasons: topReasons(line.counts),
      repeat,
      ...(repeat && earlier ? { repeatOf: earlier.noticeId } : {}),
    };
  });
  return { quarter, policyVersion: policy.version, pooledRate: pooled, bar, lines: reviewed.sort(order) };
}

/** The lines whose flag differs between two reviews of the same quarter (the what-if). */
export function flagChanges(
  current: QuarterReview,
  proposed: QuarterReview,
): { productLineId: string; wasFlagged: boolean; wouldFlag: boolean }[] {
  const was = new Map(current.lines.map((l) => [l.productLineId, l.flagged]));
  return proposed.lines
    .filter((l) => (was.get(l.productLineId) ?? false) !== l.flagged)
    .map((l) => ({
      productLineId: l.productLineId,
      wasFlagged: was.get(l.productLineId) ?? false,
      wouldFlag: l.flagged,
    }))
    .sort((a, b) => (a.productLineId < b.productLineId ? -1 : 1));
}
