import { describe, expect, it } from "vitest";
import {
  addCounts,
  type CountableSignal,
  channelCounterKey,
  countsOfSignal,
  ROLLUP_COUNTER_KEYS,
  type RollupCounts,
  reasonCounterKey,
  summarizeCounts,
} from "#core/rollup";
import { wilsonInterval } from "#core/wilson";
import { CHANNELS, REASONS } from "#schemas/signal";

const ZERO_REASONS = {
  quality: 0,
  logistics: 0,
  "description-mismatch": 0,
  "service-attitude": 0,
  price: 0,
  safety: 0,
  other: 0,
};
const ZERO_CHANNELS = {
  hotline: 0,
  chat: 0,
  app: 0,
  social: 0,
  store: 0,
  email: 0,
  survey: 0,
  "review-site": 0,
};

describe("counter keys", () => {
  it.each([
    ["quality", "r_quality"],
    ["description-mismatch", "r_description_mismatch"],
    ["service-attitude", "r_service_attitude"],
  ] as const)("reason %s → %s", (reason, key) => {
    // Act
    const result = reasonCounterKey(reason);

    // Assess
    expect(result).toBe(key);
  });

  it.each([
    ["hotline", "ch_hotline"],
    ["review-site", "ch_review_site"],
  ] as const)("channel %s → %s", (channel, key) => {
    // Act
    const result = channelCounterKey(channel);

    // Assess
    expect(result).toBe(key);
  });

  it("lists every key exactly once, with no dash in any", () => {
    // Prepare
    const fixed = [
      "n",
      "neg",
      "csatN",
      "csatSum",
      "npsN",
      "npsPro",
      "npsDet",
      "revN",
      "revSum",
      "cMinor",
      "cMajor",
      "cCritical",
    ];

    // Act
    const keys = [...ROLLUP_COUNTER_KEYS];

    // Assess
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(fixed.length + REASONS.length + CHANNELS.length);
    expect(keys).toEqual(expect.arrayContaining(fixed));
    expect(keys).toEqual(
      expect.arrayContaining(["r_description_mismatch", "ch_review_site", "r_other", "ch_app"]),
    );
    expect(keys.filter((k) => k.includes("-"))).toEqual([]);
  });
});

