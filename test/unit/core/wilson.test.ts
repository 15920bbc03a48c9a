import { describe, expect, it } from "vitest";
import { normalQuantile, wilsonInterval, zForConfidence } from "#core/wilson";

// Reference quantiles: the root of ncdf(x) = p for the double nearest each p, solved at 50 digits
// with mpmath and checked against scipy.special.ndtri. (For p near 1 the double differs from the
// decimal enough to matter: 0.999999 as a double has Φ⁻¹ = 4.7534243088170…, not …8229.)
describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.9599639845400538],
    [0.025, -1.9599639845400543],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [0.9, 1.2815515655446006],
    [0.1, -1.2815515655446004],
    [0.2, -0.8416212335729142],
    [0.3, -0.5244005127080408],
    // either side of the central/tail split at |p − 0.5| = 0.425
    [0.075, -1.439531470938456],
    [0.02425, -1.972961051311885],
    [0.97575, 1.972961051311885],
    [0.01, -2.326347874040841],
    [1e-5, -4.264890793922825],
    [1e-10, -6.361340902404057],
    [0.999999, 4.753424308817087],
    // beyond r = 5: the far-tail polynomial
    [1e-20, -9.262340089798407],
    [1e-100, -21.273453560965326],
    [1e-300, -37.0470962993612],
  ])("Φ⁻¹(%d) = %d", (p, expected) => {
    // Act
    const x = normalQuantile(p);

    // Assess: within 1e-9 absolutely and 1e-13 relatively (AS 241 is good to about 1e-16).
    expect(Math.abs(x - expected)).toBeLessThan(1e-9);
    expect(Math.abs(x - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected));
  });

  it.each([
    [0, Number.NEGATIVE_INFINITY],
    [1, Number.POSITIVE_INFINITY],
  ])("Φ⁻¹(%d) = %d", (p, expected) => {
    // Act
    const x = normalQuantile(p);

    // Assess
    expect(x).toBe(expected);
  });

  it.each([[-0.1], [1.1], [Number.NaN], [Number.POSITIVE_INFINITY]])("rejects p = %d", (p) => {
    // Act
    const act = () => normalQuantile(p);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it("is odd, Φ⁻¹(1 − p) = −Φ⁻¹(p), and increasing", () => {
    // Prepare
    const ps = Array.from({ length: 999 }, (_, i) => (i + 1) / 1000);

    // Act
    const xs = ps.map(normalQuantile);

    // Assess
    ps.forEach((p, i) => {
      expect(xs[i]! + normalQuantile(1 - p)).toBeCloseTo(0, 12);
      if (i > 0) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    });
  });
});

