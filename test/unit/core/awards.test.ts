/**
 * The awards rule on plain inputs: eligibility, the shrunk order against the raw order, ties in both
 * lists, the never-both rule with few eligible lines, and what the schedules run when.
 */
import { describe, expect, it } from "vitest";
import { ordinal, signedPoints } from "#core/award-explanation";
import { type AwardCandidate, awardsPerList, decideAwards, scheduledAwardRuns } from "#core/awards";

const line = (productLineId: string, n: number, negatives: number): AwardCandidate => ({
  productLineId,
  businessUnitId: `bu-${productLineId}`,
  name: productLineId,
  n,
  negatives,
});
const ids = (awards: readonly { productLineId: string }[]) => awards.map((a) => a.productLineId);
const settings = (count: number, priorStrength = 50, minSample = 100) => ({
  minSample,
  priorStrength,
  count,
});

// Engineered so that the shrunk order differs from the raw one at both ends: mid-good has the lowest
// raw rate of the eligible lines and mid-bad the highest, but their samples are small enough that
// shrinkage towards the pooled rate moves them past the large lines. The tiny lines are not eligible.
const FIELD = [
  line("big-good", 2_000, 40), // 2.0 %
  line("mid-good", 150, 2), // 1.3 %
  line("tiny-perfect", 20, 0), // 0 %, too small
  line("tiny-terrible", 20, 18), // 90 %, too small
  line("big-bad", 2_000, 600), // 30.0 %
  line("mid-bad", 120, 40), // 33.3 %
  ...["ok-1", "ok-2", "ok-3", "ok-4"].map((id) => line(id, 1_000, 100)), // 10.0 %
  line("silent", 0, 0),
];
// 1,100 negatives in 8,310 signals: every line with signals counts, eligible or not.
const POOLED = 1_100 / 8_310;

