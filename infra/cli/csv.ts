/**
 * A streaming RFC 4180 CSV parser.
 *
 * - Fields are separated by `,`, records by CRLF, LF or a lone CR.
 * - A field that starts with `"` is quoted: it may hold `,`, line breaks and `""` (one quote).
 *   A quote inside an unquoted field is kept as it is (lenient, as spreadsheets write it).
 * - A UTF-8 byte order mark at the very start is dropped.
 * - Blank lines are skipped.
 * - Each record carries the physical line number (1-based) it starts on, so that a summary can
 *   point people at the right row even when earlier fields span several lines.
 *
 * Feed text with `push()` in chunks of any size (a chunk may end anywhere, even between the two
 * characters of `""` or CRLF) and call `end()` once at the end.
 */

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

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/** Parser states. */
const State = {
  /** At the start of a field: a quote here opens a quoted field. */
  FieldStart: 0,
  /** Inside an unquoted field. */
  Unquoted: 1,
  /** Inside a quoted field. */
  Quoted: 2,
  /** Saw `"` inside a quoted field: either `""` (an escaped quote) or the closing quote. */
  QuoteInQuoted: 3,
  /** After the closing quote: only `,` or a line break may follow. */
  AfterQuoted: 4,
} as const;
type State = (typeof State)[keyof typeof State];

export class CsvParser {
  private state: State = State.FieldStart;
  private fields: string[] = [];
  private field = "";
  /** The current record has seen any character (so an empty line can be told from a record). */
  private started = false;
  /** Current physical line (1-based). */
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The previous chunk ended with CR outside quotes: a leading LF in the next one belongs to it. */
  private skipLf = false;
  private first = true;
  private ended = false;

  /** Parses a chunk; returns the records completed by it. */
  push(chunk: string): CsvRow[] {
    if (this.ended) throw new Error("CsvParser: push() after end()");
    const out: CsvRow[] = [];
    let s = chunk;
    if (this.first && s.length > 0) {
      this.first = false;
      if (s.charCodeAt(0) === BOM) s = s.slice(1);
    }
    const n = s.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      switch (this.state) {
        case State.Quoted: {
          const q = s.indexOf('"', i);
          const end = q === -1 ? n : q;
          const part = s.slice(i, end);
          this.field += part;
          this.line += countLf(part);
          if (q === -1) i = n;
          else {
            this.state = State.QuoteInQuoted;
            i = q + 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          if (s.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else this.state = State.AfterQuoted;
          break;
        }
        case State.AfterQuoted: {
          const c = s.charCodeAt(i);
          if (c === COMMA) {
            this.endField();
            i++;
          } else if (c === LF || c === CR) {
            i = this.endLine(s, i, out);
          } else {
            throw new CsvError(
              `unexpected character ${JSON.stringify(s[i])} after a closing quote (a quote inside a quoted field is written "")`,
              this.line,
            );
          }
          break;
        }
        case State.FieldStart:
        case State.Unquoted: {
          if (this.state === State.FieldStart && s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.started = true;
            this.quoteLine = this.line;
            i++;
            break;
          }
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === COMMA || c === LF || c === CR) break;
            j++;
          }
          if (j > i) {
            this.field += s.slice(i, j);
            this.started = true;
            this.state = State.Unquoted;
          }
          if (j === n) {
            i = n;
            break;
          }
          if (s.charCodeAt(j) === COMMA) {
            this.started = true;
            this.endField();
            i = j + 1;
          } else i = this.endLine(s, j, out);
          break;
        }
      }
    }
    return out;
  }

  /** Flushes the last record. Throws `CsvError` when a quoted field is still open. */
  end(): CsvRow[] {
    if (this.ended) return [];
    this.ended = true;
    if (this.state === State.Quoted)
      throw new CsvError(
        `unterminated quoted field (the quote opened on line ${this.quoteLine} is never closed)`,
        this.quoteLine,
      );
    const out: CsvRow[] = [];
    if (this.started) this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.state = State.FieldStart;
  }

  /** Handles the line break at `s[i]` (CR or LF); returns the index after it. */
  private endLine(s: string, i: number, out: CsvRow[]): number {
    if (this.started) this.endRecord(out);
    else this.state = State.FieldStart;
    this.line++;
    this.recordLine = this.line;
    if (s.charCodeAt(i) === CR) {
      if (i + 1 < s.length) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.skipLf = true;
    }
    return i + 1;
  }

  private endRecord(out: CsvRow[]): void {
    this.fields.push(this.field);
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = "";
    this.started = false;
    this.state = State.FieldStart;
  }
}

function countLf(s: string): number {
  let count = 0;
  let at = s.indexOf("\n");
  while (at !== -1) {
    count++;
    at = s.indexOf("\n", at + 1);
  }
  return count;
}

/** Parses a whole text into rows (header included). */
export function parseCsvRows(text: string): CsvRow[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Rows from a stream of text or UTF-8 bytes (e.g. `fs.createReadStream(path)`). */
export async function* readCsvRows(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<CsvRow> {
  const parser = new CsvParser();
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  const tail = decoder.decode();
  if (tail) yield* parser.push(tail);
  yield* parser.end();
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

/** Records keyed by the header row, from a stream of text or bytes. A file without rows yields nothing. */
export async function* readCsvRecords(
  source: AsyncIterable<string | Uint8Array>,
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

/** Parses a whole text with a header row. */
export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const rows = parseCsvRows(text);
  const [first, ...rest] = rows;
  if (first === undefined) return { header: [], records: [] };
  const header = checkHeader(first);
  return { header, records: rest.map((row) => toRecord(header, row)) };
}
