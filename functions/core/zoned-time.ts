/**
 * Instants seen through an IANA time zone, with nothing but `Intl`. Periods are computed in the
 * policy's zone (DESIGN §2), so a signal at 2026-06-30T16:30Z counts for 1 July in Shanghai.
 */
import { dayNumber, MS_PER_DAY, utcMillis } from "./calendar-day";

// Building a DateTimeFormat costs far more than using one, and `dayOf` runs for every ingested
// signal, so one formatter per zone (and per shape) is kept for the life of the process.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, withTime: boolean) {
  let formatter = cache.get(timeZone);
  if (formatter === undefined) {
    // en-US with explicit calendar and digits: the parts we read must not depend on the host's locale.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } : {}),
    });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(formatter: Intl.DateTimeFormat, millis: number): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(millis)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

function toMillis(instant: string | Date): number {
  const millis = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(millis)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return millis;
}

/**
 * The calendar day `YYYY-MM-DD` on which `instant` falls in `timeZone`.
 *
 * @example dayOf("2026-06-30T16:30:00Z", "Asia/Shanghai") // "2026-07-01"
 * @throws RangeError for an invalid instant or an unknown time zone.
 */
export function dayOf(instant: string | Date, timeZone: string): string {
  const { year, month, day } = wallClock(cached(dayFormatters, timeZone, false), toMillis(instant));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `millis`, in milliseconds. */
function offsetAt(millis: number, timeZone: string): number {
  const c = wallClock(cached(wallClockFormatters, timeZone, true), millis);
  // The wall clock is read to the second, so compare it with the instant truncated likewise.
  const wholeSecond = millis - (((millis % 1000) + 1000) % 1000);
  return utcMillis(c.year, c.month, c.day, c.hour, c.minute, c.second) - wholeSecond;
}

/**
 * The UTC instant at which the local calendar `day` begins in `timeZone`: local midnight, or, where a
 * DST change skips midnight (e.g. America/Santiago in September), the first instant of that day.
 * Where midnight happens twice (America/Havana in November), the earlier one.
 *
 * @throws RangeError when `day` is not a calendar day or the time zone is unknown.
 */
export function startOfDayInstant(day: string, timeZone: string): Date {
  // Local midnight written as if it were UTC; the true instant is this minus the zone's offset.
  const midnightAsUtc = dayNumber(day) * MS_PER_DAY;
  // Offsets a day either side bracket any transition near this midnight (zones change at most once
  // in a few weeks), giving the offset in force before and after it.
  const before = offsetAt(midnightAsUtc - MS_PER_DAY, timeZone);
  const after = offsetAt(midnightAsUtc + MS_PER_DAY, timeZone);
  const underBefore = midnightAsUtc - before;
  if (before === after) return new Date(underBefore);
  const underAfter = midnightAsUtc - after;
  const beforeHolds = offsetAt(underBefore, timeZone) === before;
  const afterHolds = offsetAt(underAfter, timeZone) === after;
  if (beforeHolds && afterHolds) return new Date(Math.min(underBefore, underAfter));
  if (afterHolds) return new Date(underAfter);
  // Either midnight exists only under the earlier offset, or it falls in a spring-forward gap: then
  // `underBefore` is the transition itself, the first instant of the new day.
  return new Date(underBefore);
}
