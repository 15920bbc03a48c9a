import { describe, expect, it } from "vitest";
import { type Figure, summaryTable } from "#test/bench/summary";

const figure = (overrides: Partial<Figure> = {}): Figure => ({
  bench: "ingest",
  figure: "HTTP signals/s",
  measured: "1,359",
  reference: "raw 1,546/s",
  ...overrides,
});

describe("summaryTable", () => {
  it("is empty when nothing was reported", () => {
    expect(summaryTable([])).toBe("");
  });

  it("prints one row per figure under a header, numbers right-aligned, with the ratio and verdict", () => {
    const lines = summaryTable([
      figure({ ratio: 1359 / 1546, budget: "≥ 0.8", pass: true }),
      figure({
        bench: "web",
        figure: "first-load JS",
        measured: "50.6 KB",
        reference: "–",
        budget: "≤ 200 KB",
        pass: false,
      }),
    ]).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^\| bench +\| figure +\| measured \| reference \(same run\) +\| ratio \| budget +\| verdict \|$/,
    );
    expect(lines[1]).toMatch(/^\| -+ \| -+ \| -+: \| -+ \| -+: \| -+ \| -+ \|$/);
    const cells = (line: string | undefined) => line?.split("|").slice(1, -1) ?? [];
    expect(cells(lines[2]).map((c) => c.trim())).toEqual([
      "ingest",
      "HTTP signals/s",
      "1,359",
      "raw 1,546/s",
      "0.88",
      "≥ 0.8",
      "PASS",
    ]);
    expect(cells(lines[3]).map((c) => c.trim())).toEqual([
      "web",
      "first-load JS",
      "50.6 KB",
      "–",
      "–",
      "≤ 200 KB",
      "FAIL",
    ]);
    // Every row as wide as the header: a markdown table that lines up in a terminal too.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(cells(lines[2])[2]).toBe("    1,359 ");
  });

  it("shows a ratio of 100 or more without decimals and no ratio when it is not finite", () => {
    const [, , big, none] = summaryTable([figure({ ratio: 123.456 }), figure({ ratio: Number.NaN })]).split(
      "\n",
    );
    expect(big).toMatch(/\| +123 \|/);
    expect(none).toMatch(/\| +– \| – +\| – +\|$/);
  });
});
