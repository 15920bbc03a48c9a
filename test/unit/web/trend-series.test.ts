/** The trend as chart series: days as UTC midnights, rates in percent, gaps where there were no signals. */
import { describe, expect, it } from "vitest";
import { daySeconds, hasSignals, trendSeries } from "#web/line-data";

const points = [
  { start: "2026-11-16", n: 40, negatives: 10, negativeRate: 0.25 },
  { start: "2026-11-23", n: 0, negatives: 0, negativeRate: null },
  { start: "2026-11-30", n: 3, negatives: 1, negativeRate: 1 / 3 },
];

describe("trendSeries", () => {
  it("draws each bucket at its first day, its rate in percent to one decimal, a gap without signals", () => {
    const [days, rates] = trendSeries(points);
    expect(days).toEqual([daySeconds("2026-11-16"), daySeconds("2026-11-23"), daySeconds("2026-11-30")]);
    expect(days[1]! - days[0]!).toBe(7 * 86_400);
    expect(rates).toEqual([25, null, 33.3]);
  });

  it("knows when there is nothing to draw", () => {
    expect(hasSignals({ points })).toBe(true);
    expect(hasSignals({ points: [points[1]!] })).toBe(false);
    expect(hasSignals({ points: [] })).toBe(false);
  });
});

describe("daySeconds", () => {
  it("reads a day as its UTC midnight, whatever the machine's zone", () => {
    expect(daySeconds("2026-01-01")).toBe(Date.UTC(2026, 0, 1) / 1000);
  });
});
