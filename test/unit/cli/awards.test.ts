/** The awards as the CLI prints them: the cases a real run rarely shows. */
import { describe, expect, it } from "vitest";
import { decideAwards } from "#core/awards";
import { periodProblem, renderAwards } from "#infra/cli/awards";
import type { Awards } from "#schemas/award";

const awardsOf = (
  lines: [string, number, number][],
  cite = (_id: string) => [] as Awards["red"][0]["citation"],
) => {
  const decided = decideAwards(
    lines.map(([id, n, negatives]) => ({
      productLineId: id,
      businessUnitId: "bu-a",
      name: id,
      n,
      negatives,
    })),
    { minSample: 100, priorStrength: 50, count: 3 },
  );
  const withCitation = ({ kind: _k, ...award }: (typeof decided.red)[0]) => ({
    ...award,
    citation: cite(award.productLineId),
  });
  return {
    period: "2026",
    policyVersion: 3,
    finalized: true,
    red: decided.red.map(withCitation),
    rotten: decided.rotten.map(withCitation),
    pooledRate: decided.pooledRate,
    lines: decided.lines,
    eligible: decided.eligible,
    minSample: 100,
    priorStrength: 50,
    count: 3,
    perList: decided.perList,
    ranked: decided.ranked,
    computedAt: "2027-01-01T03:00:00.123Z",
    computedBy: "schedule:yearly-awards",
    finalizedAt: "2027-01-01T03:00:00.123Z",
  } satisfies Awards;
};

describe("renderAwards", () => {
  it("says why there are no awards when at most one line has enough signals", () => {
    expect(renderAwards(awardsOf([["a", 50, 5]]))).toContain(
      "No awards: no line has enough signals in 2026.",
    );
    const one = renderAwards(
      awardsOf([
        ["a", 150, 5],
        ["b", 20, 1],
      ]),
    );
    expect(one).toMatch(/^Awards of 2026 \(FINAL since 2027-01-01 03:00:00 UTC\)\n/);
    expect(one).toContain("No awards: only one line has enough signals in 2026.");
    expect(one).not.toContain("RED STRAWBERRIES");
  });

  it("prints customers' words safely: control characters neutralised, long ones cut", () => {
    const out = renderAwards(
      awardsOf(
        [
          ["a", 200, 5],
          ["b", 200, 50],
        ],
        (id) => [
          {
            signalId: `${id}-1`,
            text: id === "a" ? "好\u001b[2J用" : "差".repeat(500),
            kind: id === "a" ? "review" : "complaint",
            ...(id === "a" ? { score: 5 } : { severity: "critical" as const }),
            channel: "review-site",
            occurredAt: "2026-05-01T08:00:00.000Z",
          },
        ],
      ),
    );
    expect(out).toContain('  "好\uFFFD[2J用" (review-site, review 5, 2026-05-01)');
    expect(out).not.toContain("\u001b");
    expect(out).toContain(`  "${"差".repeat(160)}..." (review-site, complaint, critical, 2026-05-01)`);
    expect(out).toContain("1 per list, not 3: only 2 eligible lines, and no line is both Red and Rotten.");
  });
});

describe("periodProblem", () => {
  it.each([
    ["2026", undefined],
    ["2026-Q4", undefined],
    ["", "awards needs the period"],
    ["2026-07", "--period must be a year such as 2026 or a quarter such as 2026-Q3"],
  ])("%j → %s", (value, problem) => {
    if (problem === undefined) expect(periodProblem(value)).toBeUndefined();
    else expect(periodProblem(value)).toContain(problem);
  });
});
