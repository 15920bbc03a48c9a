import * as z from "zod/mini";
import { Id, text } from "./common";
import { Channel, Reason, Severity, SignalKind } from "./signal";
import "./zod";

export const CHASE_STATUSES = ["OPEN", "ANSWERED"] as const;
export const ChaseStatus = z.enum(CHASE_STATUSES);
export type ChaseStatus = z.infer<typeof ChaseStatus>;

/** Free text that must say something: surrounding blanks are dropped when it is stored. */
const words = (max: number) =>
  text(1, max).check(z.refine((value) => value.trim().length > 0, "Must not be blank"));

/**
 * The customer's voice a chase is about, quoted as stored: the words were masked at ingest (phone
 * numbers, e-mail addresses, ID and card numbers), and the customer's pseudonym is never quoted.
 */
export const ChaseVoice = z.object({
  signalId: z.string(),
  productLineId: z.string(),
  channel: Channel,
  kind: SignalKind,
  score: z.optional(z.int()),
  severity: z.optional(Severity),
  reasons: z.optional(z.array(Reason)),
  verbatim: z.optional(z.string()),
  occurredAt: z.string(),
  locale: z.optional(z.string()),
});
export type ChaseVoice = z.infer<typeof ChaseVoice>;

/** Who did something to a chase: the person (or `system` for the daily job) and the role they acted in. */
export const ChaseActor = z.object({
  sub: z.string(),
  role: z.enum(["cco", "bu-head", "executive", "system"]),
});
export type ChaseActor = z.infer<typeof ChaseActor>;

export const ChaseAuditEntry = z.object({
  /** `raise` (the question), `answer` (the answer), `escalate` (the daily job, once overdue). */
  action: z.enum(["raise", "answer", "escalate"]),
  actor: ChaseActor,
  at: z.string(),
  text: z.string(),
});
export type ChaseAuditEntry = z.infer<typeof ChaseAuditEntry>;

export const Chase = z.object({
  id: z.string(),
  signalId: z.string(),
  productLineId: z.string(),
  /** The unit that owns the voice's product line: its head must answer. */
  businessUnitId: z.string(),
  status: ChaseStatus,
  version: z.int(),
  question: z.string(),
  raisedAt: z.string(),
  raisedBy: ChaseActor,
  /** `raisedAt` + the policy's `chase.answerDays` at the time it was raised. */
  dueAt: z.string(),
  answerDays: z.int(),
  policyVersion: z.int(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  /** When the daily job escalated it to the CCO team (once, ever). */
  escalatedAt: z.optional(z.string()),
  answer: z.optional(z.object({ text: z.string(), at: z.string(), by: ChaseActor })),
  voice: ChaseVoice,
  audit: z.array(ChaseAuditEntry),
});
export type Chase = z.infer<typeof Chase>;

/** A chase as stored: everything but what depends on the moment it is read. */
export const StoredChase = z.omit(Chase, { overdue: true });
export type StoredChase = z.infer<typeof StoredChase>;

export const RaiseChaseRequest = z.object({
  /** The voice to chase: a counted signal's id. */
  signalId: text(1, 128),
  question: words(2_000),
});
export type RaiseChaseRequest = z.infer<typeof RaiseChaseRequest>;

export const ChasesQuery = z.object({
  status: z.optional(ChaseStatus),
  businessUnitId: z.optional(Id),
});
export type ChasesQuery = z.infer<typeof ChasesQuery>;

export const ChasePath = z.object({ id: text(1, 200) });

export const AnswerChaseRequest = z.object({
  answer: words(4_000),
  /** The version the caller saw, if they want the answer refused (409) when the chase changed since. */
  version: z.optional(z.int().check(z.minimum(1))),
});
export type AnswerChaseRequest = z.infer<typeof AnswerChaseRequest>;
