/** The quarterly review on engineered lines: flags, at-risk lines, reasons, repeats, the what-if. */
import { describe, expect, it } from "vitest";
import { applyPolicyPatch } from "#core/policy-patch";
import { flagChanges, quarterIndex, reviewNoticeId, reviewQuarter } from "#core/review";
import { DEFAULT_POLICY } from "#schemas/policy";

const line = (productLineId: string, n: number, neg: number, extra: Record<string, number> = {}) => ({
  productLineId,
  businessUnitId: "bu-a",
  category: "kitchen",
  counts: n > 0 ? { n, neg, ...extra } : {},
});

// Nine ordinary lines at 8 % keep the pooled rate low, so the absolute 20 % bar holds.
const ordinary = Array.from({ length: 9 }, (_, i) => line(`pl-ok-${i}`, 500, 40));
const lines = [
  ...ordinary,
  line("pl-bad", 400, 160, { r_quality: 100, r_logistics: 120, r_price: 100 }),
  line("pl-small-bad", 20, 15),
  line("pl-27", 100, 27),
  line("pl-critical", 500, 25, { cCritical: 3, r_safety: 3 }),
  line("pl-silent", 0, 0),
];
const none = new Map<string, { noticeId: string; quarter: string }>();

describe("reviewQuarter", () => {
  const review = reviewQuarter("2026-Q3", DEFAULT_POLICY, lines, none);
  const byId = new Map(review.lines.map((l) => [l.productLineId, l]));

  it("reviews every line with signals, and only those", () => {
    expect(review.lines).toHaveLength(13);
    expect(byId.has("pl-silent")).toBe(false);
  });

  it("flags a large clearly bad line, never a small one, and a line with 3 critical complaints", () => {
    expect(byId.get("pl-bad")).toMatchObject({ flagged: true, flaggedBy: ["rate"], atRisk: false });
    expect(byId.get("pl-small-bad")).toMatchObject({ flagged: false, atRisk: false });
    expect(byId.get("pl-critical")).toMatchObject({ flagged: true, flaggedBy: ["critical-complaints"] });
  });

  it("marks a 27 % line whose lower bound is under the bar at risk, with what it would take", () => {
    const at27 = byId.get("pl-27");
    expect(at27).toMatchObject({ flagged: false, atRisk: true });
    expect(at27?.negativesToFlag).toBeGreaterThan(0);
  });

  it("gives reasons most frequent first and orders lines flagged, at risk, then by rate", () => {
    expect(byId.get("pl-bad")?.reasons).toEqual([
      { reason: "logistics", count: 120 },
      { reason: "quality", count: 100 },
      { reason: "price", count: 100 },
    ]);
    expect(review.lines.slice(0, 3).map((l) => l.productLineId)).toEqual(["pl-bad", "pl-critical", "pl-27"]);
  });

  it("is the same for the same input", () => {
    expect(reviewQuarter("2026-Q3", DEFAULT_POLICY, lines, none)).toEqual(review);
  });

  it("records the policy version and the bar it used", () => {
    expect(review).toMatchObject({
      quarter: "2026-Q3",
      policyVersion: 1,
      bar: { value: 0.2, from: "absolute" },
    });
  });
});

describe("repeats", () => {
  it.each([
    ["relisted the quarter before", "2026-Q2", true],
    ["relisted four quarters before", "2025-Q3", true],
    ["relisted five quarters before", "2025-Q2", false],
    ["relisted in the same quarter", "2026-Q3", true],
  ])("a line flagged again, %s, is a repeat: %s", (_what, relistQuarter, repeat) => {
    const relisted = new Map([["pl-bad", { noticeId: "n-old", quarter: relistQuarter }]]);
    const bad = reviewQuarter("2026-Q3", DEFAULT_POLICY, lines, relisted).lines.find(
      (l) => l.productLineId === "pl-bad",
    );
    expect(bad?.repeat).toBe(repeat);
    expect(bad?.repeatOf).toBe(repeat ? "n-old" : undefined);
  });

  it("does not mark a relisted line that is not flagged", () => {
    const relisted = new Map([["pl-ok-0", { noticeId: "n-old", quarter: "2026-Q2" }]]);
    const ok = reviewQuarter("2026-Q3", DEFAULT_POLICY, lines, relisted).lines.find(
      (l) => l.productLineId === "pl-ok-0",
    );
    expect(ok?.repeat).toBe(false);
  });
});

describe("the what-if", () => {
  it("lists the lines that would flip under a proposed bar", () => {
    const current = reviewQuarter("2026-Q3", DEFAULT_POLICY, lines, none);
    const lower = applyPolicyPatch(DEFAULT_POLICY, { review: { absoluteThreshold: 0.15 } });
    const proposed = reviewQuarter("2026-Q3", lower, lines, none);
    expect(flagChanges(current, proposed)).toEqual([
      { productLineId: "pl-27", wasFlagged: false, wouldFlag: true },
    ]);
    expect(lower.review).toMatchObject({ absoluteThreshold: 0.15, confidence: 0.95, minSample: 30 });
  });
});

describe("ids and quarters", () => {
  it("numbers quarters in order and gives one notice id per line and quarter", () => {
    expect(quarterIndex("2027-Q1") - quarterIndex("2026-Q4")).toBe(1);
    expect(reviewNoticeId("2026-Q3", "pl-bad")).toBe("n-2026-Q3-pl-bad");
  });
});
