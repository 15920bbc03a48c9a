/** The fix effect: Newcombe's interval for the difference, and the label it earns. */
import { describe, expect, it } from "vitest";
import { fixEffect, newcombeDifference, windowFigures } from "#core/fix-effect";

describe("newcombeDifference", () => {
  it("matches Newcombe's own example (56/70 − 48/80: 0.2000, 95 % interval 0.0524 to 0.3339)", () => {
    const d = newcombeDifference({ negatives: 48, n: 80 }, { negatives: 56, n: 70 });
    expect(d.value).toBeCloseTo(0.2, 10);
    expect(d.lo).toBeCloseTo(0.0524, 4);
    expect(d.hi).toBeCloseTo(0.3339, 4);
  });

  it("is symmetric: swapping the windows negates the interval", () => {
    const a = newcombeDifference({ negatives: 10, n: 90 }, { negatives: 30, n: 120 });
    const b = newcombeDifference({ negatives: 30, n: 120 }, { negatives: 10, n: 90 });
    expect([b.value, b.lo, b.hi]).toEqual([-a.value, -a.hi, -a.lo].map((x) => expect.closeTo(x, 12)));
  });
});

describe("fixEffect", () => {
  const before = windowFigures("2026-09-03", "2026-09-30", 400, 100); // 25 %
  it.each([
    ["a clear drop", 400, 20, "improved"],
    ["about the same", 400, 96, "no-change"],
    ["a clear rise", 400, 200, "worse"],
    ["too few signals since the fix (20 < 30)", 20, 0, "too-early"],
    ["no signals since the fix", 0, 0, "too-early"],
  ] as const)("labels %s %s", (_what, n, negatives, label) => {
    const effect = fixEffect(before, windowFigures("2026-10-10", "2026-11-28", n, negatives), 30);
    expect(effect.label).toBe(label);
    if (n > 0) expect(effect.difference?.value).toBeCloseTo(negatives / n - 0.25, 12);
    else expect(effect.difference).toBeNull();
  });

  it("cannot judge without a baseline", () => {
    const none = windowFigures("2026-09-03", "2026-09-30", 0, 0);
    expect(fixEffect(none, windowFigures("2026-10-10", "2026-11-28", 400, 10), 30).label).toBe("too-early");
  });
});
