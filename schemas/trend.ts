import * as z from "zod/mini";
import { IsoDate } from "./common";
import "./zod";

export const TrendQuery = z.object({
  /** First day, in the policy's time zone. @default 12 weeks before `to` */
  from: z.optional(IsoDate),
  /** Last day, in the policy's time zone. @default today */
  to: z.optional(IsoDate),
  bucket: z.optional(z.enum(["day", "week", "month"])),
});
export type TrendQuery = z.infer<typeof TrendQuery>;

export const TrendPoint = z.object({
  /** The bucket's first day: a Monday for weeks, the 1st for months. */
  start: z.string(),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.nullable(z.number()),
});

/** `GET /v1/product-lines/{id}/trend`: from the day rollups, never from raw signals. */
export const Trend = z.object({
  productLineId: z.string(),
  bucket: z.enum(["day", "week", "month"]),
  from: z.string(),
  to: z.string(),
  /** The policy's time zone, in which days (and so buckets) are counted. */
  timeZone: z.string(),
  points: z.array(TrendPoint),
});
export type Trend = z.infer<typeof Trend>;
