/** Fair rankings: shrinkage towards the pooled rate, best first, ties by larger n then smaller id. */
import { describe, expect, it } from "vitest";
import { compareRates, rankByShrunkRate, shrunkRate } from "#core/ranking";

describe("shrunkRate", () => {
  it.each([
    [0, 12, 0.1, 50, (0 + 50 * 0.1) / 62],
    [50, 5000, 0.1, 50, (50 + 5) / 5050],
    [10, 100, 0.2, 0, 0.1],
    [0, 0, 0.15, 50, 0.15],
    [0, 0, 0.15, 0, 0.15],
  ])("%i of %i with p0 %f and m %i → %f", (negatives, n, pooled, m, expected) => {
    expect(shrunkRate(negatives, n, pooled, m)).toBeCloseTo(expected, 12);
  });
});

describe("compareRates", () => {
  it("orders rates and treats rates a rounding apart as the same", () => {
    expect(compareRates(0.1, 0.2)).toBeLessThan(0);
    expect(compareRates(0.2, 0.1)).toBeGreaterThan(0);
    expect(compareRates(0.3, 0.30000000000000004)).toBe(0);
    expect(compareRates(0, 0)).toBe(0);
    expect(compareRates(0.3, 0.3000001)).toBeLessThan(0);
  });
});

describe("rankByShrunkRate", () => {
  it("does not let a tiny spotless line outrank a large line with 1 %", () => {
    const ranked = rankByShrunkRate(
      [
        { productLineId: "tiny", n: 12, negatives: 0 },
        { productLineId: "large", n: 5000, negatives: 50 },
      ],
      0.1,
      50,
    );
    expect(ranked.map((r) => [r.rank, r.productLineId])).toEqual([
      [1, "large"],
      [2, "tiny"],
    ]);
  });

  it("breaks ties by the larger n, then the smaller id", () => {
    const ranked = rankByShrunkRate(
      [
        { productLineId: "b", n: 100, negatives: 10 },
        { productLineId: "a", n: 100, negatives: 10 },
        { productLineId: "c", n: 200, negatives: 20 },
      ],
      0.1,
      0,
    );
    expect(ranked.map((r) => r.productLineId)).toEqual(["c", "a", "b"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it("gives a tie on paper to the larger n even when the doubles differ in their last bit", () => {
    // (21 + 7 × 0.3) / 77 is 0.30000000000000004 in doubles, (3 + 7 × 0.3) / 17 is 0.3.
    const ranked = rankByShrunkRate(
      [
        { productLineId: "a-small", n: 10, negatives: 3 },
        { productLineId: "b-large", n: 70, negatives: 21 },
      ],
      0.3,
      7,
    );
    expect(ranked.map((r) => r.productLineId)).toEqual(["b-large", "a-small"]);
  });

  it("keeps every line and its fields", () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({
      productLineId: `pl-${i}`,
      n: i * 3,
      negatives: i,
      extra: i,
    }));
    const ranked = rankByShrunkRate(lines, 0.2, 50);
    expect(ranked).toHaveLength(50);
    expect(ranked.map((r) => r.extra).sort((a, b) => a - b)).toEqual(lines.map((l) => l.extra));
    for (let i = 1; i < ranked.length; i++)
      expect((ranked[i] as { shrunkRate: number }).shrunkRate).toBeGreaterThanOrEqual(
        (ranked[i - 1] as { shrunkRate: number }).shrunkRate,
      );
  });
});