describe("decideAwards", () => {
  it("ranks only eligible lines, with the pooled rate of every line with signals", () => {
    const awards = decideAwards(FIELD, settings(3));
    expect(awards.pooledRate).toBeCloseTo(POOLED, 15);
    expect(awards.lines).toBe(10);
    expect(awards.eligible).toBe(8);
    expect(ids(awards.ranked)).not.toContain("tiny-perfect");
    expect(ids(awards.ranked)).not.toContain("tiny-terrible");
    expect(ids(awards.ranked)).not.toContain("silent");
    const bigGood = awards.ranked[0];
    expect(bigGood).toEqual({
      rank: 1,
      productLineId: "big-good",
      businessUnitId: "bu-big-good",
      n: 2_000,
      negatives: 40,
      negativeRate: 0.02,
      shrunkRate: (40 + 50 * POOLED) / 2_050,
    });
  });

  it("gives Red to the large good line and Rotten to the large bad one, which only shrinkage tells apart", () => {
    const awards = decideAwards(FIELD, settings(1));
    const eligible = FIELD.filter((l) => l.n >= 100);
    const rawBest = [...eligible].sort((a, b) => a.negatives / a.n - b.negatives / b.n)[0];
    const rawWorst = [...eligible].sort((a, b) => b.negatives / b.n - a.negatives / a.n)[0];
    expect([rawBest?.productLineId, rawWorst?.productLineId]).toEqual(["mid-good", "mid-bad"]);
    expect(ids(awards.red)).toEqual(["big-good"]);
    expect(ids(awards.rotten)).toEqual(["big-bad"]);
    expect(ids(awards.ranked)).toEqual([
      "big-good",
      "mid-good",
      "ok-1",
      "ok-2",
      "ok-3",
      "ok-4",
      "mid-bad",
      "big-bad",
    ]);
  });

  it("with no prior weight, ranks by the raw rate", () => {
    const awards = decideAwards(FIELD, settings(1, 0));
    expect(ids(awards.red)).toEqual(["mid-good"]);
    expect(ids(awards.rotten)).toEqual(["mid-bad"]);
    expect(awards.red[0]?.explanation.en).toContain("its shrunk rate is its raw rate, 1.3%");
  });

  it("gives ties to the larger n, then the smaller id, in both lists", () => {
    const field = [
      line("red-a", 100, 0),
      line("red-c", 300, 0),
      line("red-b", 300, 0),
      line("mid", 100, 10),
      line("rot-a", 100, 50),
      line("rot-c", 300, 150),
      line("rot-b", 300, 150),
    ];
    const awards = decideAwards(field, settings(2, 0));
    expect(ids(awards.red)).toEqual(["red-b", "red-c"]);
    expect(ids(awards.rotten)).toEqual(["rot-b", "rot-c"]);
    expect(awards.red.map((a) => a.rank)).toEqual([1, 2]);
    expect(awards.rotten.map((a) => a.rank)).toEqual([1, 2]);
  });

  it("breaks a tie that is one on paper only after shrinkage by the larger n", () => {
    // p0 = 80 / 800 = 0.1: every line whose raw rate is 10 % is shrunk to exactly 10 %, whatever its n.
    const field = [
      line("good", 200, 0),
      line("t-1", 100, 10),
      line("t-2", 200, 20),
      line("t-3", 100, 10),
      line("bad", 200, 40),
    ];
    const awards = decideAwards(field, settings(2));
    expect(awards.pooledRate).toBe(0.1);
    expect(ids(awards.ranked)).toEqual(["good", "t-2", "t-1", "t-3", "bad"]);
    expect(ids(awards.red)).toEqual(["good", "t-2"]);
    // Among the tied lines not already Red, the larger n (then the smaller id) is named first.
    expect(ids(awards.rotten)).toEqual(["bad", "t-1"]);
  });

  it("never names a line both Red and Rotten, even when every line is tied", () => {
    const field = ["d", "c", "b", "a"].map((id, i) => line(id, 100 * (i + 1), 10 * (i + 1)));
    const awards = decideAwards(field, settings(3, 0));
    expect(awards.perList).toBe(2);
    expect(ids(awards.red)).toEqual(["a", "b"]);
    expect(ids(awards.rotten)).toEqual(["c", "d"]);
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [5, 2],
    [6, 3],
    [40, 3],
  ])("with %i eligible lines and count 3 gives %i per list", (eligible, perList) => {
    expect(awardsPerList(3, eligible)).toBe(perList);
    const field = Array.from({ length: eligible }, (_, i) => line(`pl-${i}`, 100 + i, i));
    const awards = decideAwards(field, settings(3));
    expect(awards.perList).toBe(perList);
    expect(awards.red).toHaveLength(perList);
    expect(awards.rotten).toHaveLength(perList);
    const red = new Set(ids(awards.red));
    expect(ids(awards.rotten).filter((id) => red.has(id))).toEqual([]);
  });

  it("leaves the middle line of five without an award", () => {
    const field = [10, 20, 30, 40, 50].map((neg) => line(`pl-${neg}`, 200, neg));
    const awards = decideAwards(field, settings(3));
    expect(ids(awards.red)).toEqual(["pl-10", "pl-20"]);
    expect(ids(awards.rotten)).toEqual(["pl-50", "pl-40"]);
  });

  it("awards nothing when no line is eligible, but still states the pooled rate", () => {
    const awards = decideAwards([line("a", 50, 5), line("b", 30, 15), line("c", 0, 0)], settings(3));
    expect(awards).toMatchObject({ eligible: 0, lines: 2, perList: 0, ranked: [], red: [], rotten: [] });
    expect(awards.pooledRate).toBeCloseTo(20 / 80, 15);
    expect(decideAwards([], settings(3))).toMatchObject({ pooledRate: 0, lines: 0, eligible: 0 });
  });
});

