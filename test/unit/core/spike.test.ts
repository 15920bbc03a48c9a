/** The spike rule with plain numbers: the window, the quarter it is compared with, the test, the pruning, the week. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayOf } from "#core/period";
import {
  addTallies,
  baselineQuarter,
  couldSpike,
  exceeds,
  judgeSpike,
  mayAnnounce,
  quartersOfWindow,
  SPIKE_COOLDOWN_DAYS,
  spikeWindow,
  tallyOf,
} from "#core/spike";
import { wilsonInterval } from "#core/wilson";

const settings = { minSample: 30, confidence: 0.95 };
const tally = (negatives: number, n: number) => ({ n, negatives });

describe("spikeWindow", () => {
  it.each([
    ["2026-07-08", 7, "2026-07-01", "2026-07-07"],
    ["2026-07-08", 1, "2026-07-07", "2026-07-07"],
    ["2026-01-03", 7, "2025-12-27", "2026-01-02"],
    ["2028-03-01", 2, "2028-02-28", "2028-02-29"],
    ["2026-07-08", 90, "2026-04-09", "2026-07-07"],
  ])("on %s, the last %i complete days are %s..%s, ending yesterday", (today, days, from, to) => {
    expect(spikeWindow(today, days)).toEqual({ from, to });
  });

  it.each([[0], [-1], [1.5]])("refuses %d days", (days) => {
    expect(() => spikeWindow("2026-07-08", days)).toThrow(RangeError);
  });

  it("turns at midnight in the policy zone, not in UTC: 23:59:59 and 00:00:00 are two days", () => {
    const before = spikeWindow(dayOf("2026-07-07T15:59:59Z", "Asia/Shanghai"), 7);
    const after = spikeWindow(dayOf("2026-07-07T16:00:00Z", "Asia/Shanghai"), 7);
    expect(before).toEqual({ from: "2026-06-30", to: "2026-07-06" });
    expect(after).toEqual({ from: "2026-07-01", to: "2026-07-07" });
    // The same instants in UTC's own zone are both still 7 July.
    expect(spikeWindow(dayOf("2026-07-07T16:00:00Z", "UTC"), 7)).toEqual(before);
    // And the quarter the window is compared with turns with it.
    expect([baselineQuarter(before), baselineQuarter(after)]).toEqual(["2026-Q1", "2026-Q2"]);
  });
});

describe("baselineQuarter", () => {
  it.each([
    ["2026-07-01", "2026-07-07", "2026-Q2"],
    ["2026-09-24", "2026-09-30", "2026-Q2"],
    // Across a quarter's end: the last quarter ended before the window began, sharing no day with it.
    ["2026-06-28", "2026-07-04", "2026-Q1"],
    ["2026-01-01", "2026-01-07", "2025-Q4"],
    ["2025-12-29", "2026-01-04", "2025-Q3"],
  ])("%s..%s is compared with %s", (from, to, quarter) => {
    expect(baselineQuarter({ from, to })).toBe(quarter);
  });
});

describe("quartersOfWindow", () => {
  it.each([
    ["2026-07-01", "2026-07-07", ["2026-Q3"]],
    ["2026-06-28", "2026-07-04", ["2026-Q2", "2026-Q3"]],
    ["2025-12-29", "2026-01-04", ["2025-Q4", "2026-Q1"]],
    ["2026-04-09", "2026-07-07", ["2026-Q2", "2026-Q3"]],
  ])("%s..%s lies in %j", (from, to, quarters) => {
    expect(quartersOfWindow({ from, to })).toEqual(quarters);
  });
});

describe("tallies", () => {
  it("read n and negatives of counters, zero when absent, and add up", () => {
    expect(tallyOf({ n: 12, neg: 5, csatN: 12 })).toEqual(tally(5, 12));
    expect(tallyOf({})).toEqual(tally(0, 0));
    expect(addTallies([tally(1, 2), tally(3, 4), tally(0, 0)])).toEqual(tally(4, 6));
    expect(addTallies([])).toEqual(tally(0, 0));
  });
});

describe("exceeds", () => {
  it.each([
    [0.3, 0.3, false],
    [0.30000000000000004, 0.3, true],
    [0.29999999999999993, 0.3, false],
    [0, 0, false],
    [1, 1, false],
  ])("a lower bound of %d over an upper bound of %d: %s", (lo, hi, expected) => {
    expect(exceeds({ lo, hi: 1 }, { lo: 0, hi })).toBe(expected);
  });
});

describe("judgeSpike", () => {
  const previous = tally(40, 800); // 5 %: upper bound ≈ 6.7 %

  it("spikes on a window far worse than the previous quarter, with the figures of both", () => {
    const judgement = judgeSpike(tally(35, 70), previous, settings);
    expect(judgement.spike).toBe(true);
    expect(judgement.window).toEqual({
      n: 70,
      negatives: 35,
      negativeRate: 0.5,
      wilson: wilsonInterval(35, 70, 0.95),
    });
    expect(judgement.previous).toEqual({
      n: 800,
      negatives: 40,
      negativeRate: 0.05,
      wilson: wilsonInterval(40, 800, 0.95),
    });
  });

  it("never spikes below minSample signals, however bad they are", () => {
    expect(judgeSpike(tally(29, 29), previous, settings).spike).toBe(false);
    expect(judgeSpike(tally(29, 29), previous, { ...settings, minSample: 29 }).spike).toBe(true);
    expect(judgeSpike(tally(30, 30), previous, settings).spike).toBe(true);
  });

  it("spikes from the first count whose lower bound is above the previous upper bound, not before", () => {
    const hi = wilsonInterval(10, 100, 0.95).hi;
    const first = Array.from({ length: 41 }, (_, k) => k).find((k) => wilsonInterval(k, 40, 0.95).lo > hi);
    expect(first).toBeDefined();
    const k = first as number;
    expect(judgeSpike(tally(k, 40), tally(10, 100), settings).spike).toBe(true);
    expect(judgeSpike(tally(k - 1, 40), tally(10, 100), settings).spike).toBe(false);
  });

  it("never spikes a steady line, nor a line better than before", () => {
    expect(judgeSpike(tally(14, 70), tally(160, 800), settings).spike).toBe(false);
    expect(judgeSpike(tally(0, 500), previous, settings).spike).toBe(false);
  });

  it("never spikes a line with no previous quarter: its interval is [0, 1]", () => {
    const judgement = judgeSpike(tally(1000, 1000), tally(0, 0), settings);
    expect(judgement.spike).toBe(false);
    expect(judgement.previous).toMatchObject({ negativeRate: null, wilson: { lo: 0, hi: 1 } });
  });

  it("uses the policy's confidence: a wider interval spikes less", () => {
    expect(judgeSpike(tally(9, 30), tally(20, 200), { ...settings, confidence: 0.8 }).spike).toBe(true);
    expect(judgeSpike(tally(9, 30), tally(20, 200), { ...settings, confidence: 0.99 }).spike).toBe(false);
  });
});

describe("couldSpike (from the totals of the quarters holding the window)", () => {
  it.each([
    ["too few signals in those quarters", tally(29, 29), tally(0, 1000), false],
    ["no negatives in them", tally(0, 5000), tally(0, 1000), false],
    ["no previous quarter", tally(900, 1000), tally(0, 0), false],
    ["all negatives, but as bad as before", tally(900, 1000), tally(1000, 1000), false],
    ["enough negatives that some window could spike", tally(20, 1000), tally(10, 1000), true],
    ["few negatives against a clean quarter", tally(3, 1000), tally(0, 1000), true],
  ])("%s: %s", (_, quarters, previous, expected) => {
    expect(couldSpike(quarters, previous, settings)).toBe(expected);
  });

  it("never rules out a line whose window spikes (the window's counts lie within the quarters')", () => {
    fc.assert(
      fc.property(
        fc.record({
          windowPositives: fc.nat(300),
          windowNegatives: fc.nat(300),
          otherPositives: fc.nat(2000),
          otherNegatives: fc.nat(300),
          previousN: fc.nat(3000),
          previousShare: fc.double({ min: 0, max: 1, noNaN: true }),
          minSample: fc.integer({ min: 1, max: 100 }),
          confidence: fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        }),
        (c) => {
          const window = tally(c.windowNegatives, c.windowNegatives + c.windowPositives);
          const quarters = addTallies([window, tally(c.otherNegatives, c.otherNegatives + c.otherPositives)]);
          const previous = tally(Math.floor(c.previousShare * c.previousN), c.previousN);
          const rules = { minSample: c.minSample, confidence: c.confidence };
          if (judgeSpike(window, previous, rules).spike)
            expect(couldSpike(quarters, previous, rules)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("mayAnnounce (at most once a week per line)", () => {
  it.each([
    [undefined, "2026-07-07", true],
    ["2026-07-07", "2026-07-07", false],
    ["2026-07-01", "2026-07-07", false],
    ["2026-06-30", "2026-07-07", true],
    ["2026-06-01", "2026-07-07", true],
    ["2025-12-27", "2026-01-02", false],
    ["2025-12-26", "2026-01-02", true],
    // A later announcement than this window (a run with an earlier clock): not again.
    ["2026-07-10", "2026-07-07", false],
  ])("last announced for a window ending %s, now ending %s: %s", (lastTo, to, expected) => {
    expect(mayAnnounce(lastTo, to)).toBe(expected);
  });

  it("waits exactly SPIKE_COOLDOWN_DAYS days", () => {
    expect(SPIKE_COOLDOWN_DAYS).toBe(7);
  });
});
