/**
 * `POST /v1/reviews` and the quarterly schedule: review a quarter's lines from its period totals
 * (O(lines) items, never signals), issue one notice per flagged line (or record the flag on its open
 * notice), store the review, and send the events. Re-running for the same quarter and policy version
 * returns the stored review and issues nothing twice, whatever re-runs or concurrent calls; a run
 * killed half-way is completed by the next. `dryRun` stores and issues nothing; with a partial
 * `policy` it is the what-if: the review under the proposed settings and the lines that would flip.
 */
import { addDays } from "#core/calendar-day";
import { ValidationError } from "#core/errors";
import { parsePeriod, startOfDayInstant } from "#core/period";
import { applyPolicyPatch } from "#core/policy-patch";
import { flagChanges, type QuarterReview, reviewQuarter } from "#core/review";
import type { Policy } from "#schemas/policy";
import type { Review, ReviewRequest } from "#schemas/review";
import { readPulledLines, readRelistedLines } from "#store/notice-store";
import { currentPolicy } from "#store/policy-store";
import { readReview, storeReview } from "#store/review-store";
import { noticeFlaggedLine } from "./issue-notice";
import { periodFigures } from "./period-figures";
import { relayOutboxSoon } from "./relay-outbox";

/** Notices issued at once: each reads a few voices and writes one transaction. */
const CONCURRENCY = 8;

const asReview = (
  review: QuarterReview,
  extra: Pick<Review, "noticesIssued" | "ranAt" | "ranBy" | "dryRun">,
): Review => ({
  quarter: review.quarter,
  policyVersion: review.policyVersion,
  pooledRate: review.pooledRate,
  bar: review.bar,
  lines: review.lines.map(({ repeatOf: _r, ...line }) => line),
  ...extra,
});

/** The quarter's first instant and the next quarter's, in the policy's time zone. */
const windowOf = (quarter: string, timeZone: string) => {
  const { from, to } = parsePeriod(quarter);
  return { from: startOfDayInstant(from, timeZone), to: startOfDayInstant(addDays(to, 1), timeZone) };
};

const reviewWith = async (quarter: string, policy: Policy) => {
  // A review reads the totals now: the rankings' few seconds of cache would not do for a decision.
  const [figures, relisted] = await Promise.all([
    periodFigures(quarter, { maxAgeMs: 0 }),
    readRelistedLines(),
  ]);
  const lines = figures.lines.map(({ line, counts }) => ({
    productLineId: line.id,
    businessUnitId: line.businessUnitId,
    category: line.category,
    counts,
  }));
  return reviewQuarter(quarter, policy, lines, relisted);
};

export const runReview = async (request: ReviewRequest, actor: string, now = new Date()): Promise<Review> => {
  if (request.policy && !request.dryRun)
    throw new ValidationError("A proposed policy is only for a what-if", [
      { path: "policy", message: 'Add "dryRun": true, or make it the policy with PUT /v1/policy' },
    ]);
  const policy = await currentPolicy();
  const ran = { ranAt: now.toISOString(), ranBy: actor };

  if (request.dryRun) {
    const current = await reviewWith(request.quarter, policy);
    if (!request.policy) return asReview(current, { noticesIssued: [], dryRun: true, ...ran });
    const proposedPolicy = { ...applyPolicyPatch(policy, request.policy), version: policy.version };
    const proposed = await reviewWith(request.quarter, proposedPolicy);
    return {
      ...asReview(proposed, { noticesIssued: [], dryRun: true, ...ran }),
      changes: flagChanges(current, proposed),
    };
  }

  const ends = windowOf(request.quarter, policy.timeZone).to;
  if (now < ends)
    // Stored, it would stand for the quarter under this policy version, and the schedule's review
    // at the quarter's end would answer it unchanged.
    throw new ValidationError("Only a quarter that has ended can be reviewed", [
      {
        path: "quarter",
        message: `${request.quarter} has not ended (it ends ${ends.toISOString()}, midnight in ${policy.timeZone}); a dry run previews it`,
      },
    ]);
  const stored = await readReview(request.quarter, policy.version);
  if (stored) return stored;
  const review = await reviewWith(request.quarter, policy);
  const flagged = review.lines.filter((l) => l.flagged);
  const context = {
    review,
    policy,
    window: windowOf(request.quarter, policy.timeZone),
    actor,
    now,
    pulled: await readPulledLines(),
  };
  const noticeIds = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < flagged.length) {
      const line = flagged[next++];
      if (line) noticeIds.set(line.productLineId, await noticeFlaggedLine(line, context));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, flagged.length) }, worker));

  const result = asReview(review, {
    noticesIssued: flagged.map((l) => noticeIds.get(l.productLineId) as string),
    dryRun: false,
    ...ran,
  });
  result.lines = result.lines.map((l) =>
    noticeIds.has(l.productLineId) ? { ...l, noticeId: noticeIds.get(l.productLineId) } : l,
  );
  const kept = await storeReview(result);
  await relayOutboxSoon();
  return kept;
};
