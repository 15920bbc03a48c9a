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
      "7662a8392ddfa4c0a3c2f933519fe4e6f142ffe8c1318f1e32b4ef710a29fe29",
    ],
    [
      "1,200 signals",
      () => demoSignals({ now: NOW, count: 1200 }),
      "c87a744950694960b1ff5c601a6201c5cbd0ee3e8a557452abe477515c33d6d9",
    ],
    [
      "2,000 signals, seed 7",
      () => demoSignals({ now: NOW, count: 2000, seed: 7 }),
      "576b34ce1a553c31d073a2e11ae6f313ad31ca2362c7aad4606b6280740f1c9f",
    ],
    [
      "5,000 signals, another now and seed",
      () => demoSignals({ now: new Date("2025-11-03T01:02:03Z"), count: 5000, seed: 123 }),
      "5eb0046e02bdd2bcd0401492598d82a7cd1578fa62206a087a1a109119a6df3b",
    ],
    ["the catalog", () => demoCatalog(), "3c3a31ff6ffc4bdd9796d70f588b3d40017ed4372c3de9fe7e7e31fb91de98ff"],
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
        channel: "hotline",
        kind: "csat",
        occurredAt: "2026-01-08T10:14:25+08:00",
        locale: "en-US",
        score: 3,
        customerRef: "cust-000333",
      }),
    );
  });
});
