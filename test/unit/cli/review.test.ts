import { describe, expect, it } from "vitest";
import { displayWidth, pad, printable, quarterProblem, renderReview } from "#infra/cli/review";
import { reviewLine, samplePolicy, sampleReview } from "./review-fixture";

/** The table's rows: from its header (starting "line") to the blank line after it. */
const tableOf = (text: string): string[] => {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("line "));
  const end = lines.indexOf("", start);
  return start < 0 ? [] : lines.slice(start, end);
};

/** The display column at which `word` starts in `row`. */
const columnOf = (row: string, word: string): number => displayWidth(row.slice(0, row.indexOf(word)));

describe("displayWidth", () => {
  it.each<[string, number]>([
    ["", 0],
    ["pl-kettle", 9],
    ["电水壶", 6],
    ["取暖器 Heater", 13],
    ["한국어", 6],
    ["ＡＢ", 4], // fullwidth Latin
    ["ｱｲ", 2], // halfwidth katakana stay narrow
    ["、。「」", 8], // CJK punctuation
    ["𠀀", 2], // CJK extension B, outside the BMP
    ["e\u0301", 1], // e + combining acute: one character
    ["a\u200bb", 2], // zero-width space
    ["👍", 2],
    ["👨‍👩‍👧", 2], // a ZWJ family is drawn as one emoji
    ["✔\ufe0f", 2], // emoji presentation selector
    ["15.0 %", 6],
  ])("%j is %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("pads by display columns, left or right", () => {
    expect(pad("电水壶", 8)).toBe("电水壶  ");
    expect(pad("电水壶", 8, "right")).toBe("  电水壶");
    expect(pad("too long", 3)).toBe("too long");
  });

  it("neutralises control characters and bidirectional overrides", () => {
    expect(printable("pl-\u001b[31mred\nline\u202eevil")).toBe("pl-\ufffd[31mred\ufffdline\ufffdevil");
    expect(printable("牛奶 ok")).toBe("牛奶 ok");
  });
});

describe("quarterProblem", () => {
  it.each(["2026-Q1", "2026-Q4", "1999-Q2"])("accepts %s", (quarter) => {
    expect(quarterProblem(quarter)).toBeUndefined();
  });

  it("asks for a missing quarter", () => {
    expect(quarterProblem("")).toBe("review needs the quarter: npm run cli -- review --quarter 2026-Q3");
  });

  it.each(["2026-Q5", "2026-Q0", "2026-q3", "2026Q3", "26-Q3", "2026-Q3 ", "2026", "2026-09"])(
    "refuses %j, naming it",
    (quarter) => {
      expect(quarterProblem(quarter)).toBe(`--quarter must be a quarter such as 2026-Q3, got "${quarter}"`);
    },
  );
});

