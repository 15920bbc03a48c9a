/** "Why flagged?" in plain words, in both languages, from the review's own figures. */
import { describe, expect, it } from "vitest";
import type { Review, ReviewLine } from "#schemas/review";
import { explainBar, explainLine, reviewGroups } from "#web/review-explain";

const bar: Review["bar"] = { value: 0.2, absolute: 0.2, relative: 0.165, pooledRate: 0.11, from: "absolute" };
const rules = { confidence: 0.95, minSample: 30, criticalComplaints: 3 };
const line = (over: Partial<ReviewLine>): ReviewLine => ({
  productLineId: "pl-a",
  businessUnitId: "bu",
  category: "c",
  n: 400,
  negatives: 160,
  negativeRate: 0.4,
  wilson: { lo: 0.353, hi: 0.449 },
  criticalComplaints: 0,
  flagged: true,
  flaggedBy: ["rate"],
  atRisk: false,
  reasons: [],
  repeat: false,
  ...over,
});

describe("explainLine", () => {
  it("says a flag on rate with the figures, in English and Chinese", () => {
    expect(explainLine("en", line({}), bar, rules).join(" ")).toBe(
      "400 signals, 160 of them negative (40%). We are 95% sure the negative rate is above 35.3%, over the bar of 20%.",
    );
    expect(explainLine("zh-CN", line({}), bar, rules).join("")).toBe(
      "共 400 条信号，其中负面 160 条（40%）。我们有 95% 的把握认为负面率高于 35.3%，超过了 20% 的红线。",
    );
  });

  it("says a flag on critical complaints whatever the rate", () => {
    const words = explainLine(
      "en",
      line({ flaggedBy: ["critical-complaints"], criticalComplaints: 4, wilson: { lo: 0.01, hi: 0.1 } }),
      bar,
      rules,
    );
    expect(words[1]).toBe(
      "4 critical complaints this quarter reach the limit of 3, which flags a line whatever its rate.",
    );
    expect(words).toHaveLength(2);
  });

  it("says why a line is at risk and how many more negatives would flag it", () => {
    const words = explainLine(
      "en",
      line({
        flagged: false,
        flaggedBy: [],
        atRisk: true,
        negativesToFlag: 12,
        wilson: { lo: 0.18, hi: 0.3 },
      }),
      bar,
      rules,
    );
    expect(words[1]).toContain("above the bar of 20%, but the interval reaches down to 18%");
    expect(words[2]).toBe("12 more negatives at this sample size would flag it.");
  });

  it("says a small sample never flags on rate, and a clear line's interval", () => {
    const small = line({ n: 10, negatives: 8, negativeRate: 0.8, flagged: false, flaggedBy: [] });
    expect(explainLine("en", small, bar, rules)[1]).toBe(
      "With fewer than 30 signals, the rate alone never flags a line.",
    );
    const clear = line({
      negatives: 20,
      negativeRate: 0.05,
      wilson: { lo: 0.03, hi: 0.08 },
      flagged: false,
      flaggedBy: [],
    });
    expect(explainLine("zh-CN", clear, bar, rules)[1]).toBe("区间 3%–8% 并未整体高于 20% 的红线：未被标记。");
  });
});

describe("explainBar", () => {
  it("names where the bar comes from and reads the multiplier back from the bar", () => {
    const relative = { value: 0.3, absolute: 0.2, relative: 0.3, pooledRate: 0.2, from: "relative" as const };
    expect(explainBar("en", relative, 3)).toBe(
      "Bar 30% = max(20%, 1.5 × pooled rate 20%): this quarter the pooled rate sets it. Policy v3.",
    );
    expect(explainBar("zh-CN", bar, 1)).toContain("本季度由绝对下限决定");
  });
});

describe("reviewGroups", () => {
  it("lists flagged, at-risk and repeat lines apart", () => {
    const review = {
      lines: [
        line({ productLineId: "a", repeat: true }),
        line({ productLineId: "b", flagged: false, atRisk: true }),
        line({ productLineId: "c", flagged: false }),
      ],
    } as Review;
    const groups = reviewGroups(review);
    expect(groups.flagged.map((l) => l.productLineId)).toEqual(["a"]);
    expect(groups.atRisk.map((l) => l.productLineId)).toEqual(["b"]);
    expect(groups.repeat.map((l) => l.productLineId)).toEqual(["a"]);
  });
});
