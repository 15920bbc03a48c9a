import * as z from "zod/mini";
import { QuarterOrYear } from "./common";
import { Verbatim } from "./notice";
import "./zod";

export const AwardsRequest = z.object({
  /** A year (`2026`) or a quarter (`2026-Q3`, a preview of the year's awards). */
  period: QuarterOrYear,
  /**
   * Make the period's awards final: immutable from then on (only for a period that has ended).
   * `false` asks for a preview, which a finalized period refuses (409).
   */
  finalize: z.optional(z.boolean()),
});
export type AwardsRequest = z.infer<typeof AwardsRequest>;

export const AwardsPath = z.object({ period: QuarterOrYear });

/** What an explanation states, as numbers (rates are fractions, `shiftPoints` percentage points). */
export const AwardFigures = z.object({
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.number(),
  /** All negatives over all signals of the period, every line with signals counted. */
  pooledRate: z.number(),
  /** `m`: pseudo-signals at the pooled rate added to each line. */
  priorStrength: z.number(),
  shrunkRate: z.number(),
  /** How far shrinkage moved the rate: (shrunk − raw) × 100. */
  shiftPoints: z.number(),
  /** Its place among the eligible lines, best (lowest shrunk rate) first. */
  standing: z.int(),
  eligible: z.int(),
  minSample: z.int(),
});
export type AwardFigures = z.infer<typeof AwardFigures>;

/** Why this line won, in words a unit president reads aloud, in both languages, and the figures. */
export const AwardExplanation = z.object({
  "zh-CN": z.string(),
  en: z.string(),
  figures: AwardFigures,
});
export type AwardExplanation = z.infer<typeof AwardExplanation>;

/** A Red or Rotten Strawberry. */
export const Award = z.object({
  /** Its place in its list: 1 is the best line (Red) or the worst (Rotten). */
  rank: z.int(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  name: z.string(),
  nameZh: z.optional(z.string()),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.number(),
  shrunkRate: z.number(),
  explanation: AwardExplanation,
  /**
   * Up to 3 of its customers' own words in the period (PII masked at ingest): for Rotten the most
   * severe negative ones, most recent first; for Red the best positive ones, most recent first.
   */
  citation: z.array(Verbatim),
});
export type Award = z.infer<typeof Award>;

/** An eligible line where it stood in the period. */
export const AwardRankedLine = z.object({
  rank: z.int(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.number(),
  shrunkRate: z.number(),
});
export type AwardRankedLine = z.infer<typeof AwardRankedLine>;

/** What `POST /v1/awards` answers and `GET /v1/awards/{period}` returns. */
export const Awards = z.object({
  period: z.string(),
  policyVersion: z.int(),
  /** Final and immutable; a preview otherwise (overwritten by the next preview). */
  finalized: z.boolean(),
  red: z.array(Award),
  rotten: z.array(Award),
  pooledRate: z.number(),
  /** Lines with signals in the period. */
  lines: z.int(),
  /** Lines with at least `minSample` signals: the ones ranked. */
  eligible: z.int(),
  minSample: z.int(),
  priorStrength: z.number(),
  /** The policy's `awards.count`. */
  count: z.int(),
  /**
   * Awards per list: `count`, or half the eligible lines (rounded down) when there are fewer than
   * 2 × count, so that no line is both Red and Rotten.
   */
  perList: z.int(),
  /** Every eligible line, best first, so the page can show where each stood. */
  ranked: z.array(AwardRankedLine),
  computedAt: z.string(),
  computedBy: z.string(),
  finalizedAt: z.optional(z.string()),
});
export type Awards = z.infer<typeof Awards>;
