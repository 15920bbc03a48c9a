import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import type { SQSRecord } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processSignalMessages } from "#app/process-signal-messages";
import { forgetCachedProductLines } from "#store/catalog-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
  process.env.HMAC_KEY = "unit-test-key";
  process.env.POWERTOOLS_LOG_LEVEL = "SILENT";
});
beforeEach(() => {
  forgetCachedProductLines();
  ddb.on(GetItemCommand).resolves({});
  ddb.on(BatchGetItemCommand).resolves({
    Responses: {
      unit: [{ id: { S: "pl-a" }, name: { S: "A" }, businessUnitId: { S: "bu" }, category: { S: "c" } }],
    },
  });
});
afterEach(() => ddb.reset());

const record = (messageId: string, body: string): SQSRecord =>
  ({
    messageId,
    body,
    receiptHandle: messageId,
    attributes: {},
    messageAttributes: {},
  }) as unknown as SQSRecord;
const eventBody = (detail: object) =>
  JSON.stringify({ "detail-type": "Satisfaction Signal", source: "s", detail });
const signal = (signalId: string, extra: object = {}) => ({
  signalId,
  productLineId: "pl-a",
  channel: "chat",
  kind: "csat",
  score: 2,
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  ...extra,
});

const records = [
  record("m-valid-1", eventBody(signal("a"))),
  record("m-malformed", "{oops"),
  record("m-wrong-type", JSON.stringify({ "detail-type": "Something Else", detail: signal("x") })),
  record("m-invalid", eventBody(signal("b", { score: 7 }))),
  record("m-valid-2", eventBody(signal("c"))),
];

describe("processSignalMessages", () => {
  it("reports only the unusable messages as batch item failures", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    const outcome = await processSignalMessages(records);
    expect(outcome.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      ["m-invalid", "m-malformed", "m-wrong-type"].sort(),
    );
    expect(outcome.accepted).toBe(2);
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("falls back to one message at a time when the batch write fails, failing only what still fails", async () => {
    // The grouped transaction fails; then "a" succeeds alone and "c" keeps failing.
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(new InternalServerError({ message: "blip", $metadata: {} }))
      .resolvesOnce({})
      .rejects(new InternalServerError({ message: "down", $metadata: {} }));
    const outcome = await processSignalMessages(records);
    expect(outcome.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      ["m-invalid", "m-malformed", "m-valid-2", "m-wrong-type"].sort(),
    );
    expect(outcome.accepted).toBe(1);
  });

  it("fails every message when DynamoDB is down, so SQS redelivers them all", async () => {
    ddb.on(TransactWriteItemsCommand).rejects(new InternalServerError({ message: "down", $metadata: {} }));
    const outcome = await processSignalMessages(records);
    expect(outcome.batchItemFailures).toHaveLength(records.length);
    expect(outcome.accepted).toBe(0);
  });
});
