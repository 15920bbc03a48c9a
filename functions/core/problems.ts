/**
 * The problem board (DESIGN §2): complaint reasons as the root-cause register. For a period, the
 * negative signals by reason of each line, unit and category, with the change against the
 * previous period, so a unit sees which of its problems drive its negative rate and whether that
 * is getting better.
 */
import { REASONS, type Reason } from "#schemas/signal";
import { addCounts, type RollupCounts, reasonCounterKey } from "./rollup";

export type ReasonCounts = Record<Reason, number>;

/** One row of the board: a line, a unit, a category or everything. */
export interface ProblemFigures {
  n: number;
  negatives: number;
  /** Negative signals giving each reason (a signal may give several, so these may sum past `negatives`). */
  byReason: ReasonCounts;
  /** Against the previous period: this period's count minus the previous one's. */
  negativesChange: number;
  byReasonChange: ReasonCounts;
}

export const reasonCountsOf = (counts: RollupCounts): ReasonCounts =>
  Object.fromEntries(REASONS.map((r) => [r, counts[reasonCounterKey(r)] ?? 0])) as ReasonCounts;

/** A row's figures from its counters in this period and the previous one. */
export function problemFigures(current: RollupCounts, previous: RollupCounts): ProblemFigures {
  const now = reasonCountsOf(current);
  const before = reasonCountsOf(previous);
  return {
    n: current.n ?? 0,
    negatives: current.neg ?? 0,
    byReason: now,
    negativesChange: (current.neg ?? 0) - (previous.neg ?? 0),
    byReasonChange: Object.fromEntries(REASONS.map((r) => [r, now[r] - before[r]])) as ReasonCounts,
  };
}

/** Sums lines' counters of both periods into groups (units, categories) keyed by `keyOf`. */
export function groupCounters<L>(
  lines: readonly L[],
  keyOf: (line: L) => string,
  countsOf: (line: L) => { current: RollupCounts; previous: RollupCounts },
): Map<string, { current: RollupCounts; previous: RollupCounts }> {
  const groups = new Map<string, { current: RollupCounts; previous: RollupCounts }>();
  for (const line of lines) {
    const key = keyOf(line);
    const { current, previous } = countsOf(line);
    const group = groups.get(key) ?? { current: {}, previous: {} };
    groups.set(key, {
      current: addCounts(group.current, current),
      previous: addCounts(group.previous, previous),
    });
  }
  return groups;
}
