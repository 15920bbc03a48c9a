import { describe, expect, it } from "vitest";
import { isNegative } from "#core/negative";
import type { SignalKind } from "#schemas/signal";

describe("isNegative", () => {
  const cases: [SignalKind, number | undefined, boolean][] = [
    ["csat", 1, true],
    ["csat", 2, true],
    ["csat", 3, false],
    ["csat", 4, false],
    ["csat", 5, false],
    ["nps", 0, true],
    ["nps", 3, true],
    ["nps", 6, true],
    ["nps", 7, false],
    ["nps", 8, false],
    ["nps", 9, false],
    ["nps", 10, false],
    ["review", 1, true],
    ["review", 2, true],
    ["review", 3, false],
    ["review", 5, false],
    ["complaint", undefined, true],
    // A scored kind without its score is not counted as negative (validation rejects it earlier).
    ["csat", undefined, false],
    ["nps", undefined, false],
    ["review", undefined, false],
  ];

  it.each(cases)("%s with score %s → negative %s", (kind, score, expected) => {
    // Prepare
    const signal = score === undefined ? { kind } : { kind, score };

    // Act
    const negative = isNegative(signal);

    // Assess
    expect(negative).toBe(expected);
  });

  it("treats a complaint as negative whatever score it carries", () => {
    // Prepare
    const signal = { kind: "complaint" as const, score: 10 };

    // Act
    const negative = isNegative(signal);

    // Assess
    expect(negative).toBe(true);
  });
});
