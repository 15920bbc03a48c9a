import { describe, expect, it } from "vitest";
import { maskPii } from "#core/pii";
import { pseudonymize } from "#core/pseudonym";
import {
  checkOccurredAt,
  expiresAtEpochSeconds,
  type PrepareContext,
  prepareSignal,
} from "#core/signal-rules";
import { type Signal, StoredSignal } from "#schemas/signal";

const NOW = new Date("2026-07-15T12:00:00.000Z");

describe("checkOccurredAt", () => {
  it.each([
    ["now", "2026-07-15T12:00:00Z"],
    ["now, written in Shanghai time", "2026-07-15T20:00:00+08:00"],
    ["one minute ago", "2026-07-15T11:59:00Z"],
    ["exactly 5 minutes ahead", "2026-07-15T12:05:00Z"],
    ["4 min 59 s ahead", "2026-07-15T20:04:59+08:00"],
    ["exactly 730 days old", "2024-07-15T12:00:00Z"],
    ["729 days old", "2024-07-16T12:00:00Z"],
  ])("accepts %s", (_label, occurredAt) => {
    // Act
    const issues = checkOccurredAt(occurredAt, NOW, 730);

    // Assess
    expect(issues).toEqual([]);
  });

  it.each([
    ["5 min 1 s ahead", "2026-07-15T12:05:01Z", 730, "more than 5 minutes in the future"],
    ["tomorrow", "2026-07-16T12:00:00Z", 730, "more than 5 minutes in the future"],
    ["next year, written in New York time", "2027-01-01T00:00:00-05:00", 730, "5 minutes"],
    ["730 days and 1 s old", "2024-07-15T11:59:59Z", 730, "retention window of 730 days"],
    ["years old", "2020-01-01T00:00:00Z", 730, "retention window of 730 days"],
    ["31 days old under a 30-day window", "2026-06-14T12:00:00Z", 30, "retention window of 30 days"],
    ["not a date", "yesterday", 730, "ISO-8601"],
  ])("rejects %s", (_label, occurredAt, retentionDays, message) => {
    // Act
    const issues = checkOccurredAt(occurredAt, NOW, retentionDays);

    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("occurredAt");
    expect(issues[0]?.message).toContain(message);
  });
});

