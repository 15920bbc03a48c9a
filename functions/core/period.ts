/**
 * Reporting periods: quarters (`2026-Q3`), years (`2026`) and inclusive day ranges
 * (`2026-09-01..2026-09-30`), all made of calendar days in the policy's time zone (DESIGN §2).
 */
import { PERIOD_HINT, PERIOD_PATTERNS } from "#schemas/common";
import { dayNumber, isCalendarDay, MS_PER_DAY, utcMillis } from "./calendar-day";
import { ValidationError } from "./errors";
import { dayOf } from "./zoned-time";

export { addDays, daysIn, isCalendarDay } from "./calendar-day";
export { dayOf, startOfDayInstant } from "./zoned-time";

/** A period as inclusive calendar days. */
export interface Period {
  /** The text it was parsed from, e.g. `2026-Q3`. */
  text: string;
  kind: "quarter" | "year" | "range";
  /** First day, `YYYY-MM-DD`, included. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
}

/** A range may span at most this many years: wider ones would read too many daily rollups per request. */
export const MAX_RANGE_YEARS = 3;

const QUARTER_BOUNDS = [
  ["01-01", "03-31"],
  ["04-01", "06-30"],
  ["07-01", "09-30"],
  ["10-01", "12-31"],
] as const;

function checkedDay(day: string): string {
  if (!isCalendarDay(day)) throw new RangeError(`Not a calendar day YYYY-MM-DD: ${day}`);
  return day;
}

/**
 * The quarter a calendar day belongs to, e.g. `2026-07-01` → `2026-Q3`.
 * @throws RangeError when `day` is not a calendar day.
 */
export function quarterOf(day: string): string {
  const month = Number(checkedDay(day).slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * The year a calendar day belongs to, e.g. `2026-07-01` → `2026`.
 * @throws RangeError when `day` is not a calendar day.
 */
export function yearOf(day: string): string {
  return checkedDay(day).slice(0, 4);
}

function invalid(message: string): ValidationError {
  return new ValidationError(`Invalid period: ${message}`, [{ path: "period", message }]);
}

/** Day number of the same day `years` calendar years later; 29 February lands on 1 March of a common year. */
function sameDayYearsLater(day: string, years: number): number {
  const millis = utcMillis(
    Number(day.slice(0, 4)) + years,
    Number(day.slice(5, 7)),
    Number(day.slice(8, 10)),
  );
  return millis / MS_PER_DAY;
}

/**
 * Parses a period as written in the API (`2026-Q3`, `2026`, `2026-09-01..2026-09-30`).
 *
 * @throws ValidationError with details `[{ path: "period", message }]` when the text has another
 * shape, names a day that does not exist (`2026-02-30`), ends before it starts, or spans more than
 * {@link MAX_RANGE_YEARS} years.
 */
export function parsePeriod(text: string): Period {
  const quarter = PERIOD_PATTERNS.quarter.exec(text);
  if (quarter !== null) {
    const [, year, q] = quarter as unknown as [string, string, string];
    const [first, last] = QUARTER_BOUNDS[Number(q) - 1]!;
    return { text, kind: "quarter", from: `${year}-${first}`, to: `${year}-${last}` };
  }
  if (PERIOD_PATTERNS.year.test(text))
    return { text, kind: "year", from: `${text}-01-01`, to: `${text}-12-31` };
  const range = PERIOD_PATTERNS.range.exec(text);
  if (range === null) {
    throw invalid(PERIOD_HINT);
  }
  const [, from, to] = range as unknown as [string, string, string];
  for (const day of [from, to]) {
    if (!isCalendarDay(day)) throw invalid(`${day} is not a calendar day`);
  }
  if (to < from) throw invalid(`The range ends (${to}) before it starts (${from})`);
  // Inclusive ranges: 2024-01-01..2026-12-31 is exactly three years, 2024-01-01..2027-01-01 is more.
  if (dayNumber(to) >= sameDayYearsLater(from, MAX_RANGE_YEARS)) {
    throw invalid(`A date range may span at most ${MAX_RANGE_YEARS} years`);
  }
  return { text, kind: "range", from, to };
}

/**
 * The period before a quarter or a year: `2026-Q1` → `2025-Q4`, `2026` → `2025`.
 * @throws ValidationError naming `period` for a date range (it has no single previous period).
 */
export function previousPeriod(text: string): string {
  const period = parsePeriod(text);
  const year = Number(text.slice(0, 4));
  if (period.kind === "year") return String(year - 1).padStart(4, "0");
  if (period.kind === "quarter") {
    const q = Number(text.slice(6));
    return q === 1 ? `${String(year - 1).padStart(4, "0")}-Q4` : `${text.slice(0, 4)}-Q${q - 1}`;
  }
  throw invalid("Expected a quarter (2026-Q3) or a year (2026)");
}

/** The most recent quarter that has ended by `now` in `timeZone`: the one the quarterly job reviews. */
export function lastEndedQuarter(now: Date, timeZone: string): string {
  return previousPeriod(quarterOf(dayOf(now, timeZone)));
}
