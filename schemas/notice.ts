import * as z from "zod/mini";
import { Id, IsoDate, Quarter, text } from "./common";
import { WilsonInterval } from "./metrics";
import { FlagReason, ReasonCount, ReviewBar } from "./review";
import { Channel, Severity, SignalKind } from "./signal";
import "./zod";

export const NOTICE_STATUSES = [
  "ISSUED",
  "ACKNOWLEDGED",
  "APPEALED",
  "FIX_SUBMITTED",
  "RELISTED",
  "WITHDRAWN",
] as const;
export const NoticeStatus = z.enum(NOTICE_STATUSES);
export const NOTICE_ACTIONS = [
  "acknowledge",
  "appeal",
  "submit-fix",
  "relist",
  "reject-fix",
  "reject-appeal",
  "uphold-appeal",
] as const;
export const NoticeAction = z.enum(NOTICE_ACTIONS);

/** A customer's own words, cited as evidence (PII masked at ingest). */
export const Verbatim = z.object({
  signalId: z.string(),
  text: z.string(),
  kind: SignalKind,
  severity: z.optional(Severity),
  score: z.optional(z.int()),
  channel: Channel,
  occurredAt: z.string(),
});
export type Verbatim = z.infer<typeof Verbatim>;

/** Why the line was flagged: the figures, the bar, the policy version, the reasons and the words. */
export const NoticeEvidence = z.object({
  quarter: z.string(),
  /** An Andon's notice: the day its figures are of (policy time zone); a review's are the quarter's. */
  day: z.optional(z.string()),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.nullable(z.number()),
  wilson: z.nullable(WilsonInterval),
  bar: ReviewBar,
  policyVersion: z.int(),
  flaggedBy: z.array(FlagReason),
  criticalComplaints: z.int(),
  topReasons: z.array(ReasonCount),
  /** Up to 5 negative verbatims of the quarter: most severe, then most recent. */
  verbatims: z.array(Verbatim),
});
export type NoticeEvidence = z.infer<typeof NoticeEvidence>;

/** The unit's fix plan (`submit-fix`). */
export const FixPlan = z.object({
  rootCause: text(1, 2_000),
  actions: z
    .array(z.object({ description: text(1, 1_000), owner: text(1, 200), dueDate: IsoDate }))
    .check(z.minLength(1), z.maxLength(20)),
});
export type FixPlan = z.infer<typeof FixPlan>;

export const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  /** `issue` and `flag` are the review's; the rest are lifecycle actions. */
  action: z.string(),
  from: z.optional(NoticeStatus),
  to: NoticeStatus,
  comment: z.optional(z.string()),
});

const Window = z.object({
  from: z.string(),
  to: z.string(),
  n: z.int(),
  negatives: z.int(),
  negativeRate: z.nullable(z.number()),
  wilson: z.nullable(WilsonInterval),
});

/** Before the notice against since the fix, the difference with its 95 % interval, and the verdict. */
export const FixEffect = z.object({
  before: Window,
  since: Window,
  difference: z.nullable(z.object({ value: z.number(), lo: z.number(), hi: z.number() })),
  label: z.enum(["improved", "no-change", "worse", "too-early"]),
});

export const Notice = z.object({
  id: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  quarter: z.string(),
  source: z.enum(["review", "andon"]),
  status: NoticeStatus,
  version: z.int(),
  issuedAt: z.string(),
  dueAt: z.string(),
  appealUntil: z.string(),
  /** Past its due date and neither relisted nor withdrawn. */
  overdue: z.boolean(),
  policyVersion: z.int(),
  evidence: NoticeEvidence,
  /** Later flags of the same line, recorded on this notice while it was open (a confirmed Andon's with its id). */
  flags: z.array(
    z.object({
      quarter: z.string(),
      policyVersion: z.int(),
      at: z.string(),
      andonId: z.optional(z.string()),
    }),
  ),
  /** The earlier notice of a line flagged again within four quarters of its relist. */
  repeatOf: z.optional(z.string()),
  audit: z.array(AuditEntry),
  fix: z.optional(z.extend(FixPlan, { submittedAt: z.string(), submittedBy: z.string() })),
  effect: z.optional(FixEffect),
});
export type Notice = z.infer<typeof Notice>;

/** A notice in a list: enough to choose one. */
export const NoticeSummary = z.object({
  id: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  quarter: z.string(),
  source: z.enum(["review", "andon"]),
  status: NoticeStatus,
  version: z.int(),
  issuedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  repeatOf: z.optional(z.string()),
  n: z.int(),
  negativeRate: z.nullable(z.number()),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

const Flag = z.optional(z.enum(["true", "false"]));

export const NoticesQuery = z.object({
  status: z.optional(NoticeStatus),
  businessUnitId: z.optional(Id),
  quarter: z.optional(Quarter),
  /** Only notices past their due date and still open (`true`), or only the others (`false`). */
  overdue: Flag,
});
export type NoticesQuery = z.infer<typeof NoticesQuery>;

export const NoticePath = z.object({ id: text(1, 200) });

export const NoticeActionRequest = z
  .object({
    action: NoticeAction,
    comment: z.optional(text(0, 2_000)),
    /** The version of the notice the caller saw (optimistic concurrency: stale → 409). */
    version: z.int().check(z.minimum(1)),
    /** `submit-fix` only, and required there. */
    fix: z.optional(FixPlan),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.action === "submit-fix" && !body.fix)
        ctx.addIssue({ code: "custom", path: ["fix"], message: "A fix plan is required to submit a fix" });
      if (body.action !== "submit-fix" && body.fix)
        ctx.addIssue({ code: "custom", path: ["fix"], message: "Only submit-fix carries a fix plan" });
    }),
  );
export type NoticeActionRequest = z.infer<typeof NoticeActionRequest>;
