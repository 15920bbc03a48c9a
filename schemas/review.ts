import * as z from "zod/mini";
import { Quarter } from "./common";
import { WilsonInterval } from "./metrics";
import { PolicyPatch } from "./policy";
import { REASONS } from "./signal";
import "./zod";

export const ReviewRequest = z.object({
  quarter: Quarter,
  /** Compute and answer, store nothing, issue nothing. */
  dryRun: z.optional(z.boolean()),
  /** With `dryRun`: the what-if, the review under these settings instead of the current ones. */
  policy: z.optional(PolicyPatch),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const QuarterPath = z.object({ quarter: Quarter });

/** The bar a quarter's lines are held to, and where it comes from. */
export const ReviewBar = z.object({
  value: z.number(),
  absolute: z.number(),
  relative: z.number(),
  pooledRate: z.number(),
  from: z.enum(["absolute", "relative"]),
});

export const FlagReason = z.enum(["rate", "critical-complaints"]);

export const ReasonCount = z.object({ reason: z.enum(REASONS), count: z.int() });

export const ReviewLine = z.object({
  productLineId: z.string(),
  businessUnitId: z.string(),
  category: z.string(),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.nullable(z.number()),
  wilson: z.nullable(WilsonInterval),
  criticalComplaints: z.int(),
  flagged: z.boolean(),
  flaggedBy: z.array(FlagReason),
  atRisk: z.boolean(),
  /** At risk: how many more negatives at this n would flag the line. */
  negativesToFlag: z.optional(z.int()),
  /** Negative signals by reason, most frequent first (the reasons that drive the rate). */
  reasons: z.array(ReasonCount),
  /** Flagged again within four quarters of a relist. */
  repeat: z.boolean(),
  /** The notice that carries the flag (issued by this review, or an open one it was recorded on). */
  noticeId: z.optional(z.string()),
});
export type ReviewLine = z.infer<typeof ReviewLine>;

/** What `POST /v1/reviews` answers and `GET /v1/reviews/{quarter}` returns. */
export const Review = z.object({
  quarter: z.string(),
  policyVersion: z.int(),
  pooledRate: z.number(),
  bar: ReviewBar,
  /** Every line with signals in the quarter, flagged first, then at risk, then by rate. */
  lines: z.array(ReviewLine),
  /** The notices that carry this quarter's flags. */
  noticesIssued: z.array(z.string()),
  ranAt: z.string(),
  ranBy: z.string(),
  dryRun: z.boolean(),
  /** A what-if only: the lines whose flag would change under the proposed settings. */
  changes: z.optional(
    z.array(z.object({ productLineId: z.string(), wasFlagged: z.boolean(), wouldFlag: z.boolean() })),
  ),
});
export type Review = z.infer<typeof Review>;
