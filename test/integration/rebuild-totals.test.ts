/**
 * Rebuilding period totals for data stored before they existed: equal to the day rollups,
 * idempotent, and exact while signals keep arriving.
 */
import { BatchWriteItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
const lines = ["pl-kettle", "pl-heater", "pl-milk"];
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 - 3_600_000).toISOString();

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
});
afterAll(async () => runtime?.stop());

/** What data stored before totals existed looks like: rollups, no totals. */
const dropTotals = async () => {
  const out = await runtime.dynamodb.send(
    new ScanCommand({
      TableName: runtime.tableName,
      FilterExpression: "begins_with(pk, :t)",
      ExpressionAttributeValues: { ":t": { S: "TOTAL#" } },
    }),
  );
  const keys = (out.Items ?? []).map((item) => ({ DeleteRequest: { Key: { pk: item.pk!, sk: item.sk! } } }));
  for (let i = 0; i < keys.length; i += 25)
    await runtime.dynamodb.send(
      new BatchWriteItemCommand({ RequestItems: { [runtime.tableName]: keys.slice(i, i + 25) } }),
    );
  return keys.length;
};

const send = async (prefix: string, count: number, ago = (i: number) => (i % 2 ? 0 : 100)) => {
  const signals = Array.from({ length: count }, (_, i) =>
    signal({
      signalId: `${prefix}-${i}`,
      productLineId: lines[i % 3],
      score: i % 4 ? 5 : 1,
      occurredAt: daysAgo(ago(i)),
    }),
  );
  for (let i = 0; i < signals.length; i += 500)
    expect(
      (await api.call("POST", "/v1/signals", { token: cco, body: { signals: signals.slice(i, i + 500) } }))
        .status,
    ).toBe(200);
};

/** Each line's quarter metrics from its total, and the same days summed from its rollups. */
const agreement = async () =>
  Promise.all(
    lines.map(async (line) => {
      const quarter = (
        await api.call("GET", `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`, { token: cco })
      ).body;
      const days = (
        await api.call("GET", `/v1/product-lines/${line}/metrics?period=${quarter.from}..${quarter.to}`, {
          token: cco,
        })
      ).body;
      return { line, fromTotal: quarter.n, fromRollups: days.n };
    }),
  );

describe("rebuildPeriodTotals", () => {
  it("rebuilds missing totals equal to the rollups, and changes nothing when run again", async () => {
    // The use case runs in this process, with the environment the runtime set up.
    const { rebuildPeriodTotals } = await import("#app/rebuild-period-totals");
    await send("old", 600);
    expect(await dropTotals()).toBeGreaterThan(0);
    expect((await agreement()).every((a) => a.fromTotal === 0 && a.fromRollups > 0)).toBe(true);

    const first = await rebuildPeriodTotals();
    const again = await rebuildPeriodTotals();

    expect(first.rebuilt).toBeGreaterThanOrEqual(lines.length * 2);
    expect(again.rebuilt).toBe(0);
    for (const a of await agreement()) expect(a.fromTotal, a.line).toBe(a.fromRollups);
  });

  it("is exact while signals keep arriving", async () => {
    const { rebuildPeriodTotals } = await import("#app/rebuild-period-totals");
    await dropTotals();
    await Promise.all([rebuildPeriodTotals(), send("during", 1500, () => 0), rebuildPeriodTotals()]);
    for (const a of await agreement()) expect(a.fromTotal, a.line).toBe(a.fromRollups);
  });

  it("runs from the CLI against a table, and says what it did", async () => {
    const { runCli } = await import("#infra/cli/main");
    await dropTotals();
    let out = "";
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } };
    const code = await runCli(
      ["rebuild-totals", "--table", runtime.tableName, "--endpoint", runtime.dynamoEndpoint],
      io as never,
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Done: \d+ of \d+ period totals rebuilt over 3 product lines/);
    for (const a of await agreement()) expect(a.fromTotal, a.line).toBe(a.fromRollups);
  });
});
