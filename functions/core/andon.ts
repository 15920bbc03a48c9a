/**
 * The Andon (DESIGN §2, "Andon"): danger does not wait for the quarter. A line that reaches the
 * policy's `andon.criticalPerDay` critical complaints in one day (policy time zone) gets one Andon
 * for that day, raised by the ingest; the CCO team confirms it (a notice with the normal lifecycle,
 * outside the quarterly review) or dismisses it with a reason: RAISED → CONFIRMED | DISMISSED, once.
 * Pure rules: which line-days a batch may raise, the threshold, the Andon and its decision, and the
 * notice a confirmation issues (or the flag it records on the line's open notice).
 */
import type { Andon, AndonAction, AndonStatus } from "#schemas/andon";
import type { Notice, Verbatim } from "#schemas/notice";
import type { Policy } from "#schemas/policy";
import type { StoredSignal } from "#schemas/signal";
import { type Principal, requireAllowed } from "./authorize";
import { MS_PER_DAY } from "./calendar-day";
import { ConflictError, ValidationError } from "./errors";
import { quarterOf } from "./period";
import { topReasons } from "./review";
import type { ReviewBar } from "./review-rules";
import type { RollupCounts } from "./rollup";
import { wilsonInterval } from "./wilson";

/** Who raises Andons, in their audit trail. */
export const ANDON_RAISER = "system:ingest";
/** Complaints an Andon quotes, at most (a notice cites the first 5 of them). */
export const ANDON_COMPLAINTS = 10;
export const NOTICE_VERBATIMS = 5;

/** One line on one day (policy time zone). */
export interface LineDay {
  productLineId: string;
  day: string;
}

/** One Andon per line per day, whatever the retries, redeliveries and concurrent batches. */
export const andonIdOf = (productLineId: string, day: string): string => `an-${productLineId}-${day}`;

/** The notice a confirmed Andon issues (review notices are `n-<quarter>-<line>`, never `n-an-…`). */
export const andonNoticeIdOf = (andonId: string): string => `n-${andonId}`;

const isCritical = (s: Pick<StoredSignal, "kind" | "severity">): boolean =>
  s.kind === "complaint" && s.severity === "critical";

/**
 * The line-days of a batch that may raise an Andon: those holding a critical complaint, each once,
 * whatever their age (a late export still tells of that day). Cost follows from this: a batch
 * without critical complaints reads nothing.
 */
export const andonCandidates = (
  signals: readonly Pick<StoredSignal, "productLineId" | "day" | "kind" | "severity">[],
): LineDay[] => {
  const found = new Map<string, LineDay>();
  for (const s of signals)
    if (isCritical(s))
      found.set(andonIdOf(s.productLineId, s.day), { productLineId: s.productLineId, day: s.day });
  return [...found.values()];
};

/** Whether a line-day's critical complaints raise an Andon under `policy`. */
export const reachesThreshold = (criticalCount: number, policy: Pick<Policy, "andon">): boolean =>
  criticalCount >= policy.andon.criticalPerDay;

/** A critical complaint with words, as an Andon quotes it: masked as stored, never the customer. */
export const quoteComplaint = (s: StoredSignal): Verbatim | undefined =>
  isCritical(s) && s.verbatim
    ? {
        signalId: s.signalId,
        text: s.verbatim,
        kind: s.kind,
        ...(s.severity ? { severity: s.severity } : {}),
        channel: s.channel,
        occurredAt: s.occurredAt,
      }
    : undefined;

/** Complaints from several reads, each once, most recent first, at most `limit`. */
export const mergeComplaints = (
  lists: readonly (readonly Verbatim[])[],
  limit = ANDON_COMPLAINTS,
): Verbatim[] => {
  const byId = new Map<string, Verbatim>();
  for (const list of lists) for (const v of list) if (!byId.has(v.signalId)) byId.set(v.signalId, v);
  return [...byId.values()]
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.signalId < b.signalId ? -1 : 1))
    .slice(0, limit);
};

export interface RaiseInput extends LineDay {
  businessUnitId: string;
  criticalCount: number;
  complaints: readonly Verbatim[];
  policy: Pick<Policy, "version" | "andon">;
  now: Date;
}

/** A new Andon for a line-day whose critical complaints reached the policy's threshold. */
export const raiseAndon = (input: RaiseInput): Andon => {
  const raisedAt = input.now.toISOString();
  const { criticalPerDay } = input.policy.andon;
  return {
    id: andonIdOf(input.productLineId, input.day),
    productLineId: input.productLineId,
    businessUnitId: input.businessUnitId,
    day: input.day,
    criticalCount: input.criticalCount,
    threshold: criticalPerDay,
    policyVersion: input.policy.version,
    status: "RAISED",
    version: 1,
    raisedAt,
    complaints: mergeComplaints([input.complaints]),
    audit: [
      {
        at: raisedAt,
        actor: ANDON_RAISER,
        action: "raise",
        to: "RAISED",
        comment: `${input.criticalCount} critical complaints on ${input.day} (the policy's bar: ${criticalPerDay} a day)`,
      },
    ],
  };
};

const DECIDED: Record<AndonAction, AndonStatus> = { confirm: "CONFIRMED", dismiss: "DISMISSED" };

export interface DecideRequest {
  action: AndonAction;
  comment?: string | undefined;
  /** The version the caller saw. */
  version: number;
  principal: Principal;
  now: Date;
}

