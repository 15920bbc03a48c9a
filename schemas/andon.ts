import * as z from "zod/mini";
import { Id, text } from "./common";
import { Verbatim } from "./notice";
import "./zod";

export const ANDON_STATUSES = ["RAISED", "CONFIRMED", "DISMISSED"] as const;
export const AndonStatus = z.enum(ANDON_STATUSES);
export type AndonStatus = z.infer<typeof AndonStatus>;

export const ANDON_ACTIONS = ["confirm", "dismiss"] as const;
export const AndonAction = z.enum(ANDON_ACTIONS);
export type AndonAction = z.infer<typeof AndonAction>;

export const AndonAuditEntry = z.object({
  at: z.string(),
  /** Who: a person's subject, or `system:ingest` for the raise. */
  actor: z.string(),
  /** `raise` (the ingest), `confirm` or `dismiss` (the CCO team). */
  action: z.enum(["raise", "confirm", "dismiss"]),
  from: z.optional(AndonStatus),
  to: AndonStatus,
  comment: z.optional(z.string()),
});
export type AndonAuditEntry = z.infer<typeof AndonAuditEntry>;

/**
 * An Andon (DESIGN §2, "Andon"): a line that reached the policy's `andon.criticalPerDay` critical
 * complaints in one day (policy time zone), raised by the ingest, decided by the CCO team.
 */
export const Andon = z.object({
  /** `an-<productLineId>-<day>`: one per line per day, whatever the retries. */
  id: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  /** The day, in the policy's time zone. */
  day: z.string(),
  /** Critical complaints of the line on that day when the Andon was raised (from the rollups). */
  criticalCount: z.int(),
  /** The policy's `andon.criticalPerDay` it reached, and that policy's version. */
  threshold: z.int(),
  policyVersion: z.int(),
  status: AndonStatus,
  version: z.int(),
  raisedAt: z.string(),
  /** That day's critical complaints with words, most recent first (PII masked at ingest; up to 10). */
  complaints: z.array(Verbatim),
  /** `CONFIRMED`: the notice it issued, or the line's open notice it was recorded on. */
  noticeId: z.optional(z.string()),
  /** `CONFIRMED` on a line that already had an open notice: recorded on that one, none issued. */
  linked: z.optional(z.boolean()),
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  /** The reason given with the decision (required to dismiss). */
  comment: z.optional(z.string()),
  audit: z.array(AndonAuditEntry),
});
export type Andon = z.infer<typeof Andon>;

export const AndonsQuery = z.object({
  status: z.optional(AndonStatus),
  businessUnitId: z.optional(Id),
});
export type AndonsQuery = z.infer<typeof AndonsQuery>;

export const AndonPath = z.object({ id: text(1, 200) });

export const AndonActionRequest = z
  .object({
    action: AndonAction,
    /** Why; required (not blank) to dismiss. */
    comment: z.optional(text(0, 2_000)),
    /** The version of the Andon the caller saw (optimistic concurrency: stale → 409). */
    version: z.int().check(z.minimum(1)),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.action === "dismiss" && !body.comment?.trim())
        ctx.addIssue({
          code: "custom",
          path: ["comment"],
          message: "A reason is required to dismiss an Andon",
        });
    }),
  );
export type AndonActionRequest = z.infer<typeof AndonActionRequest>;
