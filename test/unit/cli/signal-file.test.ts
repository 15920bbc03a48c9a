import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countSignalRecords,
  csvValuesToSignal,
  readSignalFile,
  SignalFileError,
  type SignalRecord,
  signalFileFormat,
} from "#infra/cli/signal-file";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "strawberry-signal-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content, "utf8");
  return path;
}

async function readAll(path: string): Promise<SignalRecord[]> {
  const out: SignalRecord[] = [];
  for await (const r of readSignalFile(path)) out.push(r);
  return out;
}

describe("csvValuesToSignal", () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ["integer score", { score: "4" }, { score: 4 }],
    ["score with spaces", { score: " 10 " }, { score: 10 }],
    ["fractional score stays a number (the API rejects it)", { score: "3.5" }, { score: 3.5 }],
    ["non-numeric score stays text (the API rejects it)", { score: "five" }, { score: "five" }],
    ["empty cells are absent", { score: "", verbatim: "", kind: "csat" }, { kind: "csat" }],
    ["blank cell is absent", { orderRef: "   " }, {}],
    ["reasons split on |", { reasons: "quality|logistics" }, { reasons: ["quality", "logistics"] }],
    ["reasons trimmed, empties dropped", { reasons: " price | |safety|" }, { reasons: ["price", "safety"] }],
    ["reasons of only separators are absent", { reasons: "||" }, {}],
    ["verbatim kept as is", { verbatim: " 很好用, really " }, { verbatim: " 很好用, really " }],
  ])("%s", (_name, values, expected) => {
    expect(csvValuesToSignal(values)).toEqual(expected);
  });
});

describe("signalFileFormat", () => {
  it.each([
    ["a.csv", "csv"],
    ["A.CSV", "csv"],
    ["dir/b.jsonl", "jsonl"],
    ["c.ndjson", "jsonl"],
  ])("%s is %s", (path, format) => {
    expect(signalFileFormat(path)).toBe(format);
  });

  it.each(["a.json", "a.txt", "noext"])("refuses %s", (path) => {
    expect(() => signalFileFormat(path)).toThrowError(SignalFileError);
    expect(() => signalFileFormat(path)).toThrowError(/use a \.csv or \.jsonl file/);
  });
});

describe("readSignalFile: CSV", () => {
  it("types the cells and keeps each record's starting line", async () => {
    const path = await file(
      "ok.csv",
      "\uFEFFkind,signalId,productLineId,channel,score,reasons,verbatim,occurredAt\r\n" +
        'csat,s-1,pl-a,chat,2,quality|price,"太慢了,\r\n还坏了",2026-03-01T10:00:00+08:00\r\n' +
        "complaint,s-2,pl-a,hotline,,logistics,,2026-03-02T10:00:00+08:00\r\n",
    );
    expect(await readAll(path)).toEqual([
      {
        line: 2,
        raw: {
          kind: "csat",
          signalId: "s-1",
          productLineId: "pl-a",
          channel: "chat",
          score: 2,
          reasons: ["quality", "price"],
          verbatim: "太慢了,\r\n还坏了",
          occurredAt: "2026-03-01T10:00:00+08:00",
        },
      },
      {
        line: 4,
        raw: {
          kind: "complaint",
          signalId: "s-2",
          productLineId: "pl-a",
          channel: "hotline",
          reasons: ["logistics"],
          occurredAt: "2026-03-02T10:00:00+08:00",
        },
      },
    ]);
    expect(await countSignalRecords(path)).toBe(2);
  });

  it("lists every unknown header name", async () => {
    const path = await file("unknown.csv", "signalId,rating,kind,comment\ns-1,5,csat,hi\n");
    await expect(readAll(path)).rejects.toThrowError(SignalFileError);
    await expect(readAll(path)).rejects.toThrowError(/unknown columns in the header: "rating", "comment"/);
  });

  it("reports a row with the wrong number of fields as rejected, not fatal", async () => {
    const path = await file("short.csv", "signalId,kind\ns-1,csat\ns-2\ns-3,nps\n");
    const records = await readAll(path);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(records[1]).toEqual({
      line: 3,
      raw: undefined,
      errors: [{ path: "", message: "Malformed CSV row: expected 2 fields as in the header, found 1" }],
    });
    expect(records[2]?.errors).toBeUndefined();
  });

  it("fails on an unterminated quote with its line", async () => {
    const path = await file("open.csv", 'signalId,verbatim\ns-1,ok\ns-2,"never closed\ns-3,x\n');
    await expect(readAll(path)).rejects.toThrowError(/line 3: unterminated quoted field/);
  });

  it("fails on an empty file", async () => {
    const path = await file("empty.csv", "");
    await expect(readAll(path)).rejects.toThrowError(/empty: a CSV file needs a header row/);
  });
});

describe("readSignalFile: JSONL", () => {
  it("skips blank lines and reports a malformed line with its number", async () => {
    const path = await file(
      "mixed.jsonl",
      '\uFEFF{"signalId":"j-1","score":5}\r\n\r\n{"signalId":"j-2",\n   \n{"signalId":"j-3"}\n',
    );
    const records = await readAll(path);
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
    expect(records[0]).toEqual({ line: 1, raw: { signalId: "j-1", score: 5 } });
    expect(records[1]?.raw).toBeUndefined();
    expect(records[1]?.errors?.[0]?.message).toMatch(/^Malformed JSON: /);
    expect(records[2]).toEqual({ line: 5, raw: { signalId: "j-3" } });
    expect(await countSignalRecords(path)).toBe(3);
  });

  it("reports a missing file clearly", async () => {
    await expect(readAll(join(dir, "missing.jsonl"))).rejects.toThrowError(
      /File not found: .*missing\.jsonl/,
    );
  });
});