describe("prepareSignal", () => {
  const ctx: PrepareContext = { now: NOW, timeZone: "Asia/Shanghai", hmacKey: "test-key" };
  const base: Signal = {
    signalId: "sig-1",
    productLineId: "pl-phone",
    channel: "app",
    kind: "csat",
    score: 2,
    occurredAt: "2026-06-30T16:30:00Z",
  };

  it("stores a full signal masked, pseudonymized and dated", () => {
    // Prepare
    const signal: Signal = {
      ...base,
      reasons: ["quality", "logistics", "quality"],
      verbatim: "屏幕坏了，请打13812345678或写信到a@b.cn",
      customerRef: "member:8812",
      orderRef: "SO-202606301234",
      locale: "zh-CN",
    };

    // Act
    const stored = prepareSignal(signal, ctx);

    // Assess
    expect(stored).toEqual({
      signalId: "sig-1",
      productLineId: "pl-phone",
      channel: "app",
      kind: "csat",
      score: 2,
      reasons: ["quality", "logistics"],
      verbatim: "屏幕坏了，请打[PHONE]或写信到[EMAIL]",
      customerPseudonym: pseudonymize("member:8812", "test-key"),
      orderRef: "SO-202606301234",
      occurredAt: "2026-06-30T16:30:00Z",
      locale: "zh-CN",
      day: "2026-07-01",
      negative: true,
      receivedAt: "2026-07-15T12:00:00.000Z",
    });
    expect(StoredSignal.safeParse(stored).success).toBe(true);
  });

  it("never keeps the raw customer reference anywhere", () => {
    // Prepare
    const signal: Signal = { ...base, customerRef: "phone:13812345678", verbatim: "ok" };

    // Act
    const stored = prepareSignal(signal, ctx);

    // Assess
    expect(stored).not.toHaveProperty("customerRef");
    expect(JSON.stringify(stored)).not.toContain("13812345678");
    expect(stored.customerPseudonym).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves out optional fields the signal did not have", () => {
    // Act
    const stored = prepareSignal(base, ctx);

    // Assess
    expect(Object.keys(stored).sort()).toEqual(
      [
        "signalId",
        "productLineId",
        "channel",
        "kind",
        "score",
        "occurredAt",
        "day",
        "negative",
        "receivedAt",
      ].sort(),
    );
  });

  it("gives an empty customer reference no pseudonym", () => {
    // Act
    const stored = prepareSignal({ ...base, customerRef: "" }, ctx);

    // Assess
    expect(stored).not.toHaveProperty("customerPseudonym");
  });

  it("drops properties that are not signal fields", () => {
    // Prepare
    const signal = { ...base, password: "hunter2" } as Signal;

    // Act
    const stored = prepareSignal(signal, ctx);

    // Assess
    expect(stored).not.toHaveProperty("password");
  });

  it.each<[string, Partial<Signal>, string, boolean]>([
    ["csat 2 in Shanghai", {}, "Asia/Shanghai", true],
    ["csat 4", { score: 4 }, "Asia/Shanghai", false],
    ["nps 6", { kind: "nps", score: 6 }, "Asia/Shanghai", true],
    ["nps 9", { kind: "nps", score: 9 }, "Asia/Shanghai", false],
    ["review 5", { kind: "review", score: 5 }, "Asia/Shanghai", false],
    ["minor complaint", { kind: "complaint", score: undefined, severity: "minor" }, "Asia/Shanghai", true],
  ])("%s → negative %s", (_label, change, timeZone, negative) => {
    // Act
    const stored = prepareSignal({ ...base, ...change }, { ...ctx, timeZone });

    // Assess
    expect(stored.negative).toBe(negative);
  });

  it.each([
    ["Asia/Shanghai", "2026-07-01"],
    ["UTC", "2026-06-30"],
    ["America/New_York", "2026-06-30"],
  ])("dates the signal in the policy zone %s → %s", (timeZone, day) => {
    // Act
    const stored = prepareSignal(base, { ...ctx, timeZone });

    // Assess
    expect(stored.day).toBe(day);
  });

  it("masks the verbatim exactly as maskPii does", () => {
    // Prepare
    const verbatim = "身份证11010519491231002X，卡号4111 1111 1111 1111，2026年6月30日下单";

    // Act
    const stored = prepareSignal({ ...base, verbatim }, ctx);

    // Assess
    expect(stored.verbatim).toBe(maskPii(verbatim));
    expect(stored.verbatim).toBe("身份证[ID]，卡号[CARD]，2026年6月30日下单");
  });

  it.each([
    ["a phone number typed as the order reference", "138 1234 5678", "[PHONE]"],
    ["an e-mail address in a note", "退货 zhang.san@example.com", "退货 [EMAIL]"],
    ["a plain order number", "SO-202606301234", "SO-202606301234"],
  ])("masks PII in orderRef as well: %s", (_what, orderRef, expected) => {
    expect(prepareSignal({ ...base, orderRef }, ctx).orderRef).toBe(expected);
  });

  it("keeps an empty reasons list and the first-seen order of repeated ones", () => {
    // Act
    const none = prepareSignal({ ...base, reasons: [] }, ctx);
    const repeated = prepareSignal({ ...base, reasons: ["price", "other", "price", "other", "safety"] }, ctx);

    // Assess
    expect(none.reasons).toEqual([]);
    expect(repeated.reasons).toEqual(["price", "other", "safety"]);
  });

  it("does not change the signal it is given", () => {
    // Prepare
    const signal: Signal = { ...base, reasons: ["price", "price"], customerRef: "c-1", verbatim: "a@b.cn" };
    const before = structuredClone(signal);

    // Act
    prepareSignal(signal, ctx);

    // Assess
    expect(signal).toEqual(before);
  });
});

describe("expiresAtEpochSeconds", () => {
  it.each([
    ["2026-06-30T16:30:00Z", 730, Date.parse("2028-06-29T16:30:00Z") / 1000],
    ["2026-07-01T00:30:00+08:00", 730, Date.parse("2028-06-29T16:30:00Z") / 1000],
    ["2026-06-30T16:30:00.999Z", 1, Date.parse("2026-07-01T16:30:00Z") / 1000],
    ["1970-01-01T00:00:00Z", 1, 86_400],
  ])("%s + %i days → %i", (occurredAt, retentionDays, expected) => {
    // Act
    const expiresAt = expiresAtEpochSeconds(occurredAt, retentionDays);

    // Assess
    expect(expiresAt).toBe(expected);
    expect(Number.isInteger(expiresAt)).toBe(true);
  });

  it("rejects text that is not a date-time", () => {
    // Act
    const act = () => expiresAtEpochSeconds("soon", 730);

    // Assess
    expect(act).toThrow(RangeError);
  });
});
