/** The rankings table's pure logic: filters that combine, sorting every figure, the scrolled window. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RankedLine } from "#schemas/ranking";
import {
  choicesOf,
  DEFAULT_SORT,
  filterLines,
  isOverBar,
  matchesSearch,
  NO_FILTERS,
  nextSort,
  SORT_KEYS,
  sortLines,
  visibleWindow,
} from "#web/rankings-view";

const line = (overrides: Partial<RankedLine> & { productLineId: string }): RankedLine => ({
  rank: 1,
  name: overrides.productLineId,
  businessUnitId: "bu-home",
  category: "kitchen",
  n: 100,
  negatives: 10,
  negativeRate: 0.1,
  wilson: { lo: 0.05, hi: 0.17 },
  shrunkRate: 0.1,
  pulled: false,
  atRisk: false,
  andon: false,
  ...overrides,
});

const judging = { bar: 0.2, minSample: 30 };
const LINES: RankedLine[] = [
  line({
    productLineId: "pl-air",
    name: "Air purifier",
    nameZh: "空气净化器",
    rank: 4,
    n: 400,
    negatives: 160,
    negativeRate: 0.4,
    wilson: { lo: 0.353, hi: 0.449 },
  }),
  line({
    productLineId: "pl-kettle",
    name: "Kettle",
    nameZh: "电水壶",
    rank: 1,
    n: 200,
    negatives: 4,
    negativeRate: 0.02,
    wilson: { lo: 0.008, hi: 0.05 },
  }),
  line({
    productLineId: "pl-milk",
    name: "Milk",
    nameZh: "牛奶",
    businessUnitId: "bu-fresh",
    category: "dairy",
    rank: 2,
    pulled: true,
  }),
  line({
    productLineId: "pl-heater",
    name: "Heater",
    nameZh: "取暖器",
    rank: 3,
    atRisk: true,
    andon: true,
    negativeRate: 0.22,
    wilson: { lo: 0.15, hi: 0.3 },
  }),
  line({
    productLineId: "pl-new",
    name: "New thing",
    rank: 5,
    n: 0,
    negatives: 0,
    negativeRate: null,
    wilson: null,
  }),
];
const ids = (lines: RankedLine[]) => lines.map((l) => l.productLineId);
const naming = { lineName: (l: RankedLine) => l.name, unitName: (id: string) => id, locale: "en" };

describe("filters", () => {
  it("combine unit, category, state and search", () => {
    expect(ids(filterLines(LINES, { ...NO_FILTERS, unit: "bu-home" }, judging))).toEqual([
      "pl-air",
      "pl-kettle",
      "pl-heater",
      "pl-new",
    ]);
    expect(ids(filterLines(LINES, { ...NO_FILTERS, category: "dairy" }, judging))).toEqual(["pl-milk"]);
    expect(ids(filterLines(LINES, { ...NO_FILTERS, state: "over" }, judging))).toEqual(["pl-air"]);
    expect(ids(filterLines(LINES, { ...NO_FILTERS, state: "pulled" }, judging))).toEqual(["pl-milk"]);
    expect(ids(filterLines(LINES, { ...NO_FILTERS, state: "atRisk" }, judging))).toEqual(["pl-heater"]);
    expect(ids(filterLines(LINES, { ...NO_FILTERS, state: "andon" }, judging))).toEqual(["pl-heater"]);
    expect(ids(filterLines(LINES, { ...NO_FILTERS, state: "none" }, judging))).toEqual([
      "pl-kettle",
      "pl-new",
    ]);
    expect(
      ids(filterLines(LINES, { unit: "bu-home", category: "kitchen", state: "all", search: "t" }, judging)),
    ).toEqual(["pl-kettle", "pl-heater", "pl-new"]);
    expect(
      filterLines(LINES, { unit: "bu-fresh", category: "kitchen", state: "all", search: "" }, judging),
    ).toEqual([]);
  });

  it("search names in English (any case) or Chinese, and pinyin only through the matcher given", () => {
    const air = LINES[0] as RankedLine;
    expect(matchesSearch(air, "  AIR ")).toBe(true);
    expect(matchesSearch(air, "净化")).toBe(true);
    expect(matchesSearch(air, "kqjhq")).toBe(false);
    const initials = (name: string, query: string) => name === "空气净化器" && query === "kqjhq";
    expect(matchesSearch(air, "kqjhq", initials)).toBe(true);
    expect(matchesSearch(air, "kq-jhq", initials)).toBe(false);
    expect(matchesSearch(LINES[4] as RankedLine, "xyz", () => true)).toBe(false);
  });

  it("say over the bar only with enough signals and the whole interval above it", () => {
    expect(isOverBar(LINES[0] as RankedLine, judging)).toBe(true);
    expect(isOverBar({ ...(LINES[0] as RankedLine), n: 29 }, judging)).toBe(false);
    expect(isOverBar(LINES[3] as RankedLine, judging)).toBe(false);
  });

  it("offer the units and categories the lines have", () => {
    expect(choicesOf(LINES)).toEqual({ units: ["bu-fresh", "bu-home"], categories: ["dairy", "kitchen"] });
  });
});

describe("sorting", () => {
  it("defaults to worst first", () => {
    expect(ids(sortLines(LINES, DEFAULT_SORT, naming))).toEqual([
      "pl-new",
      "pl-air",
      "pl-heater",
      "pl-milk",
      "pl-kettle",
    ]);
  });

  it("sorts figures both ways with lines lacking the figure last", () => {
    expect(ids(sortLines(LINES, { key: "negativeRate", direction: "descending" }, naming))).toEqual([
      "pl-air",
      "pl-heater",
      "pl-milk",
      "pl-kettle",
      "pl-new",
    ]);
    expect(ids(sortLines(LINES, { key: "negativeRate", direction: "ascending" }, naming))).toEqual([
      "pl-kettle",
      "pl-milk",
      "pl-heater",
      "pl-air",
      "pl-new",
    ]);
    expect(ids(sortLines(LINES, { key: "interval", direction: "ascending" }, naming)).at(-1)).toBe("pl-new");
    // Ties keep the ranking's order.
    expect(ids(sortLines(LINES, { key: "n", direction: "descending" }, naming))).toEqual([
      "pl-air",
      "pl-kettle",
      "pl-milk",
      "pl-heater",
      "pl-new",
    ]);
  });

  it("sorts names as shown, with the locale's collation", () => {
    expect(ids(sortLines(LINES, { key: "name", direction: "ascending" }, naming))).toEqual([
      "pl-air",
      "pl-heater",
      "pl-kettle",
      "pl-milk",
      "pl-new",
    ]);
    const zh = { ...naming, lineName: (l: RankedLine) => l.nameZh ?? l.name, locale: "zh-CN" };
    // 电 dian, 空 kong, 牛 niu, 取 qu: pinyin order.
    expect(
      ids(sortLines(LINES, { key: "name", direction: "ascending" }, zh)).filter((id) => id !== "pl-new"),
    ).toEqual(["pl-kettle", "pl-air", "pl-milk", "pl-heater"]);
  });

  it("is a permutation for every key and direction, and a header click flips or starts a column", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SORT_KEYS), fc.boolean(), (key, up) => {
        const sorted = sortLines(LINES, { key, direction: up ? "ascending" : "descending" }, naming);
        expect([...ids(sorted)].sort()).toEqual([...ids(LINES)].sort());
      }),
    );
    expect(nextSort(DEFAULT_SORT, "rank")).toEqual({ key: "rank", direction: "ascending" });
    expect(nextSort(DEFAULT_SORT, "name")).toEqual({ key: "name", direction: "ascending" });
    expect(nextSort(DEFAULT_SORT, "n")).toEqual({ key: "n", direction: "descending" });
  });
});

describe("the scrolled window", () => {
  it("covers the view plus a margin, clamped to the list", () => {
    expect(visibleWindow({ scrollTop: 0, viewport: 440, rowHeight: 44, count: 10_000, margin: 5 })).toEqual({
      start: 0,
      end: 15,
    });
    expect(
      visibleWindow({ scrollTop: 4400, viewport: 440, rowHeight: 44, count: 10_000, margin: 5 }),
    ).toEqual({ start: 95, end: 115 });
    expect(
      visibleWindow({ scrollTop: 44 * 10_000, viewport: 440, rowHeight: 44, count: 10_000, margin: 5 }),
    ).toEqual({ start: 9995, end: 10_000 });
    expect(visibleWindow({ scrollTop: 0, viewport: 440, rowHeight: 44, count: 3, margin: 5 })).toEqual({
      start: 0,
      end: 3,
    });
  });

  it("always holds the rows in view and never more than view plus margins", () => {
    fc.assert(
      fc.property(
        fc.nat(20_000),
        fc.nat(500_000),
        fc.integer({ min: 44, max: 2000 }),
        (count, scrollTop, viewport) => {
          const { start, end } = visibleWindow({ scrollTop, viewport, rowHeight: 44, count, margin: 10 });
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / 44) + 20);
          const first = Math.floor(scrollTop / 44);
          if (first < count) {
            expect(start).toBeLessThanOrEqual(first);
            expect(end).toBeGreaterThanOrEqual(Math.min(count, first + Math.ceil(viewport / 44)));
          }
        },
      ),
    );
  });
});