describe("explanations", () => {
  const awards = decideAwards(
    FIELD.map((l) => (l.productLineId === "big-good" ? { ...l, name: "Kettle", nameZh: "电水壶" } : l)),
    settings(3),
  );
  const red = awards.red[0];
  const rotten = awards.rotten[0];

  it("state the figures behind the award", () => {
    expect(red?.explanation.figures).toEqual({
      n: 2_000,
      negatives: 40,
      negativeRate: 0.02,
      pooledRate: POOLED,
      priorStrength: 50,
      shrunkRate: (40 + 50 * POOLED) / 2_050,
      shiftPoints: ((40 + 50 * POOLED) / 2_050 - 0.02) * 100,
      standing: 1,
      eligible: 8,
      minSample: 100,
    });
    expect(rotten?.explanation.figures).toMatchObject({ standing: 8, eligible: 8, n: 2_000, negatives: 600 });
  });

  it("read in English", () => {
    expect(red?.explanation.en).toBe(
      "Red Strawberry #1: Kettle (big-good). 40 negative experiences in 2,000 signals, a raw negative rate " +
        "of 2.0%; all lines together: 13.2%. Counting 50 extra signals at that pooled rate, so that no line " +
        "wins or loses on a small sample's luck, gives a shrunk rate of 2.3%, +0.3 points from its raw rate. " +
        "It ranks 1st of 8 eligible lines (at least 100 signals), best first.",
    );
    expect(rotten?.explanation.en).toContain("Rotten Strawberry #1: big-bad (big-bad).");
    expect(rotten?.explanation.en).toContain("a raw negative rate of 30.0%");
    expect(rotten?.explanation.en).toContain("a shrunk rate of 29.6%, -0.4 points from its raw rate.");
    expect(rotten?.explanation.en).toContain(
      "It ranks 8th of 8 eligible lines (at least 100 signals), the worst.",
    );
    expect(awards.rotten[1]?.explanation.en).toContain(
      "7th of 8 eligible lines (at least 100 signals), 2nd from the bottom.",
    );
  });

  it("read in Chinese, with the line's Chinese name", () => {
    expect(red?.explanation["zh-CN"]).toBe(
      "红草莓第 1 名：电水壶（big-good）。2,000 条反馈中有 40 条负面体验，原始负面率 2.0%；" +
        "本期全部产品线合计负面率 13.2%。按合计负面率加入 50 条虚拟反馈（以免小样本凭运气胜出或落败）后，" +
        "收缩负面率为 2.3%，较原始负面率变动 +0.3 个百分点。在 8 条合格产品线（至少 100 条反馈）中由好到差排名第 1。",
    );
    expect(rotten?.explanation["zh-CN"]).toContain("烂草莓第 1 名：big-bad（big-bad）。");
    expect(rotten?.explanation["zh-CN"]).toContain("由好到差排名第 8，即倒数第 1。");
  });

  it("speak of one negative experience in the singular", () => {
    const one = decideAwards([line("a", 100, 1), line("b", 100, 20)], settings(1)).red[0];
    expect(one?.explanation.en).toContain("1 negative experience in 100 signals");
  });

  it("carry the line's names beside its id", () => {
    expect(red).toMatchObject({ name: "Kettle", nameZh: "电水壶", kind: "red", rank: 1 });
    expect(rotten).not.toHaveProperty("nameZh");
  });
});

describe("scheduledAwardRuns", () => {
  const zone = "Asia/Shanghai";

  it("finalizes the year that just ended at 03:00 on 1 January (Beijing time)", () => {
    expect(scheduledAwardRuns("yearly", new Date("2026-12-31T19:00:00Z"), zone)).toEqual([
      { period: "2026", finalize: true },
    ]);
  });

  it.each([
    ["2026-12-31T18:30:00Z", "2026-Q4", "2026"],
    ["2026-03-31T18:30:00Z", "2026-Q1", "2026"],
    ["2026-06-30T18:30:00Z", "2026-Q2", "2026"],
    ["2026-09-30T18:30:00Z", "2026-Q3", "2026"],
    // Still 31 March in UTC, already 1 April in Beijing.
    ["2026-03-31T16:10:00Z", "2026-Q1", "2026"],
  ])("at %s previews %s and %s", (now, quarter, year) => {
    expect(scheduledAwardRuns("quarterly", new Date(now), zone)).toEqual([
      { period: quarter, finalize: false },
      { period: year, finalize: false },
    ]);
  });

  it("reads the day in the policy's zone", () => {
    expect(scheduledAwardRuns("yearly", new Date("2026-12-31T19:00:00Z"), "UTC")).toEqual([
      { period: "2025", finalize: true },
    ]);
  });
});

describe("numbers in words", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [102, "102nd"],
    [111, "111th"],
  ])("%i is %s", (n, text) => {
    expect(ordinal(n)).toBe(text);
  });

  it.each([
    [0.64, "+0.6"],
    [-4.05, "-4.0"],
    [-4.06, "-4.1"],
    [0.04, "0.0"],
    [-0.04, "0.0"],
    [0, "0.0"],
  ])("%f points read %s", (points, text) => {
    expect(signedPoints(points)).toBe(text);
  });
});