describe("countsOfSignal", () => {
  it.each<[string, CountableSignal, RollupCounts]>([
    ["csat 1", { kind: "csat", score: 1, channel: "app" }, { n: 1, neg: 1, csatN: 1, csatSum: 1, ch_app: 1 }],
    ["csat 2", { kind: "csat", score: 2, channel: "app" }, { n: 1, neg: 1, csatN: 1, csatSum: 2, ch_app: 1 }],
    ["csat 3", { kind: "csat", score: 3, channel: "chat" }, { n: 1, csatN: 1, csatSum: 3, ch_chat: 1 }],
    ["csat 5", { kind: "csat", score: 5, channel: "survey" }, { n: 1, csatN: 1, csatSum: 5, ch_survey: 1 }],
    ["nps 0", { kind: "nps", score: 0, channel: "email" }, { n: 1, neg: 1, npsN: 1, npsDet: 1, ch_email: 1 }],
    ["nps 6", { kind: "nps", score: 6, channel: "email" }, { n: 1, neg: 1, npsN: 1, npsDet: 1, ch_email: 1 }],
    ["nps 7 (passive)", { kind: "nps", score: 7, channel: "email" }, { n: 1, npsN: 1, ch_email: 1 }],
    ["nps 8 (passive)", { kind: "nps", score: 8, channel: "email" }, { n: 1, npsN: 1, ch_email: 1 }],
    ["nps 9", { kind: "nps", score: 9, channel: "email" }, { n: 1, npsN: 1, npsPro: 1, ch_email: 1 }],
    ["nps 10", { kind: "nps", score: 10, channel: "email" }, { n: 1, npsN: 1, npsPro: 1, ch_email: 1 }],
    [
      "review 1",
      { kind: "review", score: 1, channel: "review-site" },
      { n: 1, neg: 1, revN: 1, revSum: 1, ch_review_site: 1 },
    ],
    ["review 4", { kind: "review", score: 4, channel: "store" }, { n: 1, revN: 1, revSum: 4, ch_store: 1 }],
    [
      "minor complaint",
      { kind: "complaint", severity: "minor", channel: "hotline" },
      { n: 1, neg: 1, cMinor: 1, ch_hotline: 1 },
    ],
    [
      "major complaint",
      { kind: "complaint", severity: "major", channel: "social" },
      { n: 1, neg: 1, cMajor: 1, ch_social: 1 },
    ],
    [
      "critical complaint with reasons",
      { kind: "complaint", severity: "critical", reasons: ["safety", "quality"], channel: "hotline" },
      { n: 1, neg: 1, cCritical: 1, r_safety: 1, r_quality: 1, ch_hotline: 1 },
    ],
    [
      "negative csat with a repeated reason",
      {
        kind: "csat",
        score: 1,
        reasons: ["description-mismatch", "logistics", "description-mismatch"],
        channel: "app",
      },
      { n: 1, neg: 1, csatN: 1, csatSum: 1, r_description_mismatch: 1, r_logistics: 1, ch_app: 1 },
    ],
    [
      "positive csat: reasons are the root-cause register of negatives only",
      { kind: "csat", score: 5, reasons: ["price", "service-attitude"], channel: "app" },
      { n: 1, csatN: 1, csatSum: 5, ch_app: 1 },
    ],
    [
      "negative nps with every reason",
      { kind: "nps", score: 2, reasons: [...REASONS], channel: "survey" },
      {
        n: 1,
        neg: 1,
        npsN: 1,
        npsDet: 1,
        r_quality: 1,
        r_logistics: 1,
        r_description_mismatch: 1,
        r_service_attitude: 1,
        r_price: 1,
        r_safety: 1,
        r_other: 1,
        ch_survey: 1,
      },
    ],
    [
      "negative review with no reasons",
      { kind: "review", score: 2, reasons: [], channel: "review-site" },
      { n: 1, neg: 1, revN: 1, revSum: 2, ch_review_site: 1 },
    ],
  ])("%s", (_label, signal, expected) => {
    // Act
    const counts = countsOfSignal(signal);

    // Assess
    expect(counts).toEqual(expected);
    expect(Object.keys(counts).every((k) => ROLLUP_COUNTER_KEYS.includes(k))).toBe(true);
    expect(Object.values(counts).every((v) => Number.isInteger(v) && v > 0)).toBe(true);
  });
});

describe("addCounts", () => {
  it.each<[string, RollupCounts, RollupCounts, RollupCounts]>([
    ["empty + empty", {}, {}, {}],
    ["empty + some", {}, { n: 1, neg: 1 }, { n: 1, neg: 1 }],
    ["some + empty", { n: 2 }, {}, { n: 2 }],
    ["overlapping keys", { n: 2, neg: 1, ch_app: 2 }, { n: 1, ch_app: 1 }, { n: 3, neg: 1, ch_app: 3 }],
    ["disjoint keys", { n: 1, csatN: 1 }, { npsN: 1 }, { n: 1, csatN: 1, npsN: 1 }],
    ["zero counters dropped", { n: 1, neg: 0 }, { cMinor: 0 }, { n: 1 }],
  ])("%s", (_label, into, add, expected) => {
    // Prepare
    const intoBefore = { ...into };
    const addBefore = { ...add };

    // Act
    const sum = addCounts(into, add);

    // Assess
    expect(sum).toEqual(expected);
    expect(into).toEqual(intoBefore);
    expect(add).toEqual(addBefore);
    expect(sum).not.toBe(into);
  });

  it("keeps a hostile key as plain data", () => {
    // Prepare
    const add = JSON.parse('{"__proto__": 1, "n": 1}') as RollupCounts;

    // Act
    const sum = addCounts({}, add);

    // Assess
    expect(Object.getPrototypeOf(sum)).toBe(Object.prototype);
    expect(Object.hasOwn(sum, "__proto__")).toBe(true);
  });

  it("sums the counts of many signals like counting them at once", () => {
    // Prepare
    const signals: CountableSignal[] = [
      { kind: "csat", score: 1, reasons: ["quality"], channel: "app" },
      { kind: "csat", score: 4, channel: "app" },
      { kind: "nps", score: 10, channel: "survey" },
      { kind: "nps", score: 3, reasons: ["price"], channel: "survey" },
      { kind: "review", score: 5, channel: "review-site" },
      { kind: "complaint", severity: "critical", reasons: ["safety", "quality"], channel: "hotline" },
    ];

    // Act
    const total = signals.map(countsOfSignal).reduce(addCounts, {});

    // Assess
    expect(total).toEqual({
      n: 6,
      neg: 3,
      csatN: 2,
      csatSum: 5,
      npsN: 2,
      npsPro: 1,
      npsDet: 1,
      revN: 1,
      revSum: 5,
      cCritical: 1,
      r_quality: 2,
      r_price: 1,
      r_safety: 1,
      ch_app: 2,
      ch_survey: 2,
      ch_review_site: 1,
      ch_hotline: 1,
    });
  });
});

