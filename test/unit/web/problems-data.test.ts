/** The problem board's logic: sorting any column, shares, changes as text, filters and periods. */
import { describe, expect, it } from "vitest";
import {
  categoriesOf,
  changeText,
  DEFAULT_SORT,
  nextSort,
  type ProblemFigures,
  type ProblemRow,
  previousPeriodOf,
  problemsPath,
  shareOf,
  sortRows,
} from "#web/problems-data";

const zero = {
  quality: 0,
  logistics: 0,
  "description-mismatch": 0,
  "service-attitude": 0,
  price: 0,
  safety: 0,
  other: 0,
};
const figures = (n: number, negatives: number, quality: number, change = 0): ProblemFigures => ({
  n,
  negatives,
  byReason: { ...zero, quality },
  negativesChange: change,
  byReasonChange: { ...zero, quality: change },
});
const rows: ProblemRow[] = [
  { id: "a", label: "空气净化器", figures: figures(100, 10, 2, 3) },
  { id: "b", label: "电水壶", figures: figures(50, 20, 20, -5) },
  { id: "c", label: "Air fryer", figures: figures(80, 10, 9, 0) },
];
const ids = (list: ProblemRow[]) => list.map((r) => r.id);

describe("sortRows", () => {
  it("puts the most negatives first by default, ties by label", () => {
    expect(ids(sortRows(rows, DEFAULT_SORT, "en"))).toEqual(["b", "c", "a"]);
  });

  it("sorts by a reason's count and by the change, either way", () => {
    expect(ids(sortRows(rows, { key: "reason:quality", descending: true }, "en"))).toEqual(["b", "c", "a"]);
    expect(ids(sortRows(rows, { key: "negativesChange", descending: false }, "en"))).toEqual(["b", "c", "a"]);
    expect(ids(sortRows(rows, { key: "n", descending: true }, "en"))).toEqual(["a", "c", "b"]);
  });

  it("sorts labels in the locale's order (by pinyin in Chinese: 电 before 空)", () => {
    expect(ids(sortRows(rows, { key: "label", descending: false }, "zh-CN"))).toEqual(["b", "a", "c"]);
  });

  it("never changes the rows it was given", () => {
    const before = ids(rows);
    sortRows(rows, { key: "n", descending: true }, "en");
    expect(ids(rows)).toEqual(before);
  });
});

describe("nextSort", () => {
  it("flips the same column and starts a new figure with the most first", () => {
    expect(nextSort(DEFAULT_SORT, "negatives")).toEqual({ key: "negatives", descending: false });
    expect(nextSort(DEFAULT_SORT, "reason:price")).toEqual({ key: "reason:price", descending: true });
    expect(nextSort(DEFAULT_SORT, "label")).toEqual({ key: "label", descending: false });
  });
});

describe("shares and changes", () => {
  it("gives a share of the row's negatives, none for a row without", () => {
    expect(shareOf(4, 10)).toBe(0.4);
    expect(shareOf(0, 0)).toBeNull();
  });

  it("writes a change as an arrow and a signed number", () => {
    expect(changeText("en", 12)).toEqual({ text: "▲ +12", direction: "up" });
    expect(changeText("en", -3)).toEqual({ text: "▼ −3", direction: "down" });
    expect(changeText("en", 0)).toEqual({ text: "= 0", direction: "same" });
    expect(changeText("en", 12345).text).toBe("▲ +12,345");
  });
});

describe("filters and periods", () => {
  it("lists each category once, in order", () => {
    expect(
      categoriesOf([{ category: "kitchen" }, { category: "dairy" }, { category: "kitchen" }], "en"),
    ).toEqual(["dairy", "kitchen"]);
  });

  it("asks for the chosen filters only", () => {
    expect(problemsPath({ period: "2026-Q4" })).toBe("/v1/problems?period=2026-Q4");
    expect(problemsPath({ period: "2026", unit: "bu-home", category: "small appliance", limit: 10 })).toBe(
      "/v1/problems?period=2026&businessUnitId=bu-home&category=small+appliance&limit=10",
    );
  });

  it("names the previous quarter or year", () => {
    expect(previousPeriodOf("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriodOf("2026-Q3")).toBe("2026-Q2");
    expect(previousPeriodOf("2026")).toBe("2025");
  });
});
