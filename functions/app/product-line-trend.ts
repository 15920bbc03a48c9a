/**
 * A line's trend over days, weeks or months, from its day rollups (days × shards items, never
 * signals). Without dates it shows the last 12 weeks up to today, in the policy's time zone.
 */
import { addDays, isCalendarDay } from "#core/calendar-day";
import { NotFoundError, ValidationError } from "#core/errors";
import { dayOf, MAX_RANGE_YEARS, parsePeriod } from "#core/period";
import { trendPoints } from "#core/trend";
import type { Trend, TrendQuery } from "#schemas/trend";
import { findProductLine } from "#store/catalog-store";
import { currentPolicy } from "#store/policy-store";
import { readDailyRollups } from "#store/rollup-store";

/** The days shown when the query names none. */
export const DEFAULT_TREND_DAYS = 84;

/** Real days, in order, at most {@link MAX_RANGE_YEARS} years apart (the rules of date-range periods). */
const checkRange = (from: string, to: string): void => {
  for (const [path, day] of [
    ["from", from],
    ["to", to],
  ] as const)
    if (!isCalendarDay(day))
      throw new ValidationError("Invalid query", [{ path, message: `${day} is not a calendar day` }]);
  if (to < from)
    throw new ValidationError("Invalid query", [
      { path: "to", message: `Ends (${to}) before it starts (${from})` },
    ]);
  try {
    parsePeriod(`${from}..${to}`);
  } catch {
    throw new ValidationError("Invalid query", [
      { path: "from", message: `A trend may span at most ${MAX_RANGE_YEARS} years` },
    ]);
  }
};

export const productLineTrend = async (
  productLineId: string,
  query: TrendQuery,
  now = new Date(),
): Promise<Trend> => {
  const [line, policy] = await Promise.all([findProductLine(productLineId), currentPolicy()]);
  if (!line) throw new NotFoundError(`No product line ${productLineId}`);
  const to = query.to ?? dayOf(now, policy.timeZone);
  const from = query.from ?? addDays(to, -(DEFAULT_TREND_DAYS - 1));
  checkRange(from, to);
  const bucket = query.bucket ?? "week";
  const byDay = await readDailyRollups(productLineId, from, to);
  return {
    productLineId,
    bucket,
    from,
    to,
    timeZone: policy.timeZone,
    points: trendPoints(byDay, from, to, bucket),
  };
};
