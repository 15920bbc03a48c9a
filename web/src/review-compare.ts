/**
 * The what-if side by side: each line under the current settings and under the proposed ones, the
 * lines whose flag would change first (as the API names them in `changes`), then the rest worst first.
 */
import type { Review, ReviewLine } from "#schemas/review";

export type Flip = "would-flag" | "would-clear" | null;

export interface ComparedLine {
  productLineId: string;
  current: ReviewLine | undefined;
  proposed: ReviewLine | undefined;
  flip: Flip;
}

/** A line's outcome as one word (the key of its state), for a cell of the comparison. */
export type Outcome = "flagged" | "atRisk" | "clear";
export const outcomeOf = (line: ReviewLine | undefined): Outcome =>
  line?.flagged ? "flagged" : line?.atRisk ? "atRisk" : "clear";

export const compareReviews = (current: Review, proposed: Review): ComparedLine[] => {
  const before = new Map(current.lines.map((l) => [l.productLineId, l]));
  const after = new Map(proposed.lines.map((l) => [l.productLineId, l]));
  const flips = new Map<string, Flip>(
    (proposed.changes ?? []).map((c) => [c.productLineId, c.wouldFlag ? "would-flag" : "would-clear"]),
  );
  const ids = [...new Set([...proposed.lines, ...current.lines].map((l) => l.productLineId))];
  const rows = ids.map((id) => ({
    productLineId: id,
    current: before.get(id),
    proposed: after.get(id),
    flip: flips.get(id) ?? null,
  }));
  const rank = (row: ComparedLine) =>
    (row.flip ? 0 : 4) + { flagged: 0, atRisk: 1, clear: 2 }[outcomeOf(row.proposed ?? row.current)];
  const rate = (row: ComparedLine) => (row.proposed ?? row.current)?.negativeRate ?? 0;
  return rows.sort(
    (a, b) => rank(a) - rank(b) || rate(b) - rate(a) || (a.productLineId < b.productLineId ? -1 : 1),
  );
};

/** How many lines each side flags, and how many would flip each way. */
export const comparisonCounts = (rows: readonly ComparedLine[]) => ({
  currentFlagged: rows.filter((r) => r.current?.flagged).length,
  proposedFlagged: rows.filter((r) => r.proposed?.flagged).length,
  wouldFlag: rows.filter((r) => r.flip === "would-flag").length,
  wouldClear: rows.filter((r) => r.flip === "would-clear").length,
});