describe("zForConfidence", () => {
  it.each([
    [0.95, 1.959963984540054],
    [0.99, 2.575829303548901],
    [0.9, 1.6448536269514722],
    [0.8, 1.2815515655446004],
  ])("two-sided z at %d is %d", (confidence, expected) => {
    // Act
    const z = zForConfidence(confidence);

    // Assess
    expect(z).toBeCloseTo(expected, 12);
  });

  it.each([[0], [1], [-0.5], [1.5], [Number.NaN]])("rejects confidence %d", (confidence) => {
    // Act
    const act = () => zForConfidence(confidence);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

// Wilson (1927): with p̂ = x/n, centre = (p̂ + z²/2n) / (1 + z²/n) and
// half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²). Expected bounds below were computed from
// that formula at 40 significant digits with mpmath (z = Φ⁻¹(0.975)); the familiar published
// four-decimal figures (e.g. 0/10 → [0, 0.2775], 1/10 → [0.0179, 0.4042]) are their roundings.
describe("wilsonInterval", () => {
  it.each([
    [0, 10, 0.95, 0, 0.277532799862889],
    [1, 10, 0.95, 0.0178762130950729, 0.404150026795238],
    [10, 100, 0.95, 0.0552291370606751, 0.174365661504913],
    [50, 100, 0.95, 0.403831530365996, 0.596168469634004],
    [81, 263, 0.95, 0.255288519878274, 0.3662095769828],
    [10, 10, 0.95, 0.722467200137111, 1],
    [0, 1, 0.95, 0, 0.793450685622763],
    [1, 1, 0.95, 0.206549314377237, 1],
    [30, 30, 0.95, 0.886486606826031, 1],
    [3, 30, 0.95, 0.0345998887473342, 0.256210825791841],
    [81, 263, 0.99, 0.240136902687608, 0.38528250231823],
  ])("%i of %i at %d → [%d, %d]", (x, n, confidence, lo, hi) => {
    // Act
    const interval = wilsonInterval(x, n, confidence);

    // Assess
    expect(interval.lo).toBeCloseTo(lo, 12);
    expect(interval.hi).toBeCloseTo(hi, 12);
  });

  it.each([
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [10, 100, 0.0552, 0.1744],
    [50, 100, 0.4038, 0.5962],
    [81, 263, 0.2553, 0.3662],
  ])("matches the published 95%% figures for %i of %i: [%d, %d]", (x, n, lo, hi) => {
    // Act
    const interval = wilsonInterval(x, n, 0.95);

    // Assess
    expect(interval.lo).toBeCloseTo(lo, 4);
    expect(interval.hi).toBeCloseTo(hi, 4);
  });

  it("returns [0, 1] without any trials: no evidence, every rate possible", () => {
    // Act
    const interval = wilsonInterval(0, 0, 0.95);

    // Assess
    expect(interval).toEqual({ lo: 0, hi: 1 });
  });

  it.each([
    [0, 1],
    [0, 7],
    [0, 1_000_000],
  ])("has lo exactly 0 for 0 of %i and hi exactly 1 for all", (x, n) => {
    // Act
    const none = wilsonInterval(x, n, 0.95);
    const all = wilsonInterval(n, n, 0.95);

    // Assess
    expect(none.lo).toBe(0);
    expect(all.hi).toBe(1);
  });

  it.each([
    [-1, 10],
    [11, 10],
    [1.5, 10],
    [1, 10.5],
    [0, -1],
    [Number.NaN, 10],
  ])("rejects %d of %d", (x, n) => {
    // Act
    const act = () => wilsonInterval(x, n, 0.95);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it.each([[0], [1], [2]])("rejects confidence %d", (confidence) => {
    // Act
    const act = () => wilsonInterval(1, 10, confidence);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it.each([[1], [2], [7], [30], [263], [10_000]])(
    "stays within [0, 1], contains p̂ and is symmetric for every x out of %i",
    (n) => {
      for (const x of Array.from({ length: Math.min(n, 300) + 1 }, (_, i) =>
        Math.round((i * n) / Math.min(n, 300)),
      )) {
        // Act
        const interval = wilsonInterval(x, n, 0.95);
        const mirror = wilsonInterval(n - x, n, 0.95);

        // Assess
        expect(interval.lo).toBeGreaterThanOrEqual(0);
        expect(interval.hi).toBeLessThanOrEqual(1);
        expect(interval.lo).toBeLessThanOrEqual(x / n);
        expect(interval.hi).toBeGreaterThanOrEqual(x / n);
        expect(interval.lo).toBeCloseTo(1 - mirror.hi, 12);
        expect(interval.hi).toBeCloseTo(1 - mirror.lo, 12);
      }
    },
  );

  it("rises with the number of successes at a fixed n", () => {
    // Prepare
    const n = 100;

    // Act
    const intervals = Array.from({ length: n + 1 }, (_, x) => wilsonInterval(x, n, 0.95));

    // Assess
    for (let x = 1; x <= n; x++) {
      expect(intervals[x]!.lo).toBeGreaterThan(intervals[x - 1]!.lo);
      expect(intervals[x]!.hi).toBeGreaterThan(intervals[x - 1]!.hi);
    }
  });

  it("narrows as n grows at the same rate, so the lower bound rises towards p̂", () => {
    // Prepare
    const sizes = [10, 100, 1_000, 10_000, 100_000];

    // Act
    const intervals = sizes.map((n) => wilsonInterval(n / 5, n, 0.95));

    // Assess
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i]!.lo).toBeGreaterThan(intervals[i - 1]!.lo);
      expect(intervals[i]!.hi).toBeLessThan(intervals[i - 1]!.hi);
    }
    expect(intervals.at(-1)!.lo).toBeCloseTo(0.2, 2);
  });

  it("widens with the confidence", () => {
    // Prepare
    const confidences = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999];

    // Act
    const intervals = confidences.map((c) => wilsonInterval(20, 100, c));

    // Assess
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i]!.lo).toBeLessThan(intervals[i - 1]!.lo);
      expect(intervals[i]!.hi).toBeGreaterThan(intervals[i - 1]!.hi);
    }
  });
});
