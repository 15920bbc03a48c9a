/**
 * What the rankings table shows, as pure functions: each line's state, the filters (unit, category,
 * state, a name search in either language or pinyin initials), the sort on every figure, and which
 * rows of a long list are in the scrolled window. Kept out of the components so they are unit tested.
 */
import type { RankedLine } from "#schemas/ranking";

/** The bar and the sample a line needs before its interval can flag it (from the ranking and the policy). */
export interface Judging {
  bar: number;
  minSample: number;
}

/** Over the bar: enough signals and the whole interval above it (the review's pull-and-fix rule on rates). */
export const isOverBar = (line: RankedLine, judging: Judging): boolean =>
  line.wilson !== null && line.n >= judging.minSample && line.wilson.lo > judging.bar;

export const STATE_FILTERS = ["all", "over", "pulled", "atRisk", "andon", "none"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

const inState = (line: RankedLine, state: StateFilter, judging: Judging): boolean => {
  switch (state) {
    case "all":
      return true;
    case "over":
      return isOverBar(line, judging);
    case "pulled":
      return line.pulled;
    case "atRisk":
      return line.atRisk;
    case "andon":
      return line.andon;
    case "none":
      return !line.pulled && !line.atRisk && !line.andon && !isOverBar(line, judging);
  }
};

export interface Filters {
  /** A business unit's id, or "" for all. */
  unit: string;
  /** A category, or "" for all. */
  category: string;
  state: StateFilter;
  search: string;
}

export const NO_FILTERS: Filters = { unit: "", category: "", state: "all", search: "" };

/** Whether `query` (typed as letters) matches a Chinese name by its pinyin (initials or full). */
export type PinyinMatch = (name: string, query: string) => boolean;

const LETTERS = /^[a-z]+$/;

/** The search as typed, lower-cased and trimmed; empty matches every line. */
export const matchesSearch = (line: RankedLine, rawQuery: string, pinyin?: PinyinMatch): boolean => {
  const query = rawQuery.trim().toLowerCase();
  if (!query) return true;
  if (line.name.toLowerCase().includes(query)) return true;
  if (line.nameZh?.toLowerCase().includes(query)) return true;
  if (line.productLineId.toLowerCase().includes(query)) return true;
  const compact = query.replace(/\s+/g, "");
  return Boolean(pinyin && line.nameZh && LETTERS.test(compact) && pinyin(line.nameZh, compact));
};

/** The lines that pass every filter at once, in the order given. */
export const filterLines = (
  lines: readonly RankedLine[],
  filters: Filters,
  judging: Judging,
  pinyin?: PinyinMatch,
): RankedLine[] =>
  lines.filter(
    (line) =>
      (!filters.unit || line.businessUnitId === filters.unit) &&
      (!filters.category || line.category === filters.category) &&
      inState(line, filters.state, judging) &&
      matchesSearch(line, filters.search, pinyin),
  );

export const SORT_KEYS = [
  "rank",
  "name",
  "unit",
  "category",
  "n",
  "negatives",
  "negativeRate",
  "interval",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Direction = "ascending" | "descending";

export interface Sort {
  key: SortKey;
  direction: Direction;
}

/** Worst first: the lines that need action at the top. */
export const DEFAULT_SORT: Sort = { key: "rank", direction: "descending" };

/** Names as shown (in the chosen language), to sort text columns by what the reader sees. */
export interface Naming {
  lineName(line: RankedLine): string;
  unitName(id: string): string;
  locale: string;
}

const figure = (line: RankedLine, key: SortKey): number | null => {
  switch (key) {
    case "rank":
      return line.rank;
    case "n":
      return line.n;
    case "negatives":
      return line.negatives;
    case "negativeRate":
      return line.negativeRate;
    case "interval":
      // By what the reader judges against the bar: the lower bound, then the upper.
      return line.wilson ? line.wilson.lo + line.wilson.hi * 1e-6 : null;
    default:
      return null;
  }
};

/**
 * The lines sorted by one column; a line without the figure (no signals, no rate) always goes last,
 * whichever the direction, and ties keep the ranking's order so the sort is stable and predictable.
 */
export const sortLines = (lines: readonly RankedLine[], sort: Sort, naming: Naming): RankedLine[] => {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const byRank = (a: RankedLine, b: RankedLine) => a.rank - b.rank;
  if (sort.key === "name" || sort.key === "unit" || sort.key === "category") {
    const collator = new Intl.Collator(naming.locale, { numeric: true });
    const text =
      sort.key === "name"
        ? naming.lineName
        : sort.key === "unit"
          ? (l: RankedLine) => naming.unitName(l.businessUnitId)
          : (l: RankedLine) => l.category;
    // Each text read once, not once per comparison: 10,000 lines sort in a few milliseconds.
    const keyed = lines.map((line) => ({ line, key: text(line) }));
    keyed.sort((a, b) => sign * collator.compare(a.key, b.key) || byRank(a.line, b.line));
    return keyed.map((k) => k.line);
  }
  return [...lines].sort((a, b) => {
    const x = figure(a, sort.key);
    const y = figure(b, sort.key);
    if (x === null || y === null) return x === y ? byRank(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byRank(a, b);
  });
};

/** A click on a column's header: that column, descending first for figures, then the other way. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key
    ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" }
    : { key, direction: key === "name" || key === "unit" || key === "category" ? "ascending" : "descending" };

/** The rows of a scrolled list to put in the DOM: those in view plus `margin` rows either side. */
export const visibleWindow = (options: {
  scrollTop: number;
  viewport: number;
  rowHeight: number;
  count: number;
  margin: number;
}): { start: number; end: number } => {
  const { scrollTop, viewport, rowHeight, count, margin } = options;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(first, count) - margin);
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + margin);
  return { start, end: Math.max(start, end) };
};

/** The units and categories the lines have, for the filters' choices. */
export const choicesOf = (lines: readonly RankedLine[]): { units: string[]; categories: string[] } => ({
  units: [...new Set(lines.map((l) => l.businessUnitId))].sort(),
  categories: [...new Set(lines.map((l) => l.category))].sort(),
});
