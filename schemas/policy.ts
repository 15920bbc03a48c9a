import * as z from "zod/mini";
import "./zod";

const probability = z.number().check(z.gt(0), z.lt(1));
const positiveInt = z.int().check(z.minimum(1));

/** The governance policy (DESIGN §2). Versioned: every review and award records the version it used. */
export const PolicySettings = z.object({
  timeZone: z.string().check(
    z.refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "Unknown IANA time zone"),
  ),
  review: z.object({
    minSample: positiveInt,
    confidence: probability,
    absoluteThreshold: probability,
    relativeThreshold: z.number().check(z.gt(0)),
    criticalComplaints: positiveInt,
    fixDays: positiveInt,
    appealDays: positiveInt,
  }),
  awards: z.object({
    minSample: positiveInt,
    priorStrength: z.number().check(z.gte(0)),
    count: positiveInt,
  }),
  retentionDays: positiveInt,
  chase: z.object({ answerDays: positiveInt }),
});
export type PolicySettings = z.infer<typeof PolicySettings>;

export const Policy = z.extend(PolicySettings, {
  version: positiveInt,
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});
export type Policy = z.infer<typeof Policy>;

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
  chase: { answerDays: 3 },
};
