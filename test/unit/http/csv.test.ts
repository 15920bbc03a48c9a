/** CSV answers: one rendering, formulas neutralised for every text cell, RFC 4180 quoting. */
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, renderCsv, wantsCsv } from "#http/csv";

describe("neutraliseFormula", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+86 138", "'+86 138"],
    ["-1+1", "'-1+1"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["  =1", "'  =1"],
    ["\u3000=1", "'\u3000=1"],
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠x", "'＠x"],
    ["空气净化器 =1", "空气净化器 =1"],
    ["pl-home", "pl-home"],
    ["", ""],
  ])("%j → %j", (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });
});

describe("renderCsv", () => {
  it("writes a BOM, CRLF line ends, quotes where needed, numbers as numbers", () => {
    const text = renderCsv({
      columns: ["id", "name", "rate"],
      rows: [
        ["pl-1", '空气净化器, "大"', -0.5],
        ["pl-2", "line\nbreak", null],
      ],
    });
    expect(text).toBe('\uFEFFid,name,rate\r\npl-1,"空气净化器, ""大""",-0.5\r\npl-2,"line\nbreak",\r\n');
  });

  it("round-trips any text through a CSV reader, neutralised and never read as a formula", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 6 }), (cells) => {
        const text = renderCsv({ columns: cells.map((_, i) => `c${i}`), rows: [cells] });
        const [, row] = parse(text, { bom: true, relax_quotes: false }) as string[][];
        expect(row).toEqual(cells.map(neutraliseFormula));
        for (const field of row ?? [])
          expect(field).not.toMatch(/^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("wantsCsv", () => {
  it.each([
    ["csv", undefined, true],
    ["json", "text/csv", false],
    [undefined, "text/csv", true],
    [undefined, "text/csv, application/json", true],
    [undefined, "application/json, text/csv;q=0.9", false],
    [undefined, "text/csv;q=0", false],
    [undefined, "*/*", false],
    [undefined, "text/*", false],
    [undefined, undefined, false],
  ])("format %s, Accept %s → %s", (format, accept, expected) => {
    expect(wantsCsv(format, accept)).toBe(expected);
  });
});
