/** "Why flagged / at risk / this rank?" in plain words from the line's own figures, in both languages. */
import { describe, expect, it } from "vitest";
import type { RankedLine } from "#schemas/ranking";
import { whyQuestion, whySentences } from "#web/rankings-why";

const context = {
  envelope: { bar: 0.2, pooledRate: 0.11, total: 10_000, period: "2026-Q3" },
  review: { confidence: 0.95, minSample: 30 },
  priorStrength: 50,
};
const base: RankedLine = {
  rank: 9_990,
  productLineId: "pl-air",
  name: "Air purifier",
  nameZh: "空气净化器",
  businessUnitId: "bu-home",
  category: "air",
  n: 400,
  negatives: 160,
  negativeRate: 0.4,
  wilson: { lo: 0.353, hi: 0.449 },
  shrunkRate: 0.38,
  pulled: false,
  atRisk: false,
  andon: false,
};

describe("why", () => {
  it("explains a flagged line from its figures in English", () => {
    expect(whyQuestion(base, context)).toBe("rankingsWhyFlagged");
    const [figures, verdict, rank] = whySentences("en", base, context);
    expect(figures).toBe("400 signals, 160 negative (40%).");
    expect(verdict).toBe("We are 95% sure the negative rate is above 35.3%, over the bar of 20%.");
    expect(rank).toContain("Rank 9,990 of 10,000");
    expect(rank).toContain("38%");
    expect(rank).toContain("11%");
    expect(rank).toContain("50 more signals");
  });

  it("explains it in Chinese, written as Chinese", () => {
    const [figures, verdict, rank] = whySentences("zh-CN", base, context);
    expect(figures).toBe("共 400 条信号,其中负面 160 条(40%)。");
    expect(verdict).toBe("我们有 95% 的把握认为负面率高于 35.3%,超过了 20% 的红线。");
    expect(rank).toContain("第 9,990 名");
  });

  it("tells at risk, under the bar, straddling, too small and no signals apart", () => {
    const risk = { ...base, negativeRate: 0.22, wilson: { lo: 0.17, hi: 0.27 }, atRisk: true };
    expect(whyQuestion(risk, context)).toBe("rankingsWhyAtRisk");
    expect(whySentences("en", risk, context)[1]).toBe(
      "Its rate is over the bar of 20%, but we can only be 95% sure it is above 17%: not flagged yet, one to watch.",
    );
    const good = { ...base, negatives: 8, negativeRate: 0.02, wilson: { lo: 0.01, hi: 0.039 } };
    expect(whyQuestion(good, context)).toBe("rankingsWhyRank");
    expect(whySentences("en", good, context)[1]).toBe(
      "We are 95% sure the negative rate is below 3.9%, under the bar of 20%.",
    );
    const straddles = { ...base, negativeRate: 0.18, wilson: { lo: 0.15, hi: 0.22 } };
    expect(whySentences("en", straddles, context)[1]).toContain("includes the bar of 20%");
    const small = { ...base, n: 10, negatives: 8, negativeRate: 0.8, wilson: { lo: 0.49, hi: 0.94 } };
    expect(whyQuestion(small, context)).toBe("rankingsWhyRank");
    expect(whySentences("en", small, context)[1]).toContain("Only 10 signals, fewer than the 30 needed");
    const none = { ...base, n: 0, negatives: 0, negativeRate: null, wilson: null };
    expect(whySentences("zh-CN", none, context)[0]).toBe("2026-Q3 还没有这条产品线的信号,暂时无从判断。");
  });

  it("says when a line is pulled or has an Andon raised", () => {
    const sentences = whySentences("en", { ...base, pulled: true, andon: true }, context);
    expect(sentences).toContain("It is pulled for fix: its notice stays open until the line is relisted.");
    expect(sentences.some((s) => s.startsWith("Andon raised"))).toBe(true);
    expect(whyQuestion({ ...base, pulled: true, wilson: { lo: 0.1, hi: 0.3 } }, context)).toBe(
      "rankingsWhyFlagged",
    );
  });
});
