/** The rankings CSV: exactly the rows given, in their order, quoted, with formulas neutralised. */
import { describe, expect, it } from "vitest";
import type { RankedLine } from "#schemas/ranking";
import { translate } from "#web/i18n";
import { csvFileName, rankingsCsv } from "#web/rankings-csv";

const line = (id: string, name: string, overrides: Partial<RankedLine> = {}): RankedLine => ({
  rank: 1,
  productLineId: id,
  name,
  businessUnitId: "bu-home",
  category: "kitchen",
  n: 400,
  negatives: 160,
  negativeRate: 0.4,
  wilson: { lo: 0.353, hi: 0.449 },
  shrunkRate: 0.39,
  pulled: false,
  atRisk: false,
  andon: false,
  ...overrides,
});

const context = (locale: "en" | "zh-CN") => ({
  translate: (key: Parameters<typeof translate>[1]) => translate(locale, key, { confidence: "95%" }),
  lineName: (l: RankedLine) => (locale === "zh-CN" && l.nameZh ? l.nameZh : l.name),
  unitName: (id: string) => (id === "bu-home" ? 'Home, "Kitchen" & more' : id),
  categoryName: (id: string) => (id === "kitchen" && locale === "zh-CN" ? "厨房" : id),
  stateOf: (l: RankedLine) => (l.pulled ? "Pulled" : ""),
  bar: 0.2,
});

const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);

describe("rankings CSV", () => {
  it("has a header in the chosen language and one row per line given, in that order", () => {
    const csv = rankingsCsv(
      [
        line("pl-b", "Bee", { rank: 7, nameZh: "蜜蜂" }),
        line("pl-a", "Ant", { rank: 2, pulled: true, wilson: null, negativeRate: null }),
      ],
      context("zh-CN"),
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = rowsOf(csv);
    expect(rows[0]).toBe(
      "排名,产品线编号,产品线,事业部,品类,样本数,负面数,负面率,区间下限,区间上限,红线,收缩后负面率,状态",
    );
    expect(rows.slice(1)).toEqual([
      '7,pl-b,蜜蜂,"Home, ""Kitchen"" & more",厨房,400,160,0.4,0.353,0.449,0.2,0.39,',
      '2,pl-a,Ant,"Home, ""Kitchen"" & more",厨房,400,160,,,,0.2,0.39,Pulled',
    ]);
  });

  it("quotes commas, quotes and line breaks in names", () => {
    const rows = rowsOf(rankingsCsv([line("pl-x", 'Kettle, "big"\nmodel')], context("en")));
    expect(rows[0]).toContain("Rank,Product line id,Product line");
    expect(rankingsCsv([line("pl-x", 'Kettle, "big"\nmodel')], context("en"))).toContain(
      '"Kettle, ""big""\nmodel"',
    );
  });

  it.each(['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", " =1", "＝1"])(
    "neutralises a name starting like a formula: %s",
    (name) => {
      const rows = rowsOf(rankingsCsv([line("pl-f", name)], context("en")));
      const cells = rows[1] ?? "";
      expect(cells).toContain("'");
      expect(cells).not.toMatch(/,[=+\-@]/);
    },
  );

  it("keeps negative-looking numbers as numbers and names the file by period", () => {
    expect(rowsOf(rankingsCsv([line("pl-n", "N", { rank: 3 })], context("en")))[1]?.startsWith("3,")).toBe(
      true,
    );
    expect(csvFileName("2026-Q3")).toBe("rankings-2026-Q3.csv");
    expect(csvFileName("../x")).toBe("rankings-.._x.csv");
  });

  it("is just the header for no rows", () => {
    expect(rowsOf(rankingsCsv([], context("en")))).toHaveLength(1);
  });
});
