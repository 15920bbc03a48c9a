/**
 * Pins the demo data byte for byte: the same `now`, `count` and `seed` must always give exactly the
 * same catalog and signals (SHA-256 of their JSON), so that seeding stays idempotent across versions
 * and refactors of the generator cannot change the data unnoticed.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_PROFILES, demoCatalog, UNLISTED_PRODUCT_LINE_ID } from "#infra/demo/catalog";
import { demoSignals } from "#infra/demo/signals";

const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const NOW = new Date("2026-05-10T12:00:00+08:00");

describe("demo data is pinned", () => {
  it.each<[string, () => unknown, string]>([
    [
      "30,000 signals (defaults)",
      () => demoSignals({ now: NOW }),
      "e0065c87d1904de8abfe0e0f5a04ebd42c5297cabb1932bf24495ed1a3e94be8",
    ],
    [
      "1,200 signals",
      () => demoSignals({ now: NOW, count: 1200 }),
      "f9979bc20c2949f2f04ef95d9fd510fd3d64efc8867c638636fde8dcbf38cd05",
    ],
    [
      "2,000 signals, seed 7",
      () => demoSignals({ now: NOW, count: 2000, seed: 7 }),
      "a591085a23e803060306e474d0e4582c9d2c886fc4dfc69de28785c774ffe450",
    ],
    [
      "5,000 signals, another now and seed",
      () => demoSignals({ now: new Date("2025-11-03T01:02:03Z"), count: 5000, seed: 123 }),
      "d679e3b679f64d81841fc09d1d90a242a7d229df6a897950c115e23acfe1d5af",
    ],
    ["the catalog", () => demoCatalog(), "fbb3558dd3ffe6bb926aa7965e0ba86b48e90faa2060262f55823cebdc8282d8"],
    ["the profiles", () => DEMO_PROFILES, "62f8da0405a6ba58c40db2941d45f95117866fc2df1b9ff1239afc8818587e4f"],
  ])("%s", (_name, make, hash) => {
    expect(sha256(make())).toBe(hash);
  });

  it("gives exactly these first and last signals", () => {
    const signals = demoSignals({ now: NOW });
    expect(UNLISTED_PRODUCT_LINE_ID).toBe("pl-unlisted-smart-desk-lamp");
    expect(JSON.stringify(signals[0])).toBe(
      JSON.stringify({
        signalId: "demo-1",
        productLineId: "pl-home-stick-vacuum",
        channel: "app",
        kind: "csat",
        occurredAt: "2026-01-19T18:36:59+08:00",
        locale: "zh-CN",
        score: 4,
        verbatim: "安装很方便，说明书也写得清楚。",
        customerRef: "cust-004726",
        orderRef: "SO2026011792207943",
      }),
    );
    expect(JSON.stringify(signals[29_999])).toBe(
      JSON.stringify({
        signalId: "demo-30000",
        productLineId: "pl-apparel-canvas-sneakers",
        channel: "review-site",
        kind: "review",
        occurredAt: "2025-05-13T12:29:22+08:00",
        locale: "zh-CN",
        score: 5,
      }),
    );
  });
});
