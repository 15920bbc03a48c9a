/**
 * What a review does for one flagged line: issue its notice with the evidence (figures, bar,
 * policy version, top reasons, up to 5 negative verbatims, most severe then most recent) and queue
 * `Notice Issued` and `Product Line Pulled` in the same transaction; or, when the line already has
 * an open notice (an earlier quarter's, or an Andon's), record this quarter's flag on that one, as
 * a line never has two open notices. Idempotent: a re-run finds the notice or the flag already there.
 */
import { MS_PER_DAY } from "#core/calendar-day";
import type { QuarterReview, ReviewedLine } from "#core/review";
import { reviewNoticeId } from "#core/review";
import { NEGATIVE_CLASSES } from "#core/voice-class";
import type { Policy } from "#schemas/policy";
import {
  issueNotice,
  readNotice,
  readPulledLines,
  replaceNotice,
  type StoredNotice,
} from "#store/notice-store";
import { voicesByClass } from "#store/voice-store";

/** Verbatims cited as evidence, at most. */
export const EVIDENCE_VERBATIMS = 5;
const MAX_ATTEMPTS = 5;

export interface IssueContext {
  review: QuarterReview;
  policy: Policy;
  /** The quarter's first instant and the next quarter's (its voices lie between). */
  window: { from: Date; to: Date };
  actor: string;
  now: Date;
  /** Lines with an open notice, and which. */
  pulled: ReadonlyMap<string, string>;
}

const eventId = (noticeId: string, what: string) => `${noticeId}:${what}`;

const newNotice = async (line: ReviewedLine, ctx: IssueContext): Promise<StoredNotice> => {
  const id = reviewNoticeId(ctx.review.quarter, line.productLineId);
  const issuedAt = ctx.now.toISOString();
  const verbatims = await voicesByClass(
    line.productLineId,
    NEGATIVE_CLASSES,
    ctx.window.from,
    ctx.window.to,
    EVIDENCE_VERBATIMS,
  );
  return {
    id,
    productLineId: line.productLineId,
    businessUnitId: line.businessUnitId,
    quarter: ctx.review.quarter,
    source: "review",
    status: "ISSUED",
    version: 1,
    issuedAt,
    dueAt: new Date(ctx.now.getTime() + ctx.policy.review.fixDays * MS_PER_DAY).toISOString(),
    appealUntil: new Date(ctx.now.getTime() + ctx.policy.review.appealDays * MS_PER_DAY).toISOString(),
    policyVersion: ctx.policy.version,
    evidence: {
      quarter: ctx.review.quarter,
      n: line.n,
      negatives: line.negatives,
      negativeRate: line.negativeRate,
      wilson: line.wilson,
      bar: ctx.review.bar,
      policyVersion: ctx.policy.version,
      flaggedBy: line.flaggedBy,
      criticalComplaints: line.criticalComplaints,
      topReasons: line.reasons.slice(0, 3),
      verbatims,
    },
    flags: [],
    ...(line.repeatOf ? { repeatOf: line.repeatOf } : {}),
    audit: [
      {
        at: issuedAt,
        actor: ctx.actor,
        action: "issue",
        to: "ISSUED",
        comment: `Flagged in the ${ctx.review.quarter} review`,
      },
    ],
  };
};

/** Records a later quarter's flag on a line's open notice (once per quarter); answers its id. */
export const recordFlag = async (noticeId: string, ctx: IssueContext): Promise<string> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const notice = await readNotice(noticeId);
    if (!notice) throw new Error(`Open notice ${noticeId} is missing`);
    // The review's own notice, or its flag recorded already (an Andon's flag of the same quarter,
    // or an Andon's notice, is not this review's: the review still records its own).
    const quarter = ctx.review.quarter;
    if (
      (notice.source === "review" && notice.quarter === quarter) ||
      notice.flags.some((f) => f.quarter === quarter && f.andonId === undefined)
    )
      return noticeId;
    const at = ctx.now.toISOString();
    const flagged: StoredNotice = {
      ...notice,
      version: notice.version + 1,
      flags: [...notice.flags, { quarter: ctx.review.quarter, policyVersion: ctx.policy.version, at }],
      audit: [
        ...notice.audit,
        {
          at,
          actor: ctx.actor,
          action: "flag",
          from: notice.status,
          to: notice.status,
          comment: `Flagged again in the ${ctx.review.quarter} review`,
        },
      ],
    };
    if (await replaceNotice(flagged, notice.version)) return noticeId;
  }
  throw new Error(`Notice ${noticeId} kept changing; run the review again`);
};

/** Issues the line's notice, or records the flag on its open one; answers the notice's id. */
export const noticeFlaggedLine = async (line: ReviewedLine, ctx: IssueContext): Promise<string> => {
  const open = ctx.pulled.get(line.productLineId);
  const id = reviewNoticeId(ctx.review.quarter, line.productLineId);
  if (open !== undefined && open !== id) return recordFlag(open, ctx);
  const notice = await newNotice(line, ctx);
  const ref = { noticeId: id, productLineId: line.productLineId, businessUnitId: line.businessUnitId };
  const outcome = await issueNotice(notice, [
    {
      eventId: eventId(id, "issued"),
      createdAt: notice.issuedAt,
      detailType: "Notice Issued",
      detail: {
        ...ref,
        quarter: notice.quarter,
        source: notice.source,
        dueAt: notice.dueAt,
        ...(notice.repeatOf ? { repeatOf: notice.repeatOf } : {}),
      },
    },
    {
      eventId: eventId(id, "pulled"),
      createdAt: notice.issuedAt,
      detailType: "Product Line Pulled",
      detail: ref,
    },
  ]);
  if (outcome !== "line-has-open-notice") return id;
  // Another notice opened for the line since the review started (an Andon's): flag that one.
  const now = (await readPulledLines()).get(line.productLineId);
  if (now === undefined) return noticeFlaggedLine(line, { ...ctx, pulled: new Map() });
  return recordFlag(now, ctx);
};