/**
 * The Andon decided. Who first (only the CCO team decides: 403 whatever the state), then the reason
 * a dismissal needs, then the state: an Andon is decided once, on the version the caller saw.
 * @throws ForbiddenError when the caller may not decide Andons.
 * @throws ValidationError naming `comment` for a dismissal without a reason.
 * @throws ConflictError when it is decided already, or changed since the version the caller saw.
 */
export const decide = (andon: Andon, request: DecideRequest): Andon => {
  requireAllowed(request.principal, "andons.decide", andon.businessUnitId);
  const comment = request.comment?.trim() ?? "";
  if (request.action === "dismiss" && comment === "")
    throw new ValidationError("A reason is required to dismiss an Andon", [
      { path: "comment", message: "A reason is required to dismiss an Andon" },
    ]);
  if (andon.status !== "RAISED")
    throw new ConflictError(
      `The Andon was already ${andon.status.toLowerCase()}${andon.decidedBy ? ` by ${andon.decidedBy}` : ""}${andon.decidedAt ? ` (${andon.decidedAt})` : ""}`,
    );
  if (request.version !== andon.version)
    throw new ConflictError(
      `The Andon changed since you saw it (you saw version ${request.version}, it is at ${andon.version}); reload it`,
    );
  const at = request.now.toISOString();
  const to = DECIDED[request.action];
  return {
    ...andon,
    status: to,
    version: andon.version + 1,
    decidedAt: at,
    decidedBy: request.principal.sub,
    ...(comment ? { comment } : {}),
    audit: [
      ...andon.audit,
      {
        at,
        actor: request.principal.sub,
        action: request.action,
        from: andon.status,
        to,
        ...(comment ? { comment } : {}),
      },
    ],
  };
};

/** A notice as stored: what is computed when it is read (overdue, the fix's effect) left out. */
export type NoticeRecord = Omit<Notice, "overdue" | "effect">;

export interface AndonNoticeContext {
  policy: Pick<Policy, "version" | "review">;
  /** The line's counters on the Andon's day (all shards summed). */
  dayCounts: RollupCounts;
  /** The bar of the quarter containing the day (its pooled rate so far), shown beside the flag. */
  bar: ReviewBar;
  /** Who confirmed it. */
  actor: string;
  comment?: string | undefined;
  now: Date;
}

const summaryOf = (andon: Andon) =>
  `Andon ${andon.id}: ${andon.criticalCount} critical complaints on ${andon.day}`;

/**
 * The notice a confirmed Andon issues: the normal lifecycle (due after `fixDays`, appealable for
 * `appealDays`), outside the quarterly review, its evidence that day's figures with the complaints.
 */
export const andonNotice = (andon: Andon, ctx: AndonNoticeContext): NoticeRecord => {
  const issuedAt = ctx.now.toISOString();
  const quarter = quarterOf(andon.day);
  const n = ctx.dayCounts.n ?? 0;
  const negatives = ctx.dayCounts.neg ?? 0;
  return {
    id: andonNoticeIdOf(andon.id),
    productLineId: andon.productLineId,
    businessUnitId: andon.businessUnitId,
    quarter,
    source: "andon",
    status: "ISSUED",
    version: 1,
    issuedAt,
    dueAt: new Date(ctx.now.getTime() + ctx.policy.review.fixDays * MS_PER_DAY).toISOString(),
    appealUntil: new Date(ctx.now.getTime() + ctx.policy.review.appealDays * MS_PER_DAY).toISOString(),
    policyVersion: ctx.policy.version,
    evidence: {
      quarter,
      day: andon.day,
      n,
      negatives,
      negativeRate: n > 0 ? negatives / n : null,
      wilson: n > 0 ? wilsonInterval(negatives, n, ctx.policy.review.confidence) : null,
      bar: ctx.bar,
      policyVersion: ctx.policy.version,
      flaggedBy: ["critical-complaints"],
      criticalComplaints: Math.max(andon.criticalCount, ctx.dayCounts.cCritical ?? 0),
      topReasons: topReasons(ctx.dayCounts).slice(0, 3),
      verbatims: andon.complaints.slice(0, NOTICE_VERBATIMS),
    },
    flags: [],
    audit: [
      {
        at: issuedAt,
        actor: ctx.actor,
        action: "issue",
        to: "ISSUED",
        comment: `${summaryOf(andon)}, confirmed${ctx.comment ? `: ${ctx.comment}` : ""}`,
      },
    ],
  };
};

/**
 * The line's open notice with a confirmed Andon recorded on it, as a review records its flag: a line
 * never has two open notices. Recorded once per Andon.
 */
export const recordAndonOnNotice = (
  notice: NoticeRecord,
  andon: Andon,
  ctx: { policyVersion: number; actor: string; now: Date },
): NoticeRecord => {
  if (notice.flags.some((f) => f.andonId === andon.id)) return notice;
  const at = ctx.now.toISOString();
  return {
    ...notice,
    version: notice.version + 1,
    flags: [
      ...notice.flags,
      { quarter: quarterOf(andon.day), policyVersion: ctx.policyVersion, at, andonId: andon.id },
    ],
    audit: [
      ...notice.audit,
      {
        at,
        actor: ctx.actor,
        action: "flag",
        from: notice.status,
        to: notice.status,
        comment: `${summaryOf(andon)}, confirmed: recorded on this open notice`,
      },
    ],
  };
};
