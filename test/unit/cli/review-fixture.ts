/** Plain review objects (the `POST /v1/reviews` answer) for the CLI's review tests. */
import type { Review, ReviewLine } from "#schemas/review";

/** A line that is neither flagged nor at risk, with the overrides given. */
export const reviewLine = (
  overrides: Partial<ReviewLine> & Pick<ReviewLine, "productLineId">,
): ReviewLine => ({
  businessUnitId: "bu-home",
  category: "kitchen",
  n: 500,
  negatives: 40,
  negativeRate: 0.08,
  wilson: { lo: 0.0593, hi: 0.1069 },
  criticalComplaints: 0,
  flagged: false,
  flaggedBy: [],
  atRisk: false,
  reasons: [{ reason: "quality", count: 40 }],
  repeat: false,
  ...overrides,
});

/**
 * 2026-Q3 as a real run answered it: three flagged lines (rate, critical complaints, a repeat), one
 * at risk, one ok and one too small, deliberately not in the order the table prints them.
 */
export const sampleReview = (overrides: Partial<Review> = {}): Review => ({
  quarter: "2026-Q3",
  policyVersion: 2,
  pooledRate: 0.1617,
  bar: { value: 0.2426, absolute: 0.2, relative: 0.2426, pooledRate: 0.1617, from: "relative" },
  lines: [
    reviewLine({
      productLineId: "pl-ok",
      n: 2000,
      negatives: 160,
      wilson: { lo: 0.0692, hi: 0.0927 },
      reasons: [{ reason: "logistics", count: 160 }],
    }),
    reviewLine({
      productLineId: "pl-risk",
      n: 100,
      negatives: 27,
      negativeRate: 0.27,
      wilson: { lo: 0.1932, hi: 0.3634 },
      atRisk: true,
      negativesToFlag: 9,
    }),
    reviewLine({
      productLineId: "pl-crit",
      businessUnitId: "bu-fresh",
      negatives: 25,
      negativeRate: 0.05,
      wilson: { lo: 0.034, hi: 0.0728 },
      criticalComplaints: 3,
      flagged: true,
      flaggedBy: ["critical-complaints"],
      reasons: [{ reason: "safety", count: 3 }],
      noticeId: "n-2026-Q3-pl-crit",
    }),
    reviewLine({
      productLineId: "pl-bad",
      n: 400,
      negatives: 160,
      negativeRate: 0.4,
      wilson: { lo: 0.3529, hi: 0.4489 },
      criticalComplaints: 3,
      flagged: true,
      flaggedBy: ["rate", "critical-complaints"],
      reasons: [
        { reason: "quality", count: 100 },
        { reason: "safety", count: 30 },
        { reason: "logistics", count: 20 },
        { reason: "price", count: 10 },
      ],
      noticeId: "n-2026-Q3-pl-bad",
    }),
    reviewLine({
      productLineId: "pl-small",
      n: 20,
      negatives: 15,
      negativeRate: 0.75,
      wilson: { lo: 0.5313, hi: 0.8881 },
    }),
    reviewLine({
      productLineId: "pl-again",
      businessUnitId: "bu-fresh",
      n: 300,
      negatives: 150,
      negativeRate: 0.5,
      wilson: { lo: 0.4437, hi: 0.5563 },
      flagged: true,
      flaggedBy: ["rate"],
      repeat: true,
      noticeId: "n-2026-Q3-pl-again",
    }),
  ],
  noticesIssued: ["n-2026-Q3-pl-crit", "n-2026-Q3-pl-bad", "n-2026-Q3-pl-again"],
  ranAt: "2026-10-01T02:00:00.123Z",
  ranBy: "dev-cco",
  dryRun: false,
  ...overrides,
});

/** The review settings of policy version 2 (the defaults). */
export const samplePolicy = {
  minSample: 30,
  confidence: 0.95,
  relativeThreshold: 1.5,
  criticalComplaints: 3,
};
