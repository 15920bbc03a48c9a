/**
 * CSV for the signal importer: `csv-parse` (RFC 4180, streaming) with the settings and the extras
 * a summary needs.
 *
 * - Fields are separated by `,`, records by CRLF, LF or a lone CR (any mix in one file).
 * - A field that starts with `"` is quoted: it may hold `,`, line breaks and `""` (one quote).
 *   Other quotes are kept as they are (`relax_quotes`, as spreadsheets and people write them).
 * - A UTF-8 byte order mark at the very start is dropped; blank lines are skipped.
 * - A record whose field count differs from the header's is still given, with its `problem`.
 * - Each record carries the physical line number (1-based) it starts on, even when earlier fields
 *   span several lines: csv-parse counts the blank lines it skips (`info.empty_lines`, handed to
 *   `on_record`), and every record takes one line plus the line breaks inside its (quoted) fields.
 *   (csv-parse's own `info.lines` counts a CRLF inside a quoted field twice, so it is not used.)
 */
import { pipeline } from "node:stream/promises";
import { type InfoRecord, type Options, CsvError as ParseError, parse } from "csv-parse";

export interface CsvRow {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  fields: string[];
}

/** A data record keyed by the header's column names. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
  /** Set when the record's field count differs from the header's (the record is still reported). */
  problem?: string;
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvError";
  }
}

/** Text or UTF-8 bytes in chunks of any size, e.g. `fs.createReadStream(path)`. */
export type CsvSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line breaks inside a record's fields (only quoted fields can hold them). */
function lineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields)
    if (field.includes("\n") || field.includes("\r")) count += field.match(LINE_BREAK)?.length ?? 0;
  return count;
}

function toCsvError(err: ParseError, line: number): CsvError {
  if (err.code === "CSV_QUOTE_NOT_CLOSED")
    return new CsvError(
      'unterminated quoted field: a quote opened in the record that starts on this line is never closed (a quote inside a quoted field is written "")',
      line,
    );
  return new CsvError(`cannot read the record that starts on this line (${err.message})`, line);
}

/** The rows of a CSV text (header included), streamed. */
export async function* readCsvRows(source: CsvSource): AsyncGenerator<CsvRow> {
  /** Lines taken by the records parsed so far (the blank lines skipped are in `info.empty_lines`). */
  let taken = 0;
  // Called in file order as each record is parsed (before it is buffered for the reader).
  const toRow = (fields: string[], info: InfoRecord): CsvRow => {
    const line = 1 + taken + info.empty_lines;
    taken += 1 + lineBreaks(fields);
    return { line, fields };
  };
  const parser = parse({
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // The types of csv-parse tie what `on_record` returns to the record's type; it may be anything.
    on_record: toRow as unknown as Options["on_record"],
  });
  // A failing source (or an early stop below) ends the parser, and so the loop: nothing to do here.
  pipeline(source, parser).catch(() => {});
  try {
    yield* parser as AsyncIterable<CsvRow>;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    const skipped = typeof err.empty_lines === "number" ? err.empty_lines : 0;
    throw toCsvError(err, 1 + taken + skipped);
  }
}

/** Trims the header's names and rejects empty or repeated ones. */
export function checkHeader(row: CsvRow): string[] {
  const header = row.fields.map((f) => f.trim());
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === "") throw new CsvError(`column ${i + 1} of the header has no name`, row.line);
    if (seen.has(name)) throw new CsvError(`column "${name}" appears twice in the header`, row.line);
    seen.add(name);
  });
  return header;
}

function toRecord(header: string[], row: CsvRow): CsvRecord {
  const values: Record<string, string> = {};
  header.forEach((name, i) => {
    const v = row.fields[i];
    if (v !== undefined) values[name] = v;
  });
  const record: CsvRecord = { line: row.line, values };
  if (row.fields.length !== header.length)
    record.problem = `expected ${header.length} fields as in the header, found ${row.fields.length}`;
  return record;
}

export interface CsvReadOptions {
  /** Called once with the header (before any record); may throw to stop reading. */
  onHeader?: (header: string[], line: number) => void;
}

/** Records keyed by the header row, streamed. A text without rows yields nothing. */
export async function* readCsvRecords(
  source: CsvSource,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  let header: string[] | undefined;
  for await (const row of readCsvRows(source)) {
    if (header === undefined) {
      header = checkHeader(row);
      options.onHeader?.(header, row.line);
      continue;
    }
    yield toRecord(header, row);
  }
}
