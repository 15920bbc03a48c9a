import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, ApiError } from "#infra/api-client/client";
import { demoCatalog, UNLISTED_PRODUCT_LINE_ID } from "#infra/demo/catalog";
import { seedDemo } from "#infra/demo/seed";
import { demoSignals } from "#infra/demo/signals";
import { FAKE_TOKEN, type FakeApi, startFakeApi } from "#test/unit/cli/fake-api";

const NOW = new Date("2026-05-10T12:00:00+08:00");

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function outputs() {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
  };
}

describe("seedDemo", () => {
  it("puts the catalog, imports the signals and prints what the CLI and npm start print", async () => {
    api = await startFakeApi();
    const io = outputs();
    const client = new ApiClient({ baseUrl: api.url, token: FAKE_TOKEN });
    const summary = await seedDemo({ client, now: NOW, count: 600, concurrency: 2, ...io });

    expect(api.catalogs).toEqual([demoCatalog()]);
    // Every generated signal arrives unchanged; they are sent line by line in time order.
    const byId = (a: unknown, b: unknown) =>
      (a as { signalId: string }).signalId < (b as { signalId: string }).signalId ? -1 : 1;
    expect([...api.stored.values()].sort(byId)).toEqual(demoSignals({ now: NOW, count: 600 }).sort(byId));
    type Sent = { productLineId: string; occurredAt: string };
    const inOrder = (batch: Sent[]) =>
      batch.every((s, i) => {
        const before = batch[i - 1];
        return (
          before === undefined ||
          before.productLineId < s.productLineId ||
          (before.productLineId === s.productLineId && before.occurredAt <= s.occurredAt)
        );
      });
    expect(api.batches.every((batch) => inOrder(batch as Sent[]))).toBe(true);
    expect(api.maxConcurrent).toBeLessThanOrEqual(2);
    expect(summary).toEqual({ accepted: 588, duplicates: 0, quarantined: 12, rejected: [] });
    const lines = io.out().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Catalog: 5 business units, 50 product lines",
      "Importing 600 demo signals…",
      expect.stringMatching(/^Done in \d+s:$/),
    ]);
    expect(lines.slice(3)).toEqual([
      "  accepted    588",
      "  duplicates    0",
      "  quarantined  12",
      "  rejected      0",
      `(The quarantined signals name ${UNLISTED_PRODUCT_LINE_ID}, which is not in the catalog on purpose.)`,
      "",
    ]);
    expect(io.err()).toMatch(/importing 600\/600 {2}100%/);
  });

  it("is harmless to re-run, and honours the seed", async () => {
    api = await startFakeApi();
    const client = new ApiClient({ baseUrl: api.url, token: FAKE_TOKEN });
    await seedDemo({ client, now: NOW, count: 100, ...outputs() });
    const again = await seedDemo({ client, now: NOW, count: 100, ...outputs() });
    expect(again).toEqual({ accepted: 0, duplicates: 100, quarantined: 0, rejected: [] });
    const other = outputs();
    await seedDemo({ client, now: NOW, count: 100, seed: 7, ...other });
    expect(other.out()).toMatch(/duplicates\s+100/);
    expect(api.stored.get("demo-1")).toEqual(demoSignals({ now: NOW, count: 100 })[0]);
  });

  it("fails with the API's error when the catalog is refused, before sending signals", async () => {
    api = await startFakeApi();
    const io = outputs();
    const client = new ApiClient({ baseUrl: api.url, token: "stale" });
    const failure = seedDemo({ client, now: NOW, count: 10, ...io });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    expect(api.signalRequests).toBe(0);
    expect(io.out()).toBe("");
  });
});
