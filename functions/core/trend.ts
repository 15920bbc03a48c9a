/**
 * A line's trend: its day rollups summed into day, week or month buckets. Days are already in the
 * policy's time zone (they are the rollups' days), so a bucket is plain calendar arithmetic:
 * weeks start on Monday (ISO 8601), months on their first day. Buckets without signals are kept,
 * with no rate, so a chart shows the gap rather than joining across it.
 */

import { addDays, dayNumber, daysIn } from "./calendar-day";
import { addCounts, type RollupCounts } from "./rollup";

export const TREND_BUCKETS = ["day", "week", "month"] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export interface TrendPoint {
  /** The bucket's first day (a Monday for weeks, the 1st for months), `YYYY-MM-DD`. */
  start: string;
  n: number;
  negatives: number;
  negativeRate: number | null;
}

/** The first day of the bucket holding `day`. */
export function bucketStart(day: string, bucket: TrendBucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 8)}01`;
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (dayNumber + 3) mod 7.
  const weekday = (((dayNumber(day) + 3) % 7) + 7) % 7;
  return addDays(day, -weekday);
}

/** The buckets from the one holding `from` to the one holding `to`, each with its counts. */
export function trendPoints(
  byDay: ReadonlyMap<string, RollupCounts>,
  from: string,
  to: string,
  bucket: TrendBucket,
): TrendPoint[] {
  const sums = new Map<string, RollupCounts>();
  for (const day of daysIn(from, to)) {
    const start = bucketStart(day, bucket);
    sums.set(start, addCounts(sums.get(start) ?? {}, byDay.get(day) ?? {}));
  }
  return [...sums].map(([start, counts]) => {
    const n = counts.n ?? 0;
    const negatives = counts.neg ?? 0;
    return { start, n, negatives, negativeRate: n > 0 ? negatives / n : null };
  });
}
