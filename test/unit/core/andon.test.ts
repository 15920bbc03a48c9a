/**
 * The Andon rules: one id per line and day, the line-days a batch may raise (critical complaints
 * only, days in the policy zone), the threshold, the quote without the
 * customer, RAISED → CONFIRMED | DISMISSED once (a table of roles), the reason a dismissal needs,
 * the notice a confirmation issues and the flag it records on an open notice instead.
 */
import { describe, expect, it } from "vitest";
import {
  andonCandidates,
  andonIdOf,
  andonNotice,
  andonNoticeIdOf,
  decide,
  mergeComplaints,
  type NoticeRecord,
  quoteComplaint,
  raiseAndon,
  reachesThreshold,
  recordAndonOnNotice,
} from "#core/andon";
import type { Principal } from "#core/authorize";
import { ConflictError, ForbiddenError, ValidationError } from "#core/errors";
import { dayOf } from "#core/period";
import type { Andon } from "#schemas/andon";
import type { Verbatim } from "#schemas/notice";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { StoredSignal } from "#schemas/signal";

const callers = {
  cco: { sub: "c", roles: ["cco"], businessUnitIds: [] },
  executive: { sub: "e", roles: ["executive"], businessUnitIds: [] },
  "bu-head (own unit)": { sub: "h", roles: ["bu-head"], businessUnitIds: ["bu-a"] },
  "bu-head (other unit)": { sub: "o", roles: ["bu-head"], businessUnitIds: ["bu-b"] },
  ingest: { sub: "i", roles: ["ingest"], businessUnitIds: [] },
} satisfies Record<string, Principal>;

const TZ = "Asia/Shanghai";
const critical = (signalId: string, occurredAt: string, extra: Partial<StoredSignal> = {}): StoredSignal => ({
  signalId,
  productLineId: "pl-a",
  channel: "hotline",
  kind: "complaint",
  severity: "critical",
  reasons: ["safety"],
  verbatim: `插头冒烟 ${signalId}，电话 [PHONE]`,
  customerPseudonym: "pseudo-123",
  orderRef: "order-9",
  occurredAt,
  day: dayOf(occurredAt, TZ),
  negative: true,
  receivedAt: "2026-10-02T00:00:00.000Z",
  ...extra,
});
const now = new Date("2026-10-02T04:00:00.000Z"); // noon in Shanghai

const raised = (): Andon =>
  raiseAndon({
    productLineId: "pl-a",
    day: "2026-10-01",
    businessUnitId: "bu-a",
    criticalCount: 3,
    complaints: [
      critical("s-1", "2026-10-01T10:00:00+08:00"),
      critical("s-2", "2026-10-01T11:00:00+08:00"),
    ].map((s) => quoteComplaint(s) as Verbatim),
    policy: DEFAULT_POLICY,
    now,
  });

describe("which line-days a batch may raise", () => {
  it("takes each line-day of a critical complaint once, by its day in the policy zone", () => {
    // 23:59 and 00:01 in Shanghai are two days, though 2 minutes apart.
    const late = critical("s-1", "2026-09-30T23:59:00+08:00");
    const early = critical("s-2", "2026-10-01T00:01:00+08:00");
    const again = critical("s-3", "2026-10-01T09:00:00+08:00");
    const other = critical("s-4", "2026-10-01T09:00:00+08:00", { productLineId: "pl-b" });
    expect([late.day, early.day]).toEqual(["2026-09-30", "2026-10-01"]);
    expect(andonCandidates([late, early, again, other])).toEqual([
      { productLineId: "pl-a", day: "2026-09-30" },
      { productLineId: "pl-a", day: "2026-10-01" },
      { productLineId: "pl-b", day: "2026-10-01" },
    ]);
  });

  it("leaves out everything but critical complaints: a batch without them reads nothing", () => {
    const batch = [
      critical("s-1", "2026-10-01T09:00:00+08:00", { severity: "major" }),
      critical("s-2", "2026-10-01T09:00:00+08:00", { severity: "minor" }),
      critical("s-3", "2026-10-01T09:00:00+08:00", { kind: "csat", score: 1, severity: undefined }),
    ];
    expect(andonCandidates(batch)).toEqual([]);
  });

  it("raises at the policy's criticalPerDay, not below", () => {
    expect(reachesThreshold(1, DEFAULT_POLICY)).toBe(false);
    expect(reachesThreshold(2, DEFAULT_POLICY)).toBe(true);
    expect(reachesThreshold(4, { andon: { criticalPerDay: 5, spikeDays: 7 } })).toBe(false);
  });
});

