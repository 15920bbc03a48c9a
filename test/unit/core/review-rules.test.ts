/** The pull-and-fix rule on engineered lines (DESIGN §2), and the bar it is held to. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessLine, negativesNeededToClear, pooledRate, reviewBar } from "#core/review-rules";
import { wilsonInterval } from "#core/wilson";
import { DEFAULT_POLICY } from "#schemas/policy";

const settings = DEFAULT_POLICY.review;
const bar = reviewBar(settings, 0.1); // 1.5 × 10 % = 15 % < 20 %: the absolute bar holds

describe("reviewBar", () => {
  it.each([
    [0.1, 0.2, "absolute"],
    [0.2, 0.3, "relative"],
    [0, 0.2, "absolute"],
  ] as const)("with a pooled rate of %f, the bar is %f (%s)", (pooled, value, from) => {
    const b = reviewBar(settings, pooled);
    expect(b.value).toBeCloseTo(value, 12);
    expect(b.from).toBe(from);
    expect(b.relative).toBeCloseTo(1.5 * pooled, 12);
  });
});

describe("assessLine", () => {
  it.each([
    [
      "a large clearly bad line (400 signals, 160 negative)",
      { n: 400, negatives: 160, criticalComplaints: 0 },
      true,
      false,
      ["rate"],
    ],
    [
      "a small bad line (20 signals, 15 negative): a small sample alone never flags",
      { n: 20, negatives: 15, criticalComplaints: 0 },
      false,
      false,
      [],
    ],
    [
      "a line at exactly the minimum sample, clearly bad",
      { n: 30, negatives: 20, criticalComplaints: 0 },
      true,
      false,
      ["rate"],
    ],
    [
      "a 27 % line whose lower bound is under the bar",
      { n: 100, negatives: 27, criticalComplaints: 0 },
      false,
      true,
      [],
    ],
    [
      "a low-rate line with 3 critical complaints",
      { n: 500, negatives: 25, criticalComplaints: 3 },
      true,
      false,
      ["critical-complaints"],
    ],
    [
      "a low-rate line with 2 critical complaints",
      { n: 500, negatives: 25, criticalComplaints: 2 },
      false,
      false,
      [],
    ],
    [
      "a small line with 3 critical complaints (the count flags whatever the sample)",
      { n: 3, negatives: 3, criticalComplaints: 3 },
      true,
      false,
      ["critical-complaints"],
    ],
    [
      "a bad line with critical complaints too",
      { n: 400, negatives: 160, criticalComplaints: 5 },
      true,
      false,
      ["rate", "critical-complaints"],
    ],
    ["a line without signals", { n: 0, negatives: 0, criticalComplaints: 0 }, false, false, []],
    ["a good line", { n: 1000, negatives: 90, criticalComplaints: 0 }, false, false, []],
  ])("%s → flagged %s, at risk %s", (_what, line, flagged, atRisk, flaggedBy) => {
    const assessment = assessLine(line, settings, bar);
    expect(assessment.flagged).toBe(flagged);
    expect(assessment.atRisk).toBe(atRisk);
    expect(assessment.flaggedBy).toEqual(flaggedBy);
    expect(assessment.negativeRate).toBe(line.n > 0 ? line.negatives / line.n : null);
  });

  it("tells a line at risk how many more negatives at its n would flag it, exactly", () => {
    const { negativesToFlag } = assessLine({ n: 100, negatives: 27, criticalComplaints: 0 }, settings, bar);
    expect(negativesToFlag).toBeGreaterThan(0);
    const k = negativesToFlag as number;
    expect(wilsonInterval(27 + k, 100, 0.95).lo).toBeGreaterThan(0.2);
    expect(wilsonInterval(27 + k - 1, 100, 0.95).lo).toBeLessThanOrEqual(0.2);
  });

  it("holds lines to the relative bar when the pooled rate is high", () => {
    const high = reviewBar(settings, 0.2); // bar 30 %
    expect(assessLine({ n: 400, negatives: 120, criticalComplaints: 0 }, settings, high).flagged).toBe(false);
    expect(assessLine({ n: 400, negatives: 160, criticalComplaints: 0 }, settings, high).flagged).toBe(true);
  });
});

describe("negativesNeededToClear", () => {
  it("is the fewest negatives whose Wilson lower bound clears the bar", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (n, barValue, confidence) => {
          const x = negativesNeededToClear(n, barValue, confidence);
          if (x === undefined) {
            expect(wilsonInterval(n, n, confidence).lo).toBeLessThanOrEqual(barValue);
            return;
          }
          expect(wilsonInterval(x, n, confidence).lo).toBeGreaterThan(barValue);
          if (x > 0) expect(wilsonInterval(x - 1, n, confidence).lo).toBeLessThanOrEqual(barValue);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("pooledRate", () => {
  it("is all negatives over all signals, and 0 without signals", () => {
    expect(
      pooledRate([
        { n: 100, negatives: 10 },
        { n: 300, negatives: 90 },
      ]),
    ).toBe(0.25);
    expect(pooledRate([])).toBe(0);
    expect(pooledRate([{ n: 0, negatives: 0 }])).toBe(0);
  });
});
