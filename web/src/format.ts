/** Numbers, percents and periods, through Intl in the chosen locale. */
import type { Locale } from "./i18n";

export const percent = (locale: Locale, value: number | null | undefined): string =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);

export const number = (locale: Locale, value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);

/** The current quarter and the four before it, then this year and last, in the policy's time zone. */
export const periods = (timeZone: string, now = new Date()): string[] => {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
  const [thisYear = 1970, month = 1] = day.split("-").map(Number);
  let year = thisYear;
  let q = Math.floor((month - 1) / 3) + 1;
  const list: string[] = [];
  for (let i = 0; i < 5; i++) {
    list.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return [...list, String(thisYear), String(thisYear - 1)];
};

/** Whether a quarter (`2026-Q3`) or a year (`2026`) has ended, in the policy's time zone. */
export const hasEnded = (period: string, timeZone: string, now = new Date()): boolean => {
  const current = periods(timeZone, now)[0] ?? "";
  return /^\d{4}$/.test(period) ? period < current.slice(0, 4) : period < current;
};

/** A moment as a date and time in the policy's time zone, the zone named. */
export const dateTime = (locale: Locale, iso: string | undefined, timeZone: string): string =>
  iso
    ? new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
        timeZoneName: "short",
      }).format(new Date(iso))
    : "–";

/** A calendar day (`2026-11-30`, already counted in the policy's time zone) as a date, without a time. */
export const calendarDay = (locale: Locale, isoDay: string, withYear = true): string =>
  new Intl.DateTimeFormat(locale, {
    ...(withYear ? { year: "numeric" } : {}),
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
