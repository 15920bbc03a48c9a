import * as z from "zod/mini";
import "./zod";

/** A whole number within bounds, so that a typo (a fix window of 3,000 days) is a 400, not a policy. */
const count = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const probability = z.number().check(z.gt(0, "Must be greater than 0"), z.lt(1, "Must be less than 1"));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The governance policy's settings (DESIGN §2): what `PUT /v1/policy` takes, whole. */
export const PolicySettings = z.object({
  timeZone: z.string().check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, "Unknown IANA time zone")),
  review: z.object({
    minSample: count(1, 1_000_000),
    confidence: probability,
    absoluteThreshold: probability,
    relativeThreshold: z.number().check(z.gt(0, "Must be greater than 0"), z.lte(100)),
    criticalComplaints: count(1, 10_000),
    fixDays: count(1, 365),
    appealDays: count(1, 90),
  }),
  awards: z.object({
    minSample: count(1, 1_000_000),
    priorStrength: z.number().check(z.gte(0), z.lte(1_000_000)),
    count: count(1, 50),
  }),
  retentionDays: count(30, 3_650),
  andon: z.object({
    criticalPerDay: count(1, 1_000),
    spikeDays: count(1, 90),
  }),
  chase: z.object({ answerDays: count(1, 30) }),
});
export type PolicySettings = z.infer<typeof PolicySettings>;

/**
 * `PUT /v1/policy` body: every setting, and optionally the version the editor started from, so a
 * save built on a version someone has since replaced is refused (409) instead of silently undoing
 * their change.
 */
export const PolicyUpdate = z.extend(PolicySettings, {
  expectedVersion: z.optional(count(1, 1_000_000)),
});
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;

/**
 * Some settings of a policy, for a what-if: each given setting replaces the current one, with the
 * same bounds as a whole policy (`POST /v1/reviews` with `"dryRun":true,"policy":{…}`).
 */
export const PolicyPatch = z.object({
  timeZone: z.optional(PolicySettings.shape.timeZone),
  review: z.optional(z.partial(PolicySettings.shape.review)),
  awards: z.optional(z.partial(PolicySettings.shape.awards)),
  retentionDays: z.optional(PolicySettings.shape.retentionDays),
  andon: z.optional(z.partial(PolicySettings.shape.andon)),
  chase: z.optional(z.partial(PolicySettings.shape.chase)),
});
export type PolicyPatch = z.infer<typeof PolicyPatch>;

/** A policy version: immutable once made; reviews and awards record the one they used. */
export const Policy = z.extend(PolicySettings, {
  version: z.int().check(z.minimum(1)),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});
export type Policy = z.infer<typeof Policy>;

export const PolicyVersionPath = z.object({
  v: z.coerce.number().check(z.int("Expected a whole version number"), z.minimum(1), z.maximum(1_000_000)),
});

/** Until a policy is stored, these are version 1 (DESIGN §2, "Policy"). */
export const DEFAULT_POLICY: Policy = {
  version: 1,
  timeZone: "Asia/Shanghai",
  review: {
    minSample: 30,
    confidence: 0.95,
    absoluteThreshold: 0.2,
    relativeThreshold: 1.5,
    criticalComplaints: 3,
    fixDays: 30,
    appealDays: 7,
  },
  awards: { minSample: 100, priorStrength: 50, count: 3 },
  retentionDays: 730,
  andon: { criticalPerDay: 2, spikeDays: 7 },
  chase: { answerDays: 3 },
};
