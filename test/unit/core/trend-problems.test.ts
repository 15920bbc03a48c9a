/** Trend buckets on the calendar, and the problem board's arithmetic. */
import { describe, expect, it } from "vitest";
import { groupCounters, problemFigures } from "#core/problems";
import { bucketStart, trendPoints } from "#core/trend";

describe("bucketStart", () => {
  it.each([
    ["2026-11-28", "day", "2026-11-28"],
    ["2026-11-28", "week", "2026-11-23"], // a Saturday → its Monday
    ["2026-11-23", "week", "2026-11-23"], // a Monday is its own week's start
    ["2026-11-29", "week", "2026-11-23"], // a Sunday closes the ISO week
    ["2027-01-01", "week", "2026-12-28"], // across a year end
    ["1970-01-01", "week", "1969-12-29"],
    ["2026-02-28", "month", "2026-02-01"],
    ["2024-02-29", "month", "2024-02-01"],
  ] as const)("%s in a %s bucket starts %s", (day, bucket, start) => {
    expect(bucketStart(day, bucket)).toBe(start);
  });
});

describe("trendPoints", () => {
  const byDay = new Map([
    ["2026-11-02", { n: 10, neg: 2 }],
    ["2026-11-03", { n: 5, neg: 5 }],
    ["2026-11-16", { n: 4, neg: 0 }],
  ]);

  it("sums days into weeks, keeping empty weeks without a rate", () => {
    expect(trendPoints(byDay, "2026-11-01", "2026-11-21", "week")).toEqual([
      { start: "2026-10-26", n: 0, negatives: 0, negativeRate: null },
      { start: "2026-11-02", n: 15, negatives: 7, negativeRate: 7 / 15 },
      { start: "2026-11-09", n: 0, negatives: 0, negativeRate: null },
      { start: "2026-11-16", n: 4, negatives: 0, negativeRate: 0 },
    ]);
  });

  it("has a point per day, and per month", () => {
    expect(trendPoints(byDay, "2026-11-01", "2026-11-30", "day")).toHaveLength(30);
    expect(trendPoints(byDay, "2026-10-15", "2026-12-15", "month").map((p) => [p.start, p.n])).toEqual([
      ["2026-10-01", 0],
      ["2026-11-01", 19],
      ["2026-12-01", 0],
    ]);
  });
});

describe("the problem board", () => {
  it("counts negatives by reason, with the change against the previous period", () => {
    const figures = problemFigures(
      { n: 100, neg: 30, r_quality: 20, r_logistics: 12 },
      { n: 90, neg: 20, r_quality: 25, r_safety: 1 },
    );
    expect(figures).toMatchObject({ n: 100, negatives: 30, negativesChange: 10 });
    expect(figures.byReason).toMatchObject({ quality: 20, logistics: 12, safety: 0, price: 0 });
    expect(figures.byReasonChange).toMatchObject({ quality: -5, logistics: 12, safety: -1, other: 0 });
  });

  it("sums lines into groups", () => {
    const lines: { unit: string; now: Record<string, number>; before: Record<string, number> }[] = [
      { unit: "a", now: { neg: 3, r_price: 3 }, before: { neg: 1 } },
      { unit: "a", now: { neg: 2, r_price: 1 }, before: {} },
      { unit: "b", now: {}, before: { neg: 4 } },
    ];
    const groups = groupCounters(
      lines,
      (l) => l.unit,
      (l) => ({ current: l.now, previous: l.before }),
    );
    expect(groups.get("a")).toEqual({ current: { neg: 5, r_price: 4 }, previous: { neg: 1 } });
    expect(problemFigures(groups.get("b")!.current, groups.get("b")!.previous).negativesChange).toBe(-4);
  });

  it("sums a counter named like an Object.prototype key as a counter, never into the prototype", () => {
    const odd = JSON.parse('{"__proto__": 2, "toString": 3, "neg": 1}');
    const groups = groupCounters(
      [odd, odd],
      () => "all",
      (c) => ({ current: c, previous: {} }),
    );
    const current = groups.get("all")!.current;
    expect(Object.getPrototypeOf(current)).toBe(Object.prototype);
    expect(Object.entries(current).sort()).toEqual([
      ["__proto__", 4],
      ["neg", 2],
      ["toString", 6],
    ]);
  });
});
