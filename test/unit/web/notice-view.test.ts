/** What the notice pages offer and check: legal and allowed actions, whose turn, the inbox query, fix plans. */
import { describe, expect, it } from "vitest";
import { effectScale, emptyDraft, inboxQuery, nextStep, offeredActions, planOf } from "#web/notice-view";

const later = "2099-01-01T00:00:00Z";
const earlier = "2000-01-01T00:00:00Z";
const all = () => true;

describe("offeredActions", () => {
  it("offers the unit's steps on an issued notice, the appeal only inside its window", () => {
    expect(offeredActions({ status: "ISSUED", appealUntil: later }, all)).toEqual(["acknowledge", "appeal"]);
    expect(offeredActions({ status: "ISSUED", appealUntil: earlier }, all)).toEqual(["acknowledge"]);
  });

  it("offers only what the lifecycle allows from each status, its next step first", () => {
    expect(offeredActions({ status: "ACKNOWLEDGED", appealUntil: later }, all)).toEqual([
      "submit-fix",
      "appeal",
    ]);
    expect(offeredActions({ status: "FIX_SUBMITTED", appealUntil: later }, all)).toEqual([
      "relist",
      "reject-fix",
    ]);
    expect(offeredActions({ status: "APPEALED", appealUntil: later }, all)).toEqual([
      "reject-appeal",
      "uphold-appeal",
    ]);
    expect(offeredActions({ status: "RELISTED", appealUntil: later }, all)).toEqual([]);
    expect(offeredActions({ status: "WITHDRAWN", appealUntil: later }, all)).toEqual([]);
  });

  it("offers nothing the user may not take", () => {
    const headOnly = (a: string) => ["acknowledge", "appeal", "submit-fix"].includes(a);
    expect(offeredActions({ status: "FIX_SUBMITTED", appealUntil: later }, headOnly)).toEqual([]);
    expect(offeredActions({ status: "ISSUED", appealUntil: later }, () => false)).toEqual([]);
  });
});

describe("nextStep", () => {
  it("is the unit head's on an issued or acknowledged notice, the CCO team's on an appeal or a fix", () => {
    expect(nextStep("ISSUED", "bu-head", all)).toEqual({ mine: true, step: "ISSUED" });
    expect(nextStep("ISSUED", "cco", all)).toEqual({ mine: false, step: "ISSUED" });
    expect(nextStep("FIX_SUBMITTED", "cco", all)).toEqual({ mine: true, step: "FIX_SUBMITTED" });
    expect(nextStep("APPEALED", "bu-head", all)).toEqual({ mine: false, step: "APPEALED" });
    expect(nextStep("ACKNOWLEDGED", "bu-head", () => false)).toEqual({ mine: false, step: "ACKNOWLEDGED" });
    expect(nextStep("ACKNOWLEDGED", "executive", all)).toEqual({ mine: false, step: "ACKNOWLEDGED" });
  });

  it("is nobody's once the notice is closed", () => {
    expect(nextStep("RELISTED", "cco", all)).toBeNull();
    expect(nextStep("WITHDRAWN", "bu-head", all)).toBeNull();
  });
});

describe("inboxQuery", () => {
  it("asks for the status and overdue filters, a page and the cursor", () => {
    expect(inboxQuery({ status: "all", overdueOnly: false })).toBe("/v1/notices?limit=50");
    expect(inboxQuery({ status: "FIX_SUBMITTED", overdueOnly: true }, "abc+/=", 20)).toBe(
      "/v1/notices?status=FIX_SUBMITTED&overdue=true&limit=20&cursor=abc%2B%2F%3D",
    );
  });
});

describe("planOf", () => {
  it("needs a root cause and at least one complete action", () => {
    expect(planOf(emptyDraft())).toEqual({ problem: "rootCause" });
    expect(planOf({ ...emptyDraft(), rootCause: "Seal" })).toEqual({ problem: "noAction" });
    expect(
      planOf({
        rootCause: "Seal",
        actions: [
          { description: "New seal", owner: "Li", dueDate: "2026-12-31" },
          { description: "Retrain", owner: "", dueDate: "2026-12-31" },
        ],
      }),
    ).toEqual({ problem: "incompleteAction", row: 2 });
  });

  it("trims the text and drops rows left blank", () => {
    expect(
      planOf({
        rootCause: "  Seal fails  ",
        actions: [
          { description: " New seal ", owner: "Li", dueDate: "2026-12-31" },
          { description: "", owner: "", dueDate: "" },
        ],
      }),
    ).toEqual({
      plan: {
        rootCause: "Seal fails",
        actions: [{ description: "New seal", owner: "Li", dueDate: "2026-12-31" }],
      },
    });
  });

  it("refuses more than 20 actions", () => {
    const row = { description: "x", owner: "y", dueDate: "2026-12-31" };
    expect(planOf({ rootCause: "r", actions: Array.from({ length: 21 }, () => row) })).toEqual({
      problem: "tooManyActions",
    });
  });
});

describe("effectScale", () => {
  it("ends a little above the highest upper bound, by tenths, within 10–100 %", () => {
    expect(effectScale([0.05, 0.08])).toBe(0.1);
    expect(effectScale([0.62, null])).toBe(0.7);
    expect(effectScale([0.99])).toBe(1);
    expect(effectScale([undefined, null])).toBe(0.1);
  });
});
