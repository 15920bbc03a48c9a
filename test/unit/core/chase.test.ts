/**
 * The chase rules: a deterministic id per (caller, voice, question), the quote without the
 * customer's pseudonym, the due date, who may raise and answer (a table of roles × own or other
 * unit), OPEN → ANSWERED once, overdue, and escalation once.
 */
import { describe, expect, it } from "vitest";
import type { Principal } from "#core/authorize";
import {
  actorFor,
  answer,
  chaseIdOf,
  escalate,
  isOverdue,
  needsEscalation,
  quoteVoice,
  raise,
  viewChase,
} from "#core/chase";
import { ConflictError, ForbiddenError } from "#core/errors";
import type { StoredChase } from "#schemas/chase";
import type { StoredSignal } from "#schemas/signal";

const callers = {
  cco: { sub: "c", roles: ["cco"], businessUnitIds: [] },
  executive: { sub: "e", roles: ["executive"], businessUnitIds: [] },
  "bu-head (own unit)": { sub: "h", roles: ["bu-head"], businessUnitIds: ["bu-a"] },
  "bu-head (other unit)": { sub: "o", roles: ["bu-head"], businessUnitIds: ["bu-b"] },
  ingest: { sub: "i", roles: ["ingest"], businessUnitIds: [] },
} satisfies Record<string, Principal>;
type Caller = keyof typeof callers;

const signal: StoredSignal = {
  signalId: "s-1",
  productLineId: "pl-a",
  channel: "hotline",
  kind: "complaint",
  severity: "critical",
  reasons: ["safety"],
  verbatim: "插头冒烟，电话 138****5678",
  customerPseudonym: "pseudo-123",
  orderRef: "order-9",
  occurredAt: "2026-10-01T10:00:00+08:00",
  locale: "zh-CN",
  day: "2026-10-01",
  negative: true,
  receivedAt: "2026-10-01T02:00:01.000Z",
};
const raisedAt = new Date("2026-10-02T00:00:00.000Z");
const policy = { version: 4, chase: { answerDays: 3 } };

const raised = (principal: Principal = callers.executive): StoredChase =>
  raise({ signal, businessUnitId: "bu-a", question: "  Why?  ", principal, policy, now: raisedAt });

const outcome = (f: () => unknown): "ok" | 403 | 409 => {
  try {
    f();
    return "ok";
  } catch (error) {
    if (error instanceof ForbiddenError) return 403;
    if (error instanceof ConflictError) return 409;
    throw error;
  }
};

describe("chaseIdOf", () => {
  it("names the same chase for the same caller, voice and question, blanks around the question aside", () => {
    expect(chaseIdOf("e", "s-1", "Why?")).toBe(chaseIdOf("e", "s-1", "  Why?\n"));
    expect(chaseIdOf("e", "s-1", "Why?")).toMatch(/^ch-[A-Za-z0-9_-]{22}$/);
  });

  it.each([
    ["another caller", ["e2", "s-1", "Why?"]],
    ["another voice", ["e", "s-2", "Why?"]],
    ["another question", ["e", "s-1", "Why not?"]],
    // The parts are not simply glued together: ("e", "s-1") differs from ("es", "-1").
    ["parts shifted between fields", ["es", "-1", "Why?"]],
  ] as const)("names another chase for %s", (_what, [sub, id, question]) => {
    expect(chaseIdOf(sub, id, question)).not.toBe(chaseIdOf("e", "s-1", "Why?"));
  });
});

describe("raise", () => {
  it("routes to the unit, is due answerDays later, quotes the voice without the customer's pseudonym", () => {
    const chase = raised();
    expect(chase).toMatchObject({
      id: chaseIdOf("e", "s-1", "Why?"),
      signalId: "s-1",
      productLineId: "pl-a",
      businessUnitId: "bu-a",
      status: "OPEN",
      version: 1,
      question: "Why?",
      raisedAt: "2026-10-02T00:00:00.000Z",
      raisedBy: { sub: "e", role: "executive" },
      dueAt: "2026-10-05T00:00:00.000Z",
      answerDays: 3,
      policyVersion: 4,
      audit: [
        { action: "raise", actor: { sub: "e", role: "executive" }, at: raisedAt.toISOString(), text: "Why?" },
      ],
    });
    expect(chase.voice).toEqual({
      signalId: "s-1",
      productLineId: "pl-a",
      channel: "hotline",
      kind: "complaint",
      severity: "critical",
      reasons: ["safety"],
      verbatim: "插头冒烟，电话 138****5678",
      occurredAt: "2026-10-01T10:00:00+08:00",
      locale: "zh-CN",
    });
    expect(JSON.stringify(chase)).not.toMatch(/pseudo-123|order-9|customer/);
  });

  it("quotes a score, and leaves out what the voice does not have", () => {
    const { severity: _s, reasons: _r, verbatim: _v, locale: _l, ...rest } = signal;
    expect(quoteVoice({ ...rest, kind: "csat", score: 1 })).toEqual({
      signalId: "s-1",
      productLineId: "pl-a",
      channel: "hotline",
      kind: "csat",
      score: 1,
      occurredAt: signal.occurredAt,
    });
  });

  it.each([
    ["cco", "ok"],
    ["executive", "ok"],
    ["bu-head (own unit)", 403],
    ["bu-head (other unit)", 403],
    ["ingest", 403],
  ] as const)("by %s: %s", (caller, expected) => {
    expect(outcome(() => raised(callers[caller]))).toBe(expected);
  });
});