describe("the Andon raised", () => {
  it("has one id per line and day, and its notice an id no review notice has", () => {
    expect(andonIdOf("pl-a", "2026-10-01")).toBe("an-pl-a-2026-10-01");
    expect(andonNoticeIdOf("an-pl-a-2026-10-01")).toBe("n-an-pl-a-2026-10-01");
  });

  it("quotes critical complaints with words as stored, never the customer or the order", () => {
    const quoted = quoteComplaint(critical("s-1", "2026-10-01T10:00:00+08:00"));
    expect(quoted).toEqual({
      signalId: "s-1",
      text: "插头冒烟 s-1，电话 [PHONE]",
      kind: "complaint",
      severity: "critical",
      channel: "hotline",
      occurredAt: "2026-10-01T10:00:00+08:00",
    });
    expect(
      quoteComplaint(critical("s-2", "2026-10-01T10:00:00+08:00", { verbatim: undefined })),
    ).toBeUndefined();
    expect(
      quoteComplaint(critical("s-3", "2026-10-01T10:00:00+08:00", { severity: "major" })),
    ).toBeUndefined();
  });

  it("merges complaints from the index and the batch: each once, most recent first, at most 10", () => {
    const quote = (id: string, minute: number) =>
      quoteComplaint(critical(id, `2026-10-01T10:${String(minute).padStart(2, "0")}:00+08:00`)) as Verbatim;
    const indexed = Array.from({ length: 8 }, (_, i) => quote(`i-${i}`, i));
    const batch = [quote("i-7", 7), quote("b-1", 30), quote("b-2", 31), quote("b-3", 32)];
    const merged = mergeComplaints([indexed, batch]);
    expect(merged.map((v) => v.signalId)).toEqual([
      "b-3",
      "b-2",
      "b-1",
      "i-7",
      "i-6",
      "i-5",
      "i-4",
      "i-3",
      "i-2",
      "i-1",
    ]);
  });

  it("is RAISED at version 1 with the count, the bar it reached and its policy, audited", () => {
    const andon = raised();
    expect(andon).toMatchObject({
      id: "an-pl-a-2026-10-01",
      productLineId: "pl-a",
      businessUnitId: "bu-a",
      day: "2026-10-01",
      criticalCount: 3,
      threshold: 2,
      policyVersion: 1,
      status: "RAISED",
      version: 1,
      raisedAt: now.toISOString(),
    });
    expect(andon.complaints.map((c) => c.signalId)).toEqual(["s-2", "s-1"]);
    expect(JSON.stringify(andon)).not.toContain("pseudo-123");
    expect(andon.audit).toEqual([
      expect.objectContaining({
        action: "raise",
        actor: "system:ingest",
        to: "RAISED",
        at: now.toISOString(),
      }),
    ]);
  });
});

describe("deciding", () => {
  const at = new Date("2026-10-02T06:00:00.000Z");
  const outcome = (caller: keyof typeof callers, action: "confirm" | "dismiss") => {
    try {
      decide(raised(), { action, comment: "Because", version: 1, principal: callers[caller], now: at });
      return "ok";
    } catch (error) {
      if (error instanceof ForbiddenError) return 403;
      throw error;
    }
  };

  it.each([
    ["cco", "ok"],
    ["executive", 403],
    ["bu-head (own unit)", 403],
    ["bu-head (other unit)", 403],
    ["ingest", 403],
  ] as const)("lets %s decide: %s", (caller, expected) => {
    expect(outcome(caller, "confirm")).toBe(expected);
    expect(outcome(caller, "dismiss")).toBe(expected);
  });

  it("confirms once: the status, the version, who, when and why, audited", () => {
    const confirmed = decide(raised(), {
      action: "confirm",
      comment: "  Stop it  ",
      version: 1,
      principal: callers.cco,
      now: at,
    });
    expect(confirmed).toMatchObject({
      status: "CONFIRMED",
      version: 2,
      decidedAt: at.toISOString(),
      decidedBy: "c",
      comment: "Stop it",
    });
    expect(confirmed.audit.at(-1)).toEqual({
      at: at.toISOString(),
      actor: "c",
      action: "confirm",
      from: "RAISED",
      to: "CONFIRMED",
      comment: "Stop it",
    });
    expect(() =>
      decide(confirmed, { action: "dismiss", comment: "No", version: 2, principal: callers.cco, now: at }),
    ).toThrow(ConflictError);
    expect(() =>
      decide(confirmed, { action: "confirm", version: 2, principal: callers.cco, now: at }),
    ).toThrow(/already confirmed by c/);
  });

  it("confirms without a comment, but dismisses only with a reason (naming comment)", () => {
    const confirmed = decide(raised(), { action: "confirm", version: 1, principal: callers.cco, now: at });
    expect(confirmed.comment).toBeUndefined();
    for (const comment of [undefined, "", "   "]) {
      try {
        decide(raised(), { action: "dismiss", comment, version: 1, principal: callers.cco, now: at });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).details?.map((d) => d.path)).toEqual(["comment"]);
      }
    }
    const dismissed = decide(raised(), {
      action: "dismiss",
      comment: "Test data",
      version: 1,
      principal: callers.cco,
      now: at,
    });
    expect(dismissed).toMatchObject({ status: "DISMISSED", version: 2, comment: "Test data" });
  });

  it("refuses a version the Andon is no longer at", () => {
    expect(() =>
      decide(raised(), { action: "confirm", version: 2, principal: callers.cco, now: at }),
    ).toThrow(/you saw version 2, it is at 1/);
  });
});

