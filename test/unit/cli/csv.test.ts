import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvError, type CsvRecord, type CsvRow, readCsvRecords, readCsvRows } from "#infra/cli/csv";

/** Chunks of `size` characters (the whole text by default), as a file stream would give them. */
function chunks(text: string, size = Math.max(1, text.length)): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function rows(text: string, size?: number): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of readCsvRows(chunks(text, size))) out.push(row);
  return out;
}

async function records(text: string): Promise<{ header: string[]; records: CsvRecord[] }> {
  let header: string[] = [];
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords([text], { onHeader: (h) => (header = h) })) out.push(r);
  return { header, records: out };
}

async function failure(text: string, size?: number): Promise<unknown> {
  try {
    await rows(text, size);
  } catch (err) {
    return err;
  }
  return undefined;
}

describe("readCsvRows", () => {
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
    ["only blank lines", "\n\r\n\r", []],
    [
      "any mix of record ends",
      "a\r\n1\n2\r3\r\n",
      [
        { line: 1, fields: ["a"] },
        { line: 2, fields: ["1"] },
        { line: 3, fields: ["2"] },
        { line: 4, fields: ["3"] },
      ],
    ],
    [
      "blank lines before the header and between multiline records",
      '\n\r\na,b\n"x\r\ny\nz",1\n\n"p\rq",2\n3,4',
      [
        { line: 3, fields: ["a", "b"] },
        { line: 4, fields: ["x\r\ny\nz", "1"] },
        { line: 8, fields: ["p\rq", "2"] },
        { line: 10, fields: ["3", "4"] },
      ],
    ],
    [
      "a line of only spaces or commas is a record, not a blank line",
      "a,b\n  \n,\n",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["  "] },
        { line: 3, fields: ["", ""] },
      ],
    ],
    [
      "text after a closing quote is kept as it is (lenient, like a quote inside an unquoted field)",
      'a,b\n1,2\n"x"y,3',
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
        { line: 3, fields: ['"x"y', "3"] },
      ],
    ],
  ])("%s", async (_name, text, expected) => {
    expect(await rows(text)).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 7])("gives the same rows when fed in chunks of %i characters", async (size) => {
    const text = '\uFEFFid,text,n\r\n1,"a ""quoted"",\r\nmultiline",3\r\n\r\n2,plain,4\r\n3,"",\r\n';
    expect(await rows(text, size)).toEqual(await rows(text));
    expect(await rows(text)).toEqual([
      { line: 1, fields: ["id", "text", "n"] },
      { line: 2, fields: ["1", 'a "quoted",\r\nmultiline', "3"] },
      { line: 5, fields: ["2", "plain", "4"] },
      { line: 6, fields: ["3", "", ""] },
    ]);
  });

  it.each([1, 2, 3])("splits a CRLF or a lone CR across chunks of %i characters correctly", async (size) => {
    const text = "a\r\n\r\n1\r2\r\n\r3";
    expect(await rows(text, size)).toEqual([
      { line: 1, fields: ["a"] },
      { line: 3, fields: ["1"] },
      { line: 4, fields: ["2"] },
      { line: 6, fields: ["3"] },
    ]);
  });

  it.each<[string, string, number]>([
    ["unterminated at the end", 'a,b\n1,"open\n2,3\n', 2],
    ["unterminated on the first line", '"a,b\n', 1],
    ["unterminated after an embedded newline", 'a\n"x\ny"\n"z\n', 4],
    ["unterminated after blank lines and an embedded CRLF", 'a\r\n\r\n"x\r\ny"\r\n\r\n2,"z\r\n', 6],
  ])("reports an unterminated quote with its line: %s", async (_name, text, line) => {
    for (const size of [undefined, 1, 3]) {
      const caught = await failure(text, size);
      expect(caught).toBeInstanceOf(CsvError);
      expect((caught as CsvError).line).toBe(line);
      expect((caught as CsvError).message).toMatch(new RegExp(`^line ${line}: unterminated quoted field`));
    }
  });

  it("passes on an error of the source", async () => {
    async function* broken() {
      yield "a,b\n1,2\n";
      throw new Error("disk on fire");
    }
    const seen: CsvRow[] = [];
    await expect(
      (async () => {
        for await (const row of readCsvRows(broken())) seen.push(row);
      })(),
    ).rejects.toThrowError("disk on fire");
    expect(seen.length).toBeLessThanOrEqual(2);
  });

  it("stops reading the source when the reader stops early", async () => {
    const source = Readable.from(chunks(`h\n${"x\n".repeat(50_000)}`, 64));
    let count = 0;
    for await (const _ of readCsvRows(source)) if (++count === 3) break;
    expect(count).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });
});

describe("readCsvRecords (with a header)", () => {
  it("keys records by the header and flags a wrong field count", async () => {
    const { header, records: list } = await records(" id , score\n1,5\n2\n3,4,extra\n");
    expect(header).toEqual(["id", "score"]);
    expect(list).toEqual([
      { line: 2, values: { id: "1", score: "5" } },
      { line: 3, values: { id: "2" }, problem: "expected 2 fields as in the header, found 1" },
      { line: 4, values: { id: "3", score: "4" }, problem: "expected 2 fields as in the header, found 3" },
    ]);
  });

  it("yields nothing for an empty text", async () => {
    expect(await records("")).toEqual({ header: [], records: [] });
  });

  it.each([
    ["a,a\n1,2", /line 1: column "a" appears twice/],
    ["a,,b\n1,2,3", /line 1: column 2 of the header has no name/],
    ["\n\na, a\n1,2", /line 3: column "a" appears twice/],
  ])("rejects a bad header %j", async (text, message) => {
    await expect(records(text)).rejects.toThrowError(message);
  });

  it("decodes UTF-8 split inside a character and reports the header first", async () => {
    const bytes = Buffer.from('\uFEFFid,verbatim\n1,"好,用"\n2,不错\n', "utf8");
    async function* byteChunks() {
      for (let i = 0; i < bytes.length; i += 4) yield bytes.subarray(i, i + 4);
    }
    const seen: string[] = [];
    const list = [];
    for await (const r of readCsvRecords(byteChunks(), { onHeader: (h) => seen.push(...h) })) list.push(r);
    expect(seen).toEqual(["id", "verbatim"]);
    expect(list).toEqual([
      { line: 2, values: { id: "1", verbatim: "好,用" } },
      { line: 3, values: { id: "2", verbatim: "不错" } },
    ]);
  });
});
