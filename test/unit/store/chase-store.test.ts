/**
 * The chase store's AWS paths that DynamoDB Local does not make easy to provoke: which failed
 * condition means what, errors that must not be mistaken for a lost race, items parsed on read,
 * queries that go on past a 1 MB page, and the key range the daily job reads.
 */
import {
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  QueryCommand,
  type QueryCommandInput,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StoredChase } from "#schemas/chase";
import {
  createChase,
  readChase,
  readOverdueOpenChases,
  readUnitChases,
  writeAnswer,
  writeEscalation,
} from "#store/chase-store";
import type { OutboxEvent } from "#store/outbox-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
});
afterEach(() => ddb.reset());

const chase = (overrides: Partial<StoredChase> = {}): StoredChase => ({
  id: "ch-1",
  signalId: "s-1",
  productLineId: "pl-a",
  businessUnitId: "bu-a",
  status: "OPEN",
  version: 1,
  question: "Why?",
  raisedAt: "2026-10-02T00:00:00.000Z",
  raisedBy: { sub: "e", role: "executive" },
  dueAt: "2026-10-05T00:00:00.000Z",
  answerDays: 3,
  policyVersion: 1,
  voice: {
    signalId: "s-1",
    productLineId: "pl-a",
    channel: "app",
    kind: "csat",
    score: 1,
    occurredAt: "2026-10-01T00:00:00.000Z",
  },
  audit: [],
  ...overrides,
});
const event: OutboxEvent = {
  eventId: "ch-1:x",
  createdAt: "2026-10-06T00:00:00.000Z",
  detailType: "Chase Overdue",
  detail: {},
};

const canceled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const transaction = () =>
  ddb.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input as TransactWriteItemsCommandInput;

describe("createChase", () => {
  it("writes the chase if absent, its open item by due date and its events, in one transaction", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    expect(await createChase(chase(), [event])).toBe(true);
    const items = transaction().TransactItems ?? [];
    expect(items).toHaveLength(3);
    expect(items[0]?.Put?.ConditionExpression).toBe("attribute_not_exists(pk)");
    expect(items[0]?.Put?.Item).toMatchObject({
      pk: { S: "CHASE#ch-1" },
      gsi1pk: { S: "CHASES#bu-a#OPEN" },
      gsi1sk: { S: "2026-10-02T00:00:00.000Z#ch-1" },
    });
    expect(items[1]?.Put?.Item).toMatchObject({
      pk: { S: "OPEN_CHASES" },
      sk: { S: "2026-10-05T00:00:00.000Z#ch-1" },
    });
    expect(items[2]?.Put?.Item?.pk?.S).toMatch(/^OUTBOX#/);
  });

  it("says false when the chase exists, and throws anything else", async () => {
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None", "None"]))
      .rejectsOnce(canceled(["None", "TransactionConflict", "None"]))
      .rejectsOnce(new InternalServerError({ message: "boom", $metadata: {} }));
    expect(await createChase(chase(), [event])).toBe(false);
    await expect(createChase(chase(), [event])).rejects.toThrow(TransactionCanceledException);
    await expect(createChase(chase(), [event])).rejects.toThrow("boom");
  });
});

describe("writeAnswer", () => {
  it("moves the chase to the answered index partition, conditional on the version seen, and closes it", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    expect(await writeAnswer(chase({ status: "ANSWERED", version: 2 }), 1)).toBe(true);
    const [put, del] = transaction().TransactItems ?? [];
    expect(put?.Put?.ConditionExpression).toBe("version = :seen");
    expect(put?.Put?.ExpressionAttributeValues).toEqual({ ":seen": { N: "1" } });
    expect(put?.Put?.Item?.gsi1pk).toEqual({ S: "CHASES#bu-a#ANSWERED" });
    expect(del?.Delete?.Key).toEqual({
      pk: { S: "OPEN_CHASES" },
      sk: { S: "2026-10-05T00:00:00.000Z#ch-1" },
    });
  });

  it("says false when another change came first, and throws anything else", async () => {
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None"]))
      .rejectsOnce(canceled(["ThrottlingError", "None"]));
    expect(await writeAnswer(chase({ status: "ANSWERED", version: 2 }), 1)).toBe(false);
    await expect(writeAnswer(chase({ status: "ANSWERED", version: 2 }), 1)).rejects.toThrow(
      TransactionCanceledException,
    );
  });
});

