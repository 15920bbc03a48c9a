/** The Andons as the CLI prints them. */
import { describe, expect, it } from "vitest";
import { renderAndons, statusProblem } from "#infra/cli/andons";
import type { Andon } from "#schemas/andon";

const andon = (overrides: Partial<Andon> = {}): Andon => ({
  id: "an-pl-power-bank-2026-12-02",
  productLineId: "pl-power-bank",
  businessUnitId: "bu-digital",
  day: "2026-12-02",
  criticalCount: 2,
  threshold: 2,
  policyVersion: 2,
  status: "RAISED",
  version: 1,
  raisedAt: "2026-12-02T07:15:00.000Z",
  complaints: [
    {
      signalId: "s-1",
      text: "充电宝充电时冒烟，\u001b[31m差点着火",
      kind: "complaint",
      severity: "critical",
      channel: "hotline",
      occurredAt: "2026-12-02T15:10:00+08:00",
    },
  ],
  audit: [],
  ...overrides,
});

describe("andons", () => {
  it("accepts the three statuses and names the bad one", () => {
    expect(statusProblem(undefined)).toBeUndefined();
    for (const s of ["RAISED", "CONFIRMED", "DISMISSED"]) expect(statusProblem(s)).toBeUndefined();
    expect(statusProblem("raised")).toContain('got "raised"');
  });

  it("lists them as a table, with a raised one's complaints and a decision's reason", () => {
    const text = renderAndons([
      andon(),
      andon({
        id: "an-pl-power-bank-2026-10-18",
        day: "2026-10-18",
        status: "DISMISSED",
        version: 2,
        decidedBy: "cco-zhou-min",
        comment: "Counterfeit units sold by a third party",
      }),
    ]);
    const [head, rule, first, second] = text.split("\n");
    expect(head).toMatch(/^day\s+line\s+unit\s+critical\s+status\s+notice\s+decided by$/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    expect(first).toMatch(/^2026-12-02\s+pl-power-bank\s+bu-digital\s+2\s+RAISED$/);
    expect(second).toMatch(/DISMISSED\s+cco-zhou-min$/);
    expect(text).toContain("充电宝充电时冒烟");
    // An escape sequence in a customer's words never reaches the terminal.
    expect(text).not.toContain("\u001b");
    expect(text).toContain("dismissed: Counterfeit units sold by a third party");
  });

  it("says when there are none", () => {
    expect(renderAndons([])).toBe("No Andons.\n");
  });
});
