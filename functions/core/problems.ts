/**
 * The problem board (DESIGN §2): complaint reasons as the root-cause register. For a period, the
 * negative signals by reason of each line, unit and category, with the change against the
 * previous period, so a unit sees which of its problems drive its negative rate and whether that
 * is getting better.
 */
import { REASONS, type Reason } from "#schemas/signal";
import { type RollupCounts, reasonCounterKey } from "./rollup";

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
  // Summed in place into maps: copying a group's counters for each of 10,000 lines (addCounts)
  // made the problem board spend a quarter of a second here.
  const sums = new Map<string, { current: Map<string, number>; previous: Map<string, number> }>();
  const add = (into: Map<string, number>, counts: RollupCounts) => {
    for (const key in counts)
      if (Object.hasOwn(counts, key)) into.set(key, (into.get(key) ?? 0) + (counts[key] ?? 0));
  };
  for (const line of lines) {
    const key = keyOf(line);
    let group = sums.get(key);
    if (!group) {
      group = { current: new Map(), previous: new Map() };
      sums.set(key, group);
    }
    const { current, previous } = countsOf(line);
    add(group.current, current);
    add(group.previous, previous);
  }
  // fromEntries defines own properties, so even a key like `__proto__` cannot reach the prototype.
  const counts = (m: Map<string, number>): RollupCounts =>
    Object.fromEntries([...m].filter(([, value]) => value !== 0));
  return new Map(
    [...sums].map(([key, g]) => [key, { current: counts(g.current), previous: counts(g.previous) }]),
  );
}