describe("writeEscalation", () => {
  const escalated = chase({ version: 2, escalatedAt: "2026-10-06T00:00:00.000Z" });

  it("holds the chase to open, never escalated and at the version seen; marks its open item; queues the event", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    expect(await writeEscalation(escalated, 1, event)).toBe(true);
    const [put, open, outbox] = transaction().TransactItems ?? [];
    expect(put?.Put?.ConditionExpression).toBe(
      "version = :seen AND #status = :open AND attribute_not_exists(escalatedAt)",
    );
    expect(put?.Put?.Item?.escalatedAt).toEqual({ S: "2026-10-06T00:00:00.000Z" });
    expect(open?.Put?.ConditionExpression).toBe("attribute_exists(pk)");
    expect(open?.Put?.Item?.escalatedAt).toEqual({ S: "2026-10-06T00:00:00.000Z" });
    expect(outbox?.Put?.Item?.detailType).toEqual({ S: "Chase Overdue" });
  });

  it.each([
    ["the chase changed", ["ConditionalCheckFailed", "None", "None"]],
    ["the chase was answered (its open item is gone)", ["None", "ConditionalCheckFailed", "None"]],
  ])("says false when %s", async (_what, codes) => {
    ddb.on(TransactWriteItemsCommand).rejectsOnce(canceled(codes));
    expect(await writeEscalation(escalated, 1, event)).toBe(false);
  });

  it("throws when DynamoDB fails otherwise", async () => {
    ddb.on(TransactWriteItemsCommand).rejectsOnce(canceled(["None", "None", "ValidationError"]));
    await expect(writeEscalation(escalated, 1, event)).rejects.toThrow(TransactionCanceledException);
  });
});

describe("reading", () => {
  it("parses a chase with its schema: a damaged document fails loudly", async () => {
    ddb.on(GetItemCommand).resolves({ Item: { doc: { S: JSON.stringify({ ...chase(), status: "LOST" }) } } });
    await expect(readChase("ch-1")).rejects.toThrow();
    ddb.on(GetItemCommand).resolves({});
    expect(await readChase("ch-1")).toBeUndefined();
  });

  it("reads a unit's chases on past a 1 MB page until the page is full", async () => {
    const item = (id: string) => ({
      doc: { S: JSON.stringify(chase({ id })) },
      gsi1sk: { S: `2026-10-02T00:00:00.000Z#${id}` },
    });
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [item("c3")], LastEvaluatedKey: { pk: { S: "x" } } })
      .resolvesOnce({ Items: [item("c2"), item("c1")] });
    const page = await readUnitChases("bu-a", "OPEN", { limit: 3, before: "2026-10-03" });
    expect(page.map((p) => p.chase.id)).toEqual(["c3", "c2", "c1"]);
    const inputs = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input as QueryCommandInput);
    expect(inputs.map((i) => i.Limit)).toEqual([3, 2]);
    expect(inputs[0]).toMatchObject({
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk AND gsi1sk < :before",
      ScanIndexForward: false,
    });
    expect(inputs[1]?.ExclusiveStartKey).toEqual({ pk: { S: "x" } });
  });

  it("reads the overdue open chases as one key range below now, page after page", async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ chaseId: { S: "a" }, businessUnitId: { S: "bu-a" }, dueAt: { S: "d1" } }],
        LastEvaluatedKey: { pk: { S: "OPEN_CHASES" } },
      })
      .resolvesOnce({
        Items: [
          { chaseId: { S: "b" }, businessUnitId: { S: "bu-b" }, dueAt: { S: "d2" }, escalatedAt: { S: "e" } },
        ],
      });
    const now = new Date("2026-10-06T00:00:00.000Z");
    expect(await readOverdueOpenChases(now)).toEqual([
      { chaseId: "a", businessUnitId: "bu-a", dueAt: "d1" },
      { chaseId: "b", businessUnitId: "bu-b", dueAt: "d2", escalatedAt: "e" },
    ]);
    const input = ddb.commandCalls(QueryCommand)[0]?.args[0].input as QueryCommandInput;
    expect(input.KeyConditionExpression).toBe("pk = :pk AND sk < :now");
    expect(input.ExpressionAttributeValues?.[":now"]).toEqual({ S: now.toISOString() });
  });
});
