/**
 * Faults, nothing lost or double counted (issue 13): DynamoDB Local is killed (SIGKILL of its Java)
 * in the middle of an import of many batches by the CLI's importer, with its retries; the runtime
 * restarts it on the same `--data` directory. At the end every signal is counted exactly once:
 * the metrics' n and the rankings equal what was sent, line by line. The real entry point runs in
 * its own process.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import { expect, it } from "vitest";
import { ApiClient, requestDevToken } from "#infra/api-client/client";
import { importSignals } from "#infra/api-client/importer";
import { call, eventually, interrupt, javaFor, start } from "./entry-point";
import { catalog, currentQuarter, signal } from "./fixtures";

const LINES = ["pl-kettle", "pl-heater", "pl-milk"];

/** Per line, what the table holds: signal items, the sum of the day rollups, the quarter's total. */
const tableCounts = async (endpoint: string, quarter: string) => {
  const client = new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const counts: Record<string, { signals: number; rollups: number; total: number }> = {};
  const of = (line: string) => (counts[line] ??= { signals: 0, rollups: 0, total: 0 });
  for await (const page of paginateScan({ client }, { TableName: "strawberry-local" }))
    for (const item of page.Items ?? []) {
      const pk = item.pk?.S ?? "";
      const n = Number(item.n?.N ?? 0);
      if (pk.startsWith("SIG#") && item.state?.S !== "QUARANTINED")
        of(item.productLineId?.S ?? "?").signals++;
      else if (pk.startsWith("ROLLUP#")) of(pk.split("#")[1] ?? "?").rollups += n;
      else if (pk.startsWith(`TOTAL#${quarter}#`)) of(item.productLineId?.S ?? "?").total += n;
    }
  client.destroy();
  return counts;
};
const BATCHES = 24;
const PER_BATCH = 50;

it("counts every signal once when DynamoDB Local is killed and restarted in the middle of an import with retries", async () => {
  // Prepare: 1,200 signals over three lines, a quarter of them negative, sent 50 a batch.
  const dir = mkdtempSync(join(tmpdir(), "strawberry-faults-ingest-"));
  const platform = await start(["--data", dir, "--no-seed", "--no-schedules"]);
  try {
    const client = new ApiClient({ baseUrl: platform.url, timeoutMs: 30_000 });
    client.token = await requestDevToken(client, "cco");
    await client.put("/v1/catalog", catalog);
    const total = BATCHES * PER_BATCH;
    const sent = Array.from({ length: total }, (_, i) =>
      signal({ signalId: `kill-${i}`, productLineId: LINES[i % 3], score: i % 4 === 0 ? 1 : 5 }),
    );
    const [java] = javaFor(dir);
    expect(java).toBeTypeOf("number");
    let killed = false;
    const retried: number[] = [];

    // Act: once a few batches are in, Java dies; the importer keeps retrying until it is back.
    const summary = await importSignals(
      sent.map((raw, i) => ({ line: i + 1, raw })),
      {
        client,
        batchSize: PER_BATCH,
        concurrency: 2,
        retries: 40,
        retryDelayMs: 250,
        maxRetryDelayMs: 2_000,
        onProgress: (done) => {
          if (!killed && done >= 4 * PER_BATCH) {
            killed = true;
            process.kill(java as number, "SIGKILL");
          }
        },
        onRetry: ({ error }) => retried.push(error.status),
      },
    );

    // Assess: the outage was seen and survived, and each signal counted once.
    expect(killed).toBe(true);
    expect(retried.length, platform.output()).toBeGreaterThan(0);
    expect(platform.output()).toMatch(/DynamoDB Local stopped unexpectedly/);
    expect(await eventually(() => platform.output().includes("DynamoDB Local is back"), 60_000)).toBe(true);
    expect(platform.output()).not.toMatch(/missing from/);
    expect(summary.rejected).toEqual([]);
    // A batch whose transactions committed before its answer was lost comes back as duplicates.
    expect(summary.accepted + summary.duplicates).toBeGreaterThanOrEqual(total);
    expect(summary.accepted).toBeLessThanOrEqual(total);
    const token = client.token;
    const endpoint = /DynamoDB Local on (http:\/\/\S+)/.exec(platform.output())?.[1] as string;
    const third = { signals: total / 3, rollups: total / 3, total: total / 3 };
    expect(await tableCounts(endpoint, currentQuarter()), platform.output()).toEqual({
      "pl-kettle": third,
      "pl-heater": third,
      "pl-milk": third,
    });
    for (const [l, line] of LINES.entries()) {
      const expected = sent.filter((_, i) => i % 3 === l);
      const metrics = await call(
        platform.url,
        "GET",
        `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`,
        undefined,
        token,
      );
      expect(metrics.body, line).toMatchObject({
        n: expected.length,
        negatives: expected.filter((s) => s.score === 1).length,
      });
    }
    const rankings = await call(
      platform.url,
      "GET",
      `/v1/rankings?period=${currentQuarter()}`,
      undefined,
      token,
    );
    expect(rankings.status).toBe(200);
    const ranked = Object.fromEntries(
      rankings.body.items.map((r: { productLineId: string; n: number }) => [r.productLineId, r.n]),
    );
    expect(ranked).toEqual({ "pl-kettle": total / 3, "pl-heater": total / 3, "pl-milk": total / 3 });
    // Sent again whole, as a user re-running the import would: nothing more is counted.
    const again = await importSignals(
      sent.map((raw, i) => ({ line: i + 1, raw })),
      { client, concurrency: 2 },
    );
    expect(again).toMatchObject({ accepted: 0, duplicates: total, rejected: [] });
  } finally {
    await interrupt(platform);
  }
  expect(javaFor(dir)).toEqual([]);
}, 240_000);
