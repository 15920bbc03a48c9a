import * as z from "zod/mini";
import { PeriodText } from "./common";
import "./zod";

export const MetricsQuery = z.object({ period: PeriodText });

export const WilsonInterval = z.object({ lo: z.number(), hi: z.number() });

/** `GET /v1/product-lines/{id}/metrics`: everything is computed from rollups, never from raw signals. */
export const ProductLineMetrics = z.object({
  productLineId: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.nullable(z.number()),
  wilson: z.nullable(WilsonInterval),
  csatMean: z.nullable(z.number()),
  nps: z.nullable(z.number()),
  reviewMean: z.nullable(z.number()),
  complaints: z.object({ minor: z.int(), major: z.int(), critical: z.int() }),
  reasons: z.record(z.string(), z.int()),
  channels: z.record(z.string(), z.int()),
  /** The line has an open notice (it is pulled until relisted or withdrawn). */
  pulled: z.boolean(),
  openNoticeId: z.optional(z.string()),
  /** The line has an Andon the CCO team has not decided yet; `andonId` is its newest. */
  andon: z.boolean(),
  andonId: z.optional(z.string()),
});
export type ProductLineMetrics = z.infer<typeof ProductLineMetrics>;
