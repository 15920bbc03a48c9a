/**
 * Reads a CSV or JSONL file of signals as a stream of `{ line, raw }` records, never the whole
 * file at once. The records are not validated here: the API is the authority and answers each bad
 * one with its field errors. Only what cannot be sent at all (a malformed JSONL line, a CSV row with
 * the wrong number of fields) comes back with `errors` set, and is reported as rejected.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import type { FieldError, SignalRecord } from "#infra/api-client/importer";
import { Signal } from "#schemas/signal";
import { CsvError, type CsvRecord, readCsvRecords } from "./csv";

export type { FieldError, SignalRecord };

export type SignalFileFormat = "csv" | "jsonl";

/** A problem with the file as a whole: missing, unreadable, unknown extension, bad header, broken CSV. */
export class SignalFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignalFileError";
  }
}

/** The signal field names a CSV header may use (any order, any subset). */
export const SIGNAL_FIELDS: readonly string[] = Object.keys(Signal.shape);

const FORMATS: Record<string, SignalFileFormat> = { ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl" };

export function signalFileFormat(path: string): SignalFileFormat {
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (format === undefined)
    throw new SignalFileError(
      `Cannot import ${path}: unknown file type ${ext === "" ? "(no extension)" : `"${ext}"`}; use a .csv or .jsonl file`,
    );
  return format;
}

async function checkReadable(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SignalFileError(`File not found: ${path}`);
    throw new SignalFileError(`Cannot read ${path}: ${(err as Error).message}`);
  }
  if (!info.isFile()) throw new SignalFileError(`Not a file: ${path}`);
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV record as a signal object: empty cells are absent, `score` becomes a number when it looks
 * like one (otherwise the text is kept so that the API names the field), `reasons` is split on `|`.
 */
export function csvValuesToSignal(values: Record<string, string>): Record<string, unknown> {
  const signal: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value.trim() === "") continue;
    if (name === "score") {
      const text = value.trim();
      signal.score = NUMERIC.test(text) ? Number(text) : value;
    } else if (name === "reasons") {
      const reasons = value
        .split("|")
        .map((r) => r.trim())
        .filter((r) => r !== "");
      if (reasons.length > 0) signal.reasons = reasons;
    } else signal[name] = value;
  }
  return signal;
}

function checkCsvHeader(header: string[], path: string): void {
  const known = new Set(SIGNAL_FIELDS);
  const unknown = header.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new SignalFileError(
      `${path}: unknown column${unknown.length > 1 ? "s" : ""} in the header: ${unknown.map((n) => `"${n}"`).join(", ")}. ` +
        `Allowed: ${SIGNAL_FIELDS.join(", ")}`,
    );
}

function csvRecordToSignalRecord(record: CsvRecord): SignalRecord {
  if (record.problem !== undefined)
    return {
      line: record.line,
      raw: undefined,
      errors: [{ path: "", message: `Malformed CSV row: ${record.problem}` }],
    };
  return { line: record.line, raw: csvValuesToSignal(record.values) };
}

async function* readCsvFile(path: string): AsyncGenerator<SignalRecord> {
  let sawHeader = false;
  try {
    const records = readCsvRecords(createReadStream(path), {
      onHeader: (header) => {
        sawHeader = true;
        checkCsvHeader(header, path);
      },
    });
    for await (const record of records) yield csvRecordToSignalRecord(record);
  } catch (err) {
    if (err instanceof CsvError) throw new SignalFileError(`${path}: ${err.message}`);
    throw err;
  }
  if (!sawHeader)
    throw new SignalFileError(`${path} is empty: a CSV file needs a header row of signal field names`);
}

function parseJsonLine(text: string, line: number): SignalRecord {
  try {
    return { line, raw: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      line,
      raw: undefined,
      errors: [{ path: "", message: `Malformed JSON: ${(err as Error).message}` }],
    };
  }
}

async function* readJsonlFile(path: string): AsyncGenerator<SignalRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const rawText of lines) {
      line++;
      const text = line === 1 && rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
      if (text.trim() === "") continue;
      yield parseJsonLine(text, line);
    }
  } finally {
    lines.close();
  }
}

/**
 * Streams the records of a `.csv` or `.jsonl` file. Throws `SignalFileError` (before the first
 * record when it can) for a missing file, an unknown extension, unknown CSV columns or a broken CSV.
 */
export async function* readSignalFile(path: string): AsyncGenerator<SignalRecord> {
  const format = signalFileFormat(path);
  await checkReadable(path);
  yield* format === "csv" ? readCsvFile(path) : readJsonlFile(path);
}

/** Counts the records of a file (one streaming pass), for the progress bar. */
export async function countSignalRecords(path: string): Promise<number> {
  let count = 0;
  for await (const _ of readSignalFile(path)) count++;
  return count;
}
