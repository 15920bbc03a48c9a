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
      "fe0bfff6024bc351775d5bc8968a9fc846ecdb48b76e5937676bacf6da59d773",
    ],
    [
      "1,200 signals",
      () => demoSignals({ now: NOW, count: 1200 }),
      "c87a744950694960b1ff5c601a6201c5cbd0ee3e8a557452abe477515c33d6d9",
    ],
    [
      "2,000 signals, seed 7",
      () => demoSignals({ now: NOW, count: 2000, seed: 7 }),
      "98fe880fe6f25b30e80daa4aa3392ba33821d5d30a2dbd273f428bf8481bf4a6",
    ],
    [
      "5,000 signals, another now and seed",
      () => demoSignals({ now: new Date("2025-11-03T01:02:03Z"), count: 5000, seed: 123 }),
      "4853ead602385c3c7ae7517614853503feea56c074869eeaaccf11a577bb1372",
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
        channel: "email",
        kind: "nps",
        occurredAt: "2025-09-20T21:09:15+08:00",
        locale: "zh-CN",
        score: 10,
        customerRef: "cust-003108",
      }),
    );
  });
});