describe("the notice a confirmation issues", () => {
  const at = new Date("2026-10-02T06:00:00.000Z");
  const bar = { value: 0.2, absolute: 0.2, relative: 0.15, pooledRate: 0.1, from: "absolute" as const };
  const confirmed = () =>
    decide(raised(), { action: "confirm", comment: "Stop it", version: 1, principal: callers.cco, now: at });

  it("has the normal lifecycle, outside the review: the quarter of the day, the day's figures, the complaints", () => {
    const notice = andonNotice(confirmed(), {
      policy: DEFAULT_POLICY,
      dayCounts: { n: 10, neg: 6, cCritical: 4, r_safety: 5, r_quality: 2 },
      bar,
      actor: "c",
      comment: "Stop it",
      now: at,
    });
    expect(notice).toMatchObject({
      id: "n-an-pl-a-2026-10-01",
      productLineId: "pl-a",
      businessUnitId: "bu-a",
      quarter: "2026-Q4",
      source: "andon",
      status: "ISSUED",
      version: 1,
      issuedAt: at.toISOString(),
      dueAt: new Date(at.getTime() + 30 * 86_400_000).toISOString(),
      appealUntil: new Date(at.getTime() + 7 * 86_400_000).toISOString(),
      policyVersion: 1,
      flags: [],
    });
    expect(notice.evidence).toMatchObject({
      quarter: "2026-Q4",
      day: "2026-10-01",
      n: 10,
      negatives: 6,
      negativeRate: 0.6,
      bar,
      flaggedBy: ["critical-complaints"],
      // The day's count now, when more came after the Andon was raised.
      criticalComplaints: 4,
      topReasons: [
        { reason: "safety", count: 5 },
        { reason: "quality", count: 2 },
      ],
    });
    expect(notice.evidence.wilson?.lo).toBeLessThan(0.6);
    expect(notice.evidence.verbatims.map((v) => v.signalId)).toEqual(["s-2", "s-1"]);
    expect(notice.audit).toEqual([
      {
        at: at.toISOString(),
        actor: "c",
        action: "issue",
        to: "ISSUED",
        comment: "Andon an-pl-a-2026-10-01: 3 critical complaints on 2026-10-01, confirmed: Stop it",
      },
    ]);
  });

  it("takes the quarter containing the day, whenever it is confirmed", () => {
    const andon = { ...confirmed(), day: "2026-09-30", id: "an-pl-a-2026-09-30" };
    const notice = andonNotice(andon, { policy: DEFAULT_POLICY, dayCounts: {}, bar, actor: "c", now: at });
    expect(notice).toMatchObject({
      quarter: "2026-Q3",
      evidence: { quarter: "2026-Q3", n: 0, negativeRate: null, wilson: null },
    });
  });

  it("is recorded on the line's open notice instead, once per Andon", () => {
    const open = andonNotice(confirmed(), {
      policy: DEFAULT_POLICY,
      dayCounts: {},
      bar,
      actor: "c",
      now: at,
    });
    const later = { ...confirmed(), id: "an-pl-a-2026-10-02", day: "2026-10-02" };
    const flagged = recordAndonOnNotice(open as NoticeRecord, later, {
      policyVersion: 3,
      actor: "c",
      now: at,
    });
    expect(flagged).toMatchObject({ id: open.id, status: "ISSUED", version: 2 });
    expect(flagged.flags).toEqual([
      { quarter: "2026-Q4", policyVersion: 3, at: at.toISOString(), andonId: "an-pl-a-2026-10-02" },
    ]);
    expect(flagged.audit.at(-1)).toMatchObject({ action: "flag", actor: "c", from: "ISSUED", to: "ISSUED" });
    expect(recordAndonOnNotice(flagged, later, { policyVersion: 3, actor: "c", now: at })).toBe(flagged);
  });
});
