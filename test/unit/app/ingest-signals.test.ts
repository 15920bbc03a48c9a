import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { ingestSignals } from "#app/ingest-signals";
import { forgetCachedProductLines } from "#store/catalog-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
  process.env.HMAC_KEY = "unit-test-key";
});
beforeEach(() => forgetCachedProductLines());
afterEach(() => ddb.reset());

const lines = Array.from({ length: 50 }, (_, i) => `pl-${i}`);

it.each([
  ["over 50 lines in one day", (i: number) => new Date(Date.now() - 60_000 - i * 1000)],
  ["over 50 lines and 7 days", (i: number) => new Date(Date.now() - 60_000 - (i % 7) * 86_400_000)],
])("ingests a 500-signal batch %s within 30 DynamoDB requests in all", async (_what, when) => {
  // Prepare: every line is in the catalog (one BatchGetItem of 50 keys).
  ddb.on(GetItemCommand).resolves({});
  ddb.on(BatchGetItemCommand).resolves({
    Responses: {
      unit: lines.map((id) => ({
        id: { S: id },
        name: { S: id },
        businessUnitId: { S: "bu" },
        category: { S: "c" },
      })),
    },
  });
  ddb.on(TransactWriteItemsCommand).resolves({});
  const batch = Array.from({ length: 500 }, (_, i) => ({
    signalId: `b-${i}`,
    productLineId: lines[i % 50],
    channel: "app",
    kind: "review",
    score: 1 + (i % 5),
    occurredAt: when(i).toISOString(),
  }));

  // Act
  const result = await ingestSignals(batch);

  // Assess
  expect(result).toMatchObject({ accepted: 500, duplicates: 0, quarantined: 0, rejected: [] });
  expect(ddb.calls().length).toBeLessThanOrEqual(30);
});

it("retries catalog keys DynamoDB leaves unprocessed", async () => {
  ddb.on(GetItemCommand).resolves({});
  const item = { id: { S: "pl-0" }, name: { S: "x" }, businessUnitId: { S: "bu" }, category: { S: "c" } };
  ddb
    .on(BatchGetItemCommand)
    .resolvesOnce({
      Responses: { unit: [] },
      UnprocessedKeys: { unit: { Keys: [{ pk: { S: "CATALOG" }, sk: { S: "PL#pl-0" } }] } },
    })
    .resolves({ Responses: { unit: [item] } });
  ddb.on(TransactWriteItemsCommand).resolves({});
  const result = await ingestSignals([
    {
      signalId: "u-1",
      productLineId: "pl-0",
      channel: "app",
      kind: "nps",
      score: 3,
      occurredAt: new Date().toISOString(),
    },
  ]);
  expect(result).toMatchObject({ accepted: 1, quarantined: 0 });
  expect(ddb.commandCalls(BatchGetItemCommand)).toHaveLength(2);
});