describe("summarizeCounts", () => {
  it("gives nulls and zeros for an empty rollup", () => {
    // Act
    const summary = summarizeCounts({}, 0.95);

    // Assess
    expect(summary).toEqual({
      n: 0,
      negatives: 0,
      negativeRate: null,
      wilson: null,
      csatMean: null,
      nps: null,
      reviewMean: null,
      complaints: { minor: 0, major: 0, critical: 0 },
      reasons: ZERO_REASONS,
      channels: ZERO_CHANNELS,
    });
  });

  it("derives every measure from the counters", () => {
    // Prepare
    const counts: RollupCounts = {
      n: 100,
      neg: 10,
      csatN: 40,
      csatSum: 150,
      npsN: 30,
      npsPro: 12,
      npsDet: 6,
      revN: 20,
      revSum: 70,
      cMinor: 4,
      cMajor: 3,
      cCritical: 1,
      r_quality: 5,
      r_description_mismatch: 2,
      ch_app: 60,
      ch_review_site: 40,
    };

    // Act
    const summary = summarizeCounts(counts, 0.95);

    // Assess
    expect(summary).toEqual({
      n: 100,
      negatives: 10,
      negativeRate: 0.1,
      wilson: wilsonInterval(10, 100, 0.95),
      csatMean: 3.75,
      nps: 20,
      reviewMean: 3.5,
      complaints: { minor: 4, major: 3, critical: 1 },
      reasons: { ...ZERO_REASONS, quality: 5, "description-mismatch": 2 },
      channels: { ...ZERO_CHANNELS, app: 60, "review-site": 40 },
    });
    expect(summary.wilson?.lo).toBeCloseTo(0.0552, 4);
  });

  it.each<[string, RollupCounts, number | null]>([
    ["all promoters", { n: 4, npsN: 4, npsPro: 4 }, 100],
    ["all detractors", { n: 4, neg: 4, npsN: 4, npsDet: 4 }, -100],
    ["all passives", { n: 4, npsN: 4 }, 0],
    ["a third promoters, no detractors", { n: 3, npsN: 3, npsPro: 1 }, 100 / 3],
    ["no nps signals", { n: 4, csatN: 4, csatSum: 12 }, null],
  ])("nps: %s → %s", (_label, counts, nps) => {
    // Act
    const summary = summarizeCounts(counts, 0.95);

    // Assess
    expect(summary.nps).toBe(nps);
  });

  it("keeps each mean null when only other kinds were counted", () => {
    // Prepare
    const counts: RollupCounts = { n: 2, neg: 2, cMajor: 2, ch_hotline: 2 };

    // Act
    const summary = summarizeCounts(counts, 0.95);

    // Assess
    expect(summary.negativeRate).toBe(1);
    expect(summary.wilson?.hi).toBe(1);
    expect(summary.csatMean).toBeNull();
    expect(summary.nps).toBeNull();
    expect(summary.reviewMean).toBeNull();
    expect(summary.complaints).toEqual({ minor: 0, major: 2, critical: 0 });
  });

  it("uses the confidence it is given", () => {
    // Prepare
    const counts: RollupCounts = { n: 263, neg: 81 };

    // Act
    const at95 = summarizeCounts(counts, 0.95);
    const at99 = summarizeCounts(counts, 0.99);

    // Assess
    expect(at95.wilson?.lo).toBeCloseTo(0.2553, 4);
    expect(at99.wilson?.lo).toBeCloseTo(0.2401, 4);
  });

  it("ignores attributes that are not counters", () => {
    // Prepare
    const counts: RollupCounts = { n: 1, shard: 7, version: 3 };

    // Act
    const summary = summarizeCounts(counts, 0.95);

    // Assess
    expect(summary.n).toBe(1);
    expect(summary.negativeRate).toBe(0);
  });
});
