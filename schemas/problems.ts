import * as z from "zod/mini";
import { Id, QuarterOrYear, text } from "./common";
import { REASONS } from "./signal";
import "./zod";

export const ProblemsQuery = z.object({
  period: QuarterOrYear,
  businessUnitId: z.optional(Id),
  category: z.optional(text(1, 100)),
  /** Product lines listed, most negatives first. @default 100 */
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
});
export type ProblemsQuery = z.infer<typeof ProblemsQuery>;

const ReasonCounts = z.object(
  Object.fromEntries(REASONS.map((r) => [r, z.int()])) as Record<(typeof REASONS)[number], z.ZodMiniInt>,
);

/** Negative signals by reason for one row, and the change against the previous period. */
export const ProblemFigures = z.object({
  n: z.int(),
  negatives: z.int(),
  byReason: ReasonCounts,
  negativesChange: z.int(),
  byReasonChange: ReasonCounts,
});

/** `GET /v1/problems`: the root-cause register of a period, from the period totals. */
export const ProblemBoard = z.object({
  period: z.string(),
  previousPeriod: z.string(),
  reasons: z.array(z.enum(REASONS)),
  asOf: z.string(),
  total: ProblemFigures,
  businessUnits: z.array(z.extend(ProblemFigures, { businessUnitId: z.string(), name: z.string() })),
  categories: z.array(z.extend(ProblemFigures, { category: z.string() })),
  /** The lines with negatives in either period, most negatives first, up to `limit`. */
  productLines: z.array(
    z.extend(ProblemFigures, {
      productLineId: z.string(),
      name: z.string(),
      nameZh: z.optional(z.string()),
      businessUnitId: z.string(),
      category: z.string(),
    }),
  ),
  /** Lines matching the filters with negatives in either period, over the limit too. */
  productLineCount: z.int(),
});
export type ProblemBoard = z.infer<typeof ProblemBoard>;
