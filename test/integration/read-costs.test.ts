/**
 * What a read API costs in DynamoDB items, counted on the handlers' own client (the runtime runs
 * them in this process): a request for one line must not read more as other lines gather notices,
 * and a miss of the figures cache reads the catalog once, however many periods it needs.
 */
import { BatchWriteItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forgetCachedFigures } from "#app/period-figures";
import type { Runtime } from "#infra/local/runtime";
import { dynamodb as handlersClient } from "#lib/clients";
import { pulledKey } from "#store/keys";
import { readCounter } from "#test/bench/review-reads";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
const reads = readCounter(handlersClient);

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const ingest = await api.token("ingest");
  const sent = await api.call("POST", "/v1/signals", {
    token: ingest,
    body: { signals: [signal({ productLineId: "pl-kettle" }), signal({ productLineId: "pl-milk" })] },
  });
  expect(sent.body).toMatchObject({ accepted: 2 });
});
afterAll(async () => runtime?.stop());

const itemsReadBy = async (path: string) => {
  reads.start();
  const answer = await api.call("GET", path, { token: cco });
  const tally = reads.stop();
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return tally;
};

/** Marks `count` other lines as pulled, as open notices do (one item each in the PULLED partition). */
const pullOtherLines = async (count: number) => {
  for (let start = 0; start < count; start += 25)
    await runtime.dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [runtime.tableName]: Array.from({ length: Math.min(25, count - start) }, (_, i) => ({
            PutRequest: {
              Item: {
                pk: { S: pulledKey(`pl-other-${start + i}`).pk },
                sk: { S: pulledKey(`pl-other-${start + i}`).sk },
                noticeId: { S: `n-other-${start + i}` },
              },
            },
          })),
        },
      }),
    );
};

it("reads a line's metrics in the same items however many other lines are pulled", async () => {
  const path = `/v1/product-lines/pl-kettle/metrics?period=${currentQuarter()}`;
  await api.call("GET", path, { token: cco }); // the catalog and policy caches, as a warm container has them
  const before = await itemsReadBy(path);
  await pullOtherLines(120);
  const after = await itemsReadBy(path);
  expect(after.items, JSON.stringify(after.byKind)).toBe(before.items);
});

it("reads the catalog once on a miss of the problem board's figures, which spans two periods", async () => {
  forgetCachedFigures();
  const tally = await itemsReadBy(`/v1/problems?period=${currentQuarter()}`);
  const catalogReads = Object.entries(tally.byKind).filter(([kind]) => kind.includes("CATALOG"));
  expect(catalogReads, JSON.stringify(tally.byKind)).toHaveLength(1);
  expect(catalogReads[0]?.[1].requests).toBe(1);
});
