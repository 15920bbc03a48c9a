/**
 * Chases (DESIGN §2, "Listen-in"): a question about one customer voice, routed to the head of the
 * unit that owns the voice's product line, who must answer within the policy's `chase.answerDays`.
 * The lifecycle is OPEN → ANSWERED, once; an OPEN chase past its due date is overdue, and the daily
 * job escalates it to the CCO team once, ever. Every change is audited with who (and in which role),
 * when and the words. Pure rules: the use cases read and write, these decide.
 */
import { createHash } from "node:crypto";
import type { Chase, ChaseActor, ChaseVoice, StoredChase } from "#schemas/chase";
import type { Role } from "#schemas/common";
import type { StoredSignal } from "#schemas/signal";
import { type Action, GRANTS, type Principal, type Reach, requireAllowed } from "./authorize";
import { MS_PER_DAY } from "./calendar-day";
import { ConflictError } from "./errors";

/** The actor of the daily job's escalations. */
export const SYSTEM_ACTOR: ChaseActor = { sub: "system:daily-overdue", role: "system" };

/**
 * A chase's id, derived from who asks what about which voice: the same request sent again (a
 * retry, a double click) names the same chase, so it is stored once. Surrounding blanks of the
 * question do not make another chase.
 */
export const chaseIdOf = (raisedBy: string, signalId: string, question: string): string =>
  `ch-${createHash("sha256")
    .update(JSON.stringify([raisedBy, signalId, question.trim()]))
    .digest("base64url")
    .slice(0, 22)}`;

/**
 * The role `principal` takes `action` in on `unitId`'s data (a role reaching every unit first),
 * for the audit trail: one person may hold several roles.
 * @throws ForbiddenError when none of their roles may.
 */
export const actorFor = (principal: Principal, action: Action, unitId: string): ChaseActor => {
  requireAllowed(principal, action, unitId);
  const grant: Partial<Record<Role, Reach>> = GRANTS[action];
  const roles = principal.roles.filter((role) => grant[role] !== undefined);
  const role = roles.find((r) => grant[r] === "all") ?? roles[0];
  return { sub: principal.sub, role: role as ChaseActor["role"] };
};

/**
 * The voice as a chase quotes it: its words as stored (masked at ingest) and what kind of voice it
 * is. Picked field by field, so the customer's pseudonym and order reference never travel with it.
 */
export const quoteVoice = (signal: StoredSignal): ChaseVoice => ({
  signalId: signal.signalId,
  productLineId: signal.productLineId,
  channel: signal.channel,
  kind: signal.kind,
  ...(signal.score !== undefined ? { score: signal.score } : {}),
  ...(signal.severity ? { severity: signal.severity } : {}),
  ...(signal.reasons?.length ? { reasons: signal.reasons } : {}),
  ...(signal.verbatim ? { verbatim: signal.verbatim } : {}),
  occurredAt: signal.occurredAt,
  ...(signal.locale ? { locale: signal.locale } : {}),
});

export interface RaiseInput {
  signal: StoredSignal;
  businessUnitId: string;
  question: string;
  principal: Principal;
  policy: { version: number; chase: { answerDays: number } };
  now: Date;
}

/**
 * A new chase on `signal`, due `answerDays` after now.
 * @throws ForbiddenError when the caller may not raise chases.
 */
export const raise = (input: RaiseInput): StoredChase => {
  const raisedBy = actorFor(input.principal, "chases.raise", input.businessUnitId);
  const question = input.question.trim();
  const at = input.now.toISOString();
  const { answerDays } = input.policy.chase;
  return {
    id: chaseIdOf(input.principal.sub, input.signal.signalId, question),
    signalId: input.signal.signalId,
    productLineId: input.signal.productLineId,
    businessUnitId: input.businessUnitId,
    status: "OPEN",
    version: 1,
    question,
    raisedAt: at,
    raisedBy,
    dueAt: new Date(input.now.getTime() + answerDays * MS_PER_DAY).toISOString(),
    answerDays,
    policyVersion: input.policy.version,
    voice: quoteVoice(input.signal),
    audit: [{ action: "raise", actor: raisedBy, at, text: question }],
  };
};

/** Open and past its due date (DESIGN §2): the daily job escalates it. */
export const isOverdue = (chase: Pick<StoredChase, "status" | "dueAt">, now: Date): boolean =>
  chase.status === "OPEN" && now.getTime() > Date.parse(chase.dueAt);

/** Overdue and not escalated yet: escalation happens once per chase, ever. */
export const needsEscalation = (chase: StoredChase, now: Date): boolean =>
  isOverdue(chase, now) && chase.escalatedAt === undefined;

export interface AnswerInput {
  answer: string;
  principal: Principal;
  /** The version the caller saw, when they sent one. */
  version?: number | undefined;
  now: Date;
}

/**
 * The chase answered. The unit comes first (another unit's head, or a role that may never answer,
 * is refused whatever the state), then the state.
 * @throws ForbiddenError when the caller may not answer this unit's chases.
 * @throws ConflictError when it is already answered, or changed since the version the caller saw.
 */
export const answer = (chase: StoredChase, input: AnswerInput): StoredChase => {
  const by = actorFor(input.principal, "chases.answer", chase.businessUnitId);
  if (chase.status !== "OPEN")
    throw new ConflictError(`The chase was already answered (${chase.answer?.at ?? "earlier"})`);
  if (input.version !== undefined && input.version !== chase.version)
    throw new ConflictError(
      `The chase changed since you saw it (you saw version ${input.version}, it is at ${chase.version}); reload it`,
    );
  const text = input.answer.trim();
  const at = input.now.toISOString();
  return {
    ...chase,
    status: "ANSWERED",
    version: chase.version + 1,
    answer: { text, at, by },
    audit: [...chase.audit, { action: "answer", actor: by, at, text }],
  };
};

/**
 * The chase escalated to the CCO team by the daily job.
 * @throws ConflictError when it is not overdue or was escalated already (never twice).
 */
export const escalate = (chase: StoredChase, now: Date): StoredChase => {
  if (!needsEscalation(chase, now))
    throw new ConflictError(`Chase ${chase.id} is not an overdue chase awaiting escalation`);
  const at = now.toISOString();
  return {
    ...chase,
    version: chase.version + 1,
    escalatedAt: at,
    audit: [
      ...chase.audit,
      {
        action: "escalate",
        actor: SYSTEM_ACTOR,
        at,
        text: `Unanswered ${chase.answerDays} days after it was raised (due ${chase.dueAt}): escalated to the CCO team`,
      },
    ],
  };
};

/** A chase as a reader sees it: what is stored, and whether it is overdue at this moment. */
export const viewChase = (chase: StoredChase, now: Date): Chase => ({
  ...chase,
  overdue: isOverdue(chase, now),
});