describe("renderReview", () => {
  it("heads the review with its quarter, policy, pooled rate, bar, run and notices", () => {
    const text = renderReview(sampleReview(), samplePolicy);
    expect(text.split("\n").slice(0, 6)).toEqual([
      "Review of 2026-Q3",
      "  policy version  2",
      "  pooled rate     16.2 %  (537 negatives in 3,320 signals)",
      "  bar             24.3 %  the relative bar (1.5 x pooled rate), above the absolute 20.0 %",
      "  ran             2026-10-01 02:00:00 UTC by dev-cco",
      "  notices         3 carry this quarter's flags",
    ]);
    expect(text).toContain(
      "FLAGGED: the 95 % Wilson lower bound is above the bar, or 3+ critical complaints.",
    );
  });

  it("lists flagged lines worst first, then lines at risk, with their figures, reasons and notices", () => {
    const rows = tableOf(renderReview(sampleReview(), samplePolicy));
    const cells = rows.map((r) => r.split(/ {2,}/));
    expect(cells[0]).toEqual([
      "line",
      "unit",
      "n",
      "neg",
      "rate %",
      "wilson lo %",
      "bar %",
      "status",
      "flagged by",
      "to be flagged",
      "notice",
      "top reasons",
    ]);
    expect(rows[1]).toMatch(/^-+( {2}-+){11}$/);
    expect(cells.slice(2)).toEqual([
      [
        "pl-again",
        "bu-fresh",
        "300",
        "150",
        "50.0",
        "44.4",
        "24.3",
        "FLAGGED repeat",
        "rate",
        "n-2026-Q3-pl-again",
        "quality 40",
      ],
      [
        "pl-bad",
        "bu-home",
        "400",
        "160",
        "40.0",
        "35.3",
        "24.3",
        "FLAGGED",
        "rate, 3 critical",
        "n-2026-Q3-pl-bad",
        "quality 100, safety 30, logistics 20",
      ],
      [
        "pl-crit",
        "bu-fresh",
        "500",
        "25",
        "5.0",
        "3.4",
        "24.3",
        "FLAGGED",
        "3 critical",
        "n-2026-Q3-pl-crit",
        "safety 3",
      ],
      ["pl-risk", "bu-home", "100", "27", "27.0", "19.3", "24.3", "AT RISK", "+9 neg", "quality 40"],
    ]);
    // Numbers are right-aligned: every figure of a column ends where its header does.
    for (const header of ["n", "neg", "rate %", "wilson lo %"]) {
      const end = rows[0]!.indexOf(` ${header} `) + header.length + 1;
      for (const row of rows.slice(2)) expect(row[end - 1], `${header} in ${row}`).toMatch(/\d/);
    }
  });

  it("counts every line reviewed: flagged, at risk, ok and too small for the policy's minimum sample", () => {
    const text = renderReview(sampleReview(), samplePolicy);
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "6 lines reviewed: 3 flagged, 1 at risk, 1 ok, 1 too small (n < 30)",
    );
  });

  it("without the policy, does not guess which lines are too small", () => {
    const text = renderReview(sampleReview());
    expect(text.trimEnd().split("\n").at(-1)).toBe("6 lines reviewed: 3 flagged, 1 at risk, 2 neither");
    expect(text).toContain("  bar             24.3 %  the relative bar, above the absolute 20.0 %");
    expect(text).toContain(
      "FLAGGED: the Wilson lower bound is above the bar, or enough critical complaints.",
    );
  });

  it("says a dry run stored nothing, and leaves out columns empty in every row", () => {
    const review = sampleReview({ dryRun: true, noticesIssued: [] });
    review.lines = review.lines.map(({ noticeId: _n, ...line }) => line);
    const text = renderReview(review, samplePolicy);
    expect(text).toMatch(/^Review of 2026-Q3 \(DRY RUN: nothing stored, no notices issued\)\n/);
    expect(text).toContain("  notices         none (dry run)");
    const header = tableOf(text)[0];
    expect(header).toContain("to be flagged");
    expect(header).not.toContain("notice");
  });

  it("names the absolute bar when it is the higher one, and an at-risk line no count of negatives would flag", () => {
    const review = sampleReview({
      pooledRate: 0.1,
      bar: { value: 0.2, absolute: 0.2, relative: 0.15, pooledRate: 0.1, from: "absolute" },
      lines: [
        reviewLine({ productLineId: "pl-edge", n: 31, negatives: 7, negativeRate: 0.2258, atRisk: true }),
      ],
      noticesIssued: [],
    });
    const text = renderReview(review, samplePolicy);
    expect(text).toContain(
      "  bar             20.0 %  the absolute bar, at or above the relative 15.0 % (1.5 x pooled rate)",
    );
    expect(tableOf(text)[2]).toMatch(/^pl-edge .* AT RISK {2}out of reach +quality 40$/);
    expect(tableOf(text)[0]).not.toMatch(/flagged by|notice/);
  });

  it("says when no line is flagged or at risk", () => {
    // At exactly the minimum sample a line is judged on its rate; one signal fewer, it is too small.
    const lines = [
      reviewLine({ productLineId: "pl-30", n: 30, negatives: 2, negativeRate: 2 / 30 }),
      reviewLine({ productLineId: "pl-29", n: 29, negatives: 2, negativeRate: 2 / 29 }),
    ];
    const text = renderReview(sampleReview({ lines, noticesIssued: [] }), samplePolicy);
    expect(text).toContain("\nNo line is flagged or at risk.\n");
    expect(text).toContain("  notices         none: no line is flagged\n");
    expect(tableOf(text)).toEqual([]);
    expect(text).toContain("2 lines reviewed: 0 flagged, 0 at risk, 1 ok, 1 too small (n < 30)");
  });

  it("says when the quarter has no signals at all", () => {
    const text = renderReview(sampleReview({ lines: [], noticesIssued: [], pooledRate: 0 }), samplePolicy);
    expect(text).toContain("  pooled rate     0.0 %  (0 negatives in 0 signals)");
    expect(text.trimEnd().split("\n").at(-1)).toBe("No product line has signals in 2026-Q3.");
    expect(text).not.toContain("lines reviewed");
  });

  it("keeps columns aligned when ids hold wide CJK characters", () => {
    const review = sampleReview();
    review.lines[3] = { ...review.lines[3]!, productLineId: "电水壶-pl", businessUnitId: "家电事业部" };
    review.lines[1] = { ...review.lines[1]!, businessUnitId: "ｂｕ－ｆｕｌｌ" };
    const rows = tableOf(renderReview(review, samplePolicy));
    expect(rows.some((r) => r.startsWith("电水壶-pl"))).toBe(true);
    // Each column starts at the same display column in every row (measured by length, it would not).
    for (const [header, word] of [
      ["unit", /bu-|家电|ｂｕ/],
      ["status", /FLAGGED|AT RISK/],
      ["top reasons", /(quality|safety) \d/],
    ] as const) {
      const at = columnOf(rows[0]!, header);
      for (const row of rows.slice(2)) {
        const match = row.match(word);
        expect(displayWidth(row.slice(0, match?.index)), `${header} in ${row}`).toBe(at);
      }
    }
    // The dashed rule is as wide as the widest cell of each column.
    expect(displayWidth(rows[1]!.split("  ")[0]!)).toBe(displayWidth("电水壶-pl"));
    expect(displayWidth(rows[1]!.split("  ")[1]!)).toBe(displayWidth("ｂｕ－ｆｕｌｌ"));
  });

  it("prints text from the API without its control characters", () => {
    const review = sampleReview({ ranBy: "eve\u001b]0;pwned\u0007" });
    review.lines[1] = { ...review.lines[1]!, businessUnitId: "bu\nx" };
    const text = renderReview(review, samplePolicy);
    expect([...text].filter((c) => c !== "\n" && /\p{Cc}/u.test(c))).toEqual([]);
    expect(text).toContain("by eve\ufffd]0;pwned\ufffd");
    expect(tableOf(text).find((r) => r.startsWith("pl-risk"))).toContain("bu\ufffdx");
  });
});
