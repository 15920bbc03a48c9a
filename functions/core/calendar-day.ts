/**
 * Calendar days as `YYYY-MM-DD` text, with no time zone attached: the unit of rollups, periods
 * and trends. Arithmetic goes through a UTC day number so that it never meets a DST transition.
 */

/** Milliseconds in a UTC day (calendar arithmetic here never meets a DST transition). */
export const MS_PER_DAY = 86_400_000;
const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of a UTC wall-clock time; unlike `Date.UTC`, years 0–99 stay as given. */
export function utcMillis(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Days since 1970-01-01 of a valid calendar day, or `undefined` for text that is not one (e.g. 2026-02-30). */
function tryDayNumber(day: string): number | undefined {
  const match = DAY_SHAPE.exec(day);
  if (match === null) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const millis = utcMillis(y, m, d);
  // Date rolls 2026-02-30 over to 2026-03-02; a day that does not survive the round trip is impossible.
  return dayText(millis / MS_PER_DAY) === day ? millis / MS_PER_DAY : undefined;
}

/** Whether `text` is a real calendar day `YYYY-MM-DD` (so `2026-02-30` and `2026-6-1` are not). */
export function isCalendarDay(text: string): boolean {
  return tryDayNumber(text) !== undefined;
}

/**
 * Days since 1970-01-01 (negative before it).
 * @throws RangeError when `day` is not a calendar day.
 */
export function dayNumber(day: string): number {
  const n = tryDayNumber(day);
  if (n === undefined) throw new RangeError(`Not a calendar day YYYY-MM-DD: ${day}`);
  return n;
}

/** The `YYYY-MM-DD` text of a day number (inverse of {@link dayNumber}). */
export function dayText(dayNo: number): string {
  const date = new Date(dayNo * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The day `n` days after `day` (before it when `n` is negative).
 * @throws RangeError when `day` is not a calendar day or `n` is not an integer.
 */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number of days, got ${n}`);
  return dayText(dayNumber(day) + n);
}

/**
 * Every day from `from` to `to`, both included, in order; empty when `to` is before `from`.
 * @throws RangeError when either bound is not a calendar day.
 */
export function daysIn(from: string, to: string): string[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const days: string[] = [];
  for (let n = first; n <= last; n++) days.push(dayText(n));
  return days;
}
