/**
 * The problem board's logic, apart from the page: its rows (units, categories, lines) as one shape,
 * sorting on any column, each count's share of its row's negatives, and a change as text (▲ +12).
 */
import type { ProblemBoard } from "#schemas/problems";
import { number } from "./format";
import type { Locale } from "./i18n";

export type Reason = ProblemBoard["reasons"][number];
export type ProblemFigures = ProblemBoard["total"];

/** One row of a board table: a unit, a category or a line, with its figures. */
export interface ProblemRow {
  id: string;
  label: string;
  figures: ProblemFigures;
}

export type SortKey = "label" | "n" | "negatives" | "negativesChange" | `reason:${Reason}`;
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** The board's first order: most negatives first. */
export const DEFAULT_SORT: Sort = { key: "negatives", descending: true };

const figureOf = (row: ProblemRow, key: Exclude<SortKey, "label">): number => {
  if (key.startsWith("reason:")) return row.figures.byReason[key.slice(7) as Reason];
  return row.figures[key as "n" | "negatives" | "negativesChange"];
};

/** The rows in the order asked; ties keep the label order, so the table never shuffles. */
export const sortRows = (rows: readonly ProblemRow[], sort: Sort, locale: Locale): ProblemRow[] => {
  const byLabel = (a: ProblemRow, b: ProblemRow) => a.label.localeCompare(b.label, locale);
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.key === "label") return direction * byLabel(a, b) || (a.id < b.id ? -1 : 1);
    const key = sort.key;
    return direction * (figureOf(a, key) - figureOf(b, key)) || byLabel(a, b);
  });
};

/** Clicking a column: the same column flips its direction; a new one starts with the most first. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key ? { key, descending: !current.descending } : { key, descending: key !== "label" };

/** A reason's count as a share of its row's negatives; null when the row has none. */
export const shareOf = (count: number, negatives: number): number | null =>
  negatives > 0 ? count / negatives : null;

export type Direction = "up" | "down" | "same";

/** A change as an arrow and signed number (`▲ +12`, `▼ −3`, `= 0`), never by colour alone. */
export const changeText = (locale: Locale, change: number): { text: string; direction: Direction } => {
  if (change > 0) return { text: `▲ +${number(locale, change)}`, direction: "up" };
  if (change < 0) return { text: `▼ −${number(locale, -change)}`, direction: "down" };
  return { text: `= ${number(locale, 0)}`, direction: "same" };
};

/** The categories of the catalog's lines, once each, in the locale's order. */
export const categoriesOf = (lines: readonly { category: string }[], locale: Locale): string[] =>
  [...new Set(lines.map((l) => l.category))].sort((a, b) => a.localeCompare(b, locale));

/** The board's query: the period and whichever filters are chosen (an empty filter is no filter). */
export const problemsPath = (filters: {
  period: string;
  unit?: string;
  category?: string;
  limit?: number;
}) => {
  const query = new URLSearchParams({ period: filters.period });
  if (filters.unit) query.set("businessUnitId", filters.unit);
  if (filters.category) query.set("category", filters.category);
  if (filters.limit) query.set("limit", String(filters.limit));
  return `/v1/problems?${query}`;
};

/** The quarter before `2026-Q1` is `2025-Q4`; the year before `2026` is `2025`. */
export const previousPeriodOf = (period: string): string => {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return String(Number(period) - 1);
  const [year, q] = [Number(quarter[1]), Number(quarter[2])];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
};
