import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  await api.call("PUT", "/v1/catalog", { token: await api.token("cco"), body: catalog });
});
afterAll(async () => runtime?.stop());

it("counts the same 1,000 signals sent by 4 clients at once exactly once", async () => {
  // Prepare: 1,000 signals over three lines, a third of them negative.
  const lines = ["pl-kettle", "pl-heater", "pl-milk"];
  const signals = Array.from({ length: 1000 }, (_, i) =>
    signal({ signalId: `race-${i}`, productLineId: lines[i % 3], kind: "csat", score: i % 3 === 0 ? 1 : 5 }),
  );
  const token = await api.token("ingest");
  const client = async (order: number) => {
    // Each client sends the batches in its own order, so they collide on every batch.
    const batches = [0, 1].map((b) => signals.slice(b * 500, b * 500 + 500));
    if (order % 2) batches.reverse();
    const totals = { accepted: 0, duplicates: 0 };
    for (const batch of batches) {
      const response = await api.call("POST", "/v1/signals", { token, body: { signals: batch } });
      expect(response.status).toBe(200);
      totals.accepted += response.body.accepted;
      totals.duplicates += response.body.duplicates;
    }
    return totals;
  };

  // Act
  const results = await Promise.all([0, 1, 2, 3].map(client));

  // Assess
  expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(1000);
  expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(3000);
  const cco = await api.token("cco");
  let n = 0;
  let negatives = 0;
  for (const line of lines) {
    const m = await api.call("GET", `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`, {
      token: cco,
    });
    n += m.body.n;
    negatives += m.body.negatives;
    // The quarter's figures come from the line's period total, a date range's from the day rollups:
    // both were written by the same transactions, so they agree counter for counter.
    const days = await api.call(
      "GET",
      `/v1/product-lines/${line}/metrics?period=${m.body.from}..${m.body.to}`,
      {
        token: cco,
      },
    );
    const { period: _q, ...fromTotal } = m.body;
    const { period: _r, ...fromRollups } = days.body;
    expect(fromTotal).toEqual(fromRollups);
  }
  expect(n).toBe(1000);
  expect(negatives).toBe(334);
});
