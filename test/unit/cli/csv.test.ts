import { describe, expect, it } from "vitest";
import { CsvError, CsvParser, type CsvRow, parseCsv, parseCsvRows, readCsvRecords } from "#infra/cli/csv";

/** Feeds `text` to a parser in pieces of `size` characters. */
function parseInChunks(text: string, size: number): CsvRow[] {
  const parser = new CsvParser();
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
  rows.push(...parser.end());
  return rows;
}

describe("parseCsvRows", () => {
  it.each<[string, string, CsvRow[]]>([
    [
      "plain LF",
      "a,b\n1,2\n",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
    ],
    [
      "CRLF",
      "a,b\r\n1,2\r\n",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
    ],
    [
      "lone CR",
      "a,b\r1,2",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
    ],
    [
      "no final newline",
      "a,b\n1,2",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
    ],
    [
      "quoted field",
      'a,b\n"x",y',
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["x", "y"] },
      ],
    ],
    [
      "comma inside quotes",
      'a\n"x, y"',
      [
        { line: 1, fields: ["a"] },
        { line: 2, fields: ["x, y"] },
      ],
    ],
    [
      "escaped quotes",
      'a\n"say ""hi"""',
      [
        { line: 1, fields: ["a"] },
        { line: 2, fields: ['say "hi"'] },
      ],
    ],
    [
      "only an escaped quote",
      'a\n""""',
      [
        { line: 1, fields: ["a"] },
        { line: 2, fields: ['"'] },
      ],
    ],
    [
      "embedded LF: next record starts on its physical line",
      'a,b\n"one\ntwo",x\n3,4\n',
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["one\ntwo", "x"] },
        { line: 4, fields: ["3", "4"] },
      ],
    ],
    [
      "embedded CRLF is kept as is",
      'a,b\r\n"one\r\ntwo",x\r\n3,4\r\n',
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["one\r\ntwo", "x"] },
        { line: 4, fields: ["3", "4"] },
      ],
    ],
    [
      "UTF-8 BOM is dropped",
      "\uFEFFa,b\n1,2",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
    ],
    [
      "empty cells",
      "a,b,c\n,,\n1,,3",
      [
        { line: 1, fields: ["a", "b", "c"] },
        { line: 2, fields: ["", "", ""] },
        { line: 3, fields: ["1", "", "3"] },
      ],
    ],
    [
      "empty quoted cell",
      'a,b\n"",x',
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["", "x"] },
      ],
    ],
    [
      "blank lines are skipped",
      "a\n\n1\r\n\r\n2\n",
      [
        { line: 1, fields: ["a"] },
        { line: 3, fields: ["1"] },
        { line: 5, fields: ["2"] },
      ],
    ],
    [
      "quote inside an unquoted field is literal",
      'a\n5" screen',
      [
        { line: 1, fields: ["a"] },
        { line: 2, fields: ['5" screen'] },
      ],
    ],
    [
      "Chinese text",
      '名称,评价\n草莓,"很甜，很新鲜"',
      [
        { line: 1, fields: ["名称", "评价"] },
        { line: 2, fields: ["草莓", "很甜，很新鲜"] },
      ],
    ],
    ["empty input", "", []],
  ])("%s", (_name, text, expected) => {
    expect(parseCsvRows(text)).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 7])("gives the same rows when fed in chunks of %i characters", (size) => {
    const text = '\uFEFFid,text,n\r\n1,"a ""quoted"",\r\nmultiline",3\r\n\r\n2,plain,4\r\n3,"",\r\n';
    expect(parseInChunks(text, size)).toEqual(parseCsvRows(text));
    expect(parseCsvRows(text)).toEqual([
      { line: 1, fields: ["id", "text", "n"] },
      { line: 2, fields: ["1", 'a "quoted",\r\nmultiline', "3"] },
      { line: 5, fields: ["2", "plain", "4"] },
      { line: 6, fields: ["3", "", ""] },
    ]);
  });

  it.each<[string, string, number]>([
    ["unterminated at the end", 'a,b\n1,"open\n2,3\n', 2],
    ["unterminated on the first line", '"a,b\n', 1],
    ["unterminated after an embedded newline", 'a\n"x\ny"\n"z\n', 4],
  ])("reports an unterminated quote with its line: %s", (_name, text, line) => {
    let caught: unknown;
    try {
      parseCsvRows(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CsvError);
    expect((caught as CsvError).line).toBe(line);
    expect((caught as CsvError).message).toMatch(new RegExp(`line ${line}.*unterminated`));
  });

  it("rejects text after a closing quote, naming the line", () => {
    expect(() => parseCsvRows('a,b\n1,2\n"x"y,3')).toThrowError(/line 3: unexpected character "y"/);
  });
});

describe("parseCsv (with a header)", () => {
  it("keys records by the header and flags a wrong field count", () => {
    const { header, records } = parseCsv(" id , score\n1,5\n2\n3,4,extra\n");
    expect(header).toEqual(["id", "score"]);
    expect(records).toEqual([
      { line: 2, values: { id: "1", score: "5" } },
      { line: 3, values: { id: "2" }, problem: "expected 2 fields as in the header, found 1" },
      { line: 4, values: { id: "3", score: "4" }, problem: "expected 2 fields as in the header, found 3" },
    ]);
  });

  it.each([
    ["a,a\n1,2", /column "a" appears twice/],
    ["a,,b\n1,2,3", /column 2 of the header has no name/],
  ])("rejects a bad header %j", (text, message) => {
    expect(() => parseCsv(text)).toThrowError(message);
  });
});

describe("readCsvRecords (streaming bytes)", () => {
  it("decodes UTF-8 split inside a character and reports the header first", async () => {
    const bytes = Buffer.from('\uFEFFid,verbatim\n1,"好,用"\n2,不错\n', "utf8");
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 4) yield bytes.subarray(i, i + 4);
    }
    const seen: string[] = [];
    const records = [];
    for await (const r of readCsvRecords(chunks(), { onHeader: (h) => seen.push(...h) })) records.push(r);
    expect(seen).toEqual(["id", "verbatim"]);
    expect(records).toEqual([
      { line: 2, values: { id: "1", verbatim: "好,用" } },
      { line: 3, values: { id: "2", verbatim: "不错" } },
    ]);
  });
});