describe("answer", () => {
  const ANSWER_MAY: Record<Caller, boolean> = {
    cco: true,
    "bu-head (own unit)": true,
    "bu-head (other unit)": false,
    executive: false,
    ingest: false,
  };
  const now = new Date("2026-10-03T00:00:00.000Z");

  it.each(
    (Object.keys(callers) as Caller[]).flatMap((caller) =>
      (["OPEN", "ANSWERED"] as const).map((state) => [caller, state] as const),
    ),
  )("by %s, on a chase %s", (caller, state) => {
    const chase =
      state === "OPEN" ? raised() : answer(raised(), { answer: "Done", principal: callers.cco, now });
    const expected = !ANSWER_MAY[caller] ? 403 : state === "ANSWERED" ? 409 : "ok";
    expect(outcome(() => answer(chase, { answer: "Fixed", principal: callers[caller], now }))).toBe(expected);
  });

  it("records the answer, its author and role, and audits it", () => {
    const answered = answer(raised(), {
      answer: "  We replaced the batch.  ",
      principal: callers["bu-head (own unit)"],
      version: 1,
      now,
    });
    const by = { sub: "h", role: "bu-head" };
    expect(answered).toMatchObject({
      status: "ANSWERED",
      version: 2,
      answer: { text: "We replaced the batch.", at: now.toISOString(), by },
    });
    expect(answered.audit.map((a) => a.action)).toEqual(["raise", "answer"]);
    expect(answered.audit[1]).toEqual({
      action: "answer",
      actor: by,
      at: now.toISOString(),
      text: "We replaced the batch.",
    });
  });

  it("refuses a stale version with 409, and an absent one never", () => {
    const escalated = escalate(raised(), new Date("2026-10-06T00:00:00.000Z"));
    const stale = () => answer(escalated, { answer: "x", principal: callers.cco, version: 1, now });
    expect(stale).toThrow(ConflictError);
    expect(stale).toThrow(/version 1.*at 2/);
    expect(answer(escalated, { answer: "x", principal: callers.cco, now }).version).toBe(3);
  });

  it("records the role that reaches every unit for someone holding several", () => {
    const both = { sub: "m", roles: ["bu-head", "cco"], businessUnitIds: ["bu-a"] } satisfies Principal;
    expect(actorFor(both, "chases.answer", "bu-a")).toEqual({ sub: "m", role: "cco" });
    expect(actorFor(callers["bu-head (own unit)"], "chases.answer", "bu-a")).toEqual({
      sub: "h",
      role: "bu-head",
    });
  });
});

describe("the answer clock", () => {
  const due = Date.parse("2026-10-05T00:00:00.000Z");

  it.each([
    ["a millisecond before it is due", due - 1, false],
    ["on the instant it is due", due, false],
    ["a millisecond after", due + 1, true],
  ] as const)("an open chase %s is overdue: %s", (_what, at, overdue) => {
    expect(isOverdue(raised(), new Date(at))).toBe(overdue);
    expect(viewChase(raised(), new Date(at)).overdue).toBe(overdue);
  });

  it("an answered chase is never overdue", () => {
    const answered = answer(raised(), { answer: "x", principal: callers.cco, now: raisedAt });
    expect(isOverdue(answered, new Date(due + 30 * 86_400_000))).toBe(false);
  });

  it("escalates an overdue chase once: marked, versioned, audited by the system", () => {
    const at = new Date(due + 3_600_000);
    expect(needsEscalation(raised(), at)).toBe(true);
    const escalated = escalate(raised(), at);
    expect(escalated).toMatchObject({ status: "OPEN", version: 2, escalatedAt: at.toISOString() });
    expect(escalated.audit[1]).toMatchObject({
      action: "escalate",
      actor: { sub: "system:daily-overdue", role: "system" },
      at: at.toISOString(),
    });
    expect(needsEscalation(escalated, new Date(due + 10 * 86_400_000))).toBe(false);
    expect(() => escalate(escalated, new Date(due + 86_400_000))).toThrow(ConflictError);
  });

  it("escalates neither a chase not yet due nor an answered one", () => {
    expect(() => escalate(raised(), new Date(due))).toThrow(ConflictError);
    const answered = answer(raised(), { answer: "x", principal: callers.cco, now: raisedAt });
    expect(() => escalate(answered, new Date(due + 86_400_000))).toThrow(ConflictError);
  });
});
