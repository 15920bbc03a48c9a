/**
 * Period totals stay one item per line and period while nothing contends (DESIGN §2, "Period
 * totals"): the review and the rankings read O(lines) items, whatever the signal count (DESIGN §5:
 * 10× signals → ≤ 1.1× items read). Shards beyond the first appear only when writers collide.
 */
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
});
afterAll(async () => runtime?.stop());

const keysStartingWith = async (prefix: string) => {
  const out = await runtime.dynamodb.send(
    new ScanCommand({
      TableName: runtime.tableName,
      FilterExpression: "begins_with(pk, :p)",
      ExpressionAttributeValues: { ":p": { S: prefix } },
    }),
  );
  return (out.Items ?? []).map((item) => `${item.pk?.S} ${item.sk?.S}`);
};

it("keeps one total item per line and period, and one rollup per line and day, across many batches", async () => {
  const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
  for (let batch = 0; batch < 12; batch++) {
    // Each batch after the first re-sends half of the one before: its duplicates are dropped and the
    // rest committed, still on the line's first shard (a duplicate is no collision).
    const signals = Array.from({ length: 40 }, (_, i) =>
      signal({
        signalId: i < 20 && batch > 0 ? `quiet-${batch - 1}-${i + 20}` : `quiet-${batch}-${i}`,
        productLineId: "pl-kettle",
        score: i % 3 ? 5 : 1,
        occurredAt,
      }),
    );
    const reply = await api.call("POST", "/v1/signals", { token: cco, body: { signals } });
    expect(reply.status).toBe(200);
  }
  const totals = (await keysStartingWith("TOTAL#")).filter((key) => key.includes(" pl-kettle#"));
  // One quarter and one year.
  expect(totals).toHaveLength(2);
  expect(await keysStartingWith("ROLLUP#pl-kettle#")).toHaveLength(1);
  const metrics = await api.call("GET", `/v1/product-lines/pl-kettle/metrics?period=${currentQuarter()}`, {
    token: cco,
  });
  expect(metrics.body).toMatchObject({ n: 40 + 11 * 20 });
});
