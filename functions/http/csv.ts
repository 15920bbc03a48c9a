/**
 * CSV answers (DESIGN §4: rankings and the problem board answer `text/csv` when asked), written in
 * one place so that every export neutralises spreadsheet formulas the same way.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** A table to export: exactly what the JSON answer holds, flattened to rows. */
export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

// Spreadsheets read a cell starting with these as a formula (OWASP "CSV injection"); full-width
// forms too, since spreadsheets in Chinese locales fold them. Leading blanks do not protect a cell.
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell that cannot be read as a formula: prefixed with `'` when it would be. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const field = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return "";
  // Numbers and booleans are data, never formulas: -3 stays a number.
  const text = typeof cell === "string" ? neutraliseFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * RFC 4180 text of a table: CRLF line ends, quotes where needed, and a UTF-8 byte order mark so
 * that spreadsheets open Chinese names correctly.
 */
export const renderCsv = (table: CsvTable): string =>
  `\uFEFF${[table.columns, ...table.rows].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;

/** The quality an Accept header gives `type` by name (wildcards aside); undefined when not named. */
const namedQuality = (accept: string, type: string): number | undefined => {
  for (const part of accept.split(",")) {
    const [range = "", ...params] = part.trim().toLowerCase().split(";");
    if (range.trim() !== type) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    return Number.isFinite(value) ? value : 0;
  }
  return undefined;
};

/**
 * Whether a request asks for CSV: `?format=csv`, or an Accept header that names `text/csv` at least
 * as highly as `application/json` (a browser's `*\/*` alone keeps JSON).
 */
export const wantsCsv = (format: unknown, accept: string | undefined): boolean => {
  if (format === "csv") return true;
  if (format === "json" || !accept) return false;
  const csv = namedQuality(accept, "text/csv");
  return csv !== undefined && csv > 0 && csv >= (namedQuality(accept, "application/json") ?? 0);
};
