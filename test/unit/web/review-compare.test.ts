/** The what-if side by side: flips first (as the API names them), then the rest worst first. */
import { expect, it } from "vitest";
import type { Review, ReviewLine } from "#schemas/review";
import { compareReviews, comparisonCounts, outcomeOf } from "#web/review-compare";

const line = (id: string, flagged: boolean, rate: number, atRisk = false) =>
  ({ productLineId: id, flagged, atRisk, negativeRate: rate }) as ReviewLine;
const review = (lines: ReviewLine[], changes?: Review["changes"]) => ({ lines, changes }) as Review;

it("puts the lines that would flip first, and says which way", () => {
  const current = review([line("a", true, 0.5), line("b", false, 0.25, true), line("c", false, 0.1)]);
  const proposed = review(
    [line("a", true, 0.5), line("b", true, 0.25), line("c", false, 0.1)],
    [{ productLineId: "b", wasFlagged: false, wouldFlag: true }],
  );
  const rows = compareReviews(current, proposed);
  expect(rows.map((r) => [r.productLineId, r.flip])).toEqual([
    ["b", "would-flag"],
    ["a", null],
    ["c", null],
  ]);
  expect(outcomeOf(rows[0]?.current)).toBe("atRisk");
  expect(outcomeOf(rows[0]?.proposed)).toBe("flagged");
  expect(comparisonCounts(rows)).toEqual({
    currentFlagged: 1,
    proposedFlagged: 2,
    wouldFlag: 1,
    wouldClear: 0,
  });
});

it("marks a line that would no longer be flagged", () => {
  const current = review([line("a", true, 0.3)]);
  const proposed = review(
    [line("a", false, 0.3)],
    [{ productLineId: "a", wasFlagged: true, wouldFlag: false }],
  );
  expect(compareReviews(current, proposed)[0]?.flip).toBe("would-clear");
});
