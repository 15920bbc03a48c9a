import * as z from "zod/mini";
import { Id, QuarterOrYear, text } from "./common";
import { WilsonInterval } from "./metrics";
import "./zod";

export const RankingsQuery = z.object({
  period: QuarterOrYear,
  businessUnitId: z.optional(Id),
  category: z.optional(text(1, 100)),
});
export type RankingsQuery = z.infer<typeof RankingsQuery>;

/** One line in the ranking: its place among all lines of the period, best (lowest shrunk rate) first. */
export const RankedLine = z.object({
  rank: z.int(),
  productLineId: z.string(),
  name: z.string(),
  nameZh: z.optional(z.string()),
  businessUnitId: z.string(),
  category: z.string(),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.nullable(z.number()),
  wilson: z.nullable(WilsonInterval),
  shrunkRate: z.number(),
  /** It has a notice that is not relisted or withdrawn. */
  pulled: z.boolean(),
  /** Not flagged, but its point rate is above the bar with enough signals. */
  atRisk: z.boolean(),
  /** An Andon is raised on it and not yet decided. */
  andon: z.boolean(),
});
export type RankedLine = z.infer<typeof RankedLine>;

/** What a page of the ranking says besides its items. */
export const RankingEnvelope = z.object({
  period: z.string(),
  /** All negatives over all signals of the period: the prior of the shrunk rate and the relative bar. */
  pooledRate: z.number(),
  /** The review bar under the policy in force: `max(absolute, relative × pooled)`. */
  bar: z.number(),
  policyVersion: z.int(),
  /** When the figures were read: signals accepted after this are not in them yet. */
  asOf: z.string(),
  /** Lines matching the filters, over all pages. */
  total: z.int(),
});
export type RankingEnvelope = z.infer<typeof RankingEnvelope>;
