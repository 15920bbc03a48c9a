/**
 * The CSV of exactly what the rankings table shows: its rows after the filters, in its sort order,
 * headed in the chosen language. Written by the same RFC 4180 writer as the API's CSV answers
 * (`#http/csv`: quoting, a byte order mark for Chinese names, and spreadsheet formulas neutralised,
 * so a line named `=HYPERLINK(…)` stays text). Rates stay numbers (0.4 = 40 %) for spreadsheets.
 */
import { type CsvCell, renderCsv } from "#http/csv";
import type { RankedLine } from "#schemas/ranking";
import type { MessageKey } from "./i18n";

export interface CsvContext {
  translate(key: MessageKey): string;
  lineName(line: RankedLine): string;
  unitName(id: string): string;
  categoryName(id: string): string;
  /** The line's state in words, as the table's state column says it. */
  stateOf(line: RankedLine): string;
  bar: number;
}

const COLUMNS: MessageKey[] = [
  "rank",
  "rankingsCsvId",
  "line",
  "unit",
  "category",
  "n",
  "rankingsNegatives",
  "negativeRate",
  "rankingsCsvLo",
  "rankingsCsvHi",
  "rankingsCsvBar",
  "rankingsCsvShrunk",
  "state",
];

export const rankingsCsv = (rows: readonly RankedLine[], context: CsvContext): string =>
  renderCsv({
    columns: COLUMNS.map((key) => context.translate(key)),
    rows: rows.map((line): CsvCell[] => [
      line.rank,
      line.productLineId,
      context.lineName(line),
      context.unitName(line.businessUnitId),
      context.categoryName(line.category),
      line.n,
      line.negatives,
      line.negativeRate,
      line.wilson?.lo,
      line.wilson?.hi,
      context.bar,
      line.shrunkRate,
      context.stateOf(line),
    ]),
  });

/** `rankings-2026-Q3.csv`: the period in the name, so two downloads are told apart. */
export const csvFileName = (period: string): string => `rankings-${period.replace(/[^\w.-]/g, "_")}.csv`;
