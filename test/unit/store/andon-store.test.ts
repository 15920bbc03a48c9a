/**
 * The Andon store's AWS paths that DynamoDB Local does not make easy to provoke: the check's one
 * consistent batch read (its sums over shards, unprocessed keys, more line-days than one call
 * takes), which failed condition of a decision means what, colliding transactions told apart from
 * errors, items parsed on read, and queries that go on past a 1 MB page.
 */
import {
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  DynamoDBClient,
  InternalServerError,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Andon } from "#schemas/andon";
import { readRaisedAndonOf, readRaisedAndons } from "#store/andon-marks";
import {
  createAndon,
  readAndonChecks,
  readUnitAndons,
  writeConfirmation,
  writeDismissal,
  writeLink,
} from "#store/andon-store";
import type { StoredNotice } from "#store/notice-store";
import type { OutboxEvent } from "#store/outbox-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
});
afterEach(() => ddb.reset());

const andon = (overrides: Partial<Andon> = {}): Andon => ({
  id: "an-pl-a-2026-10-01",
  productLineId: "pl-a",
  businessUnitId: "bu-a",
  day: "2026-10-01",
  criticalCount: 2,
  threshold: 2,
  policyVersion: 1,
  status: "RAISED",
  version: 1,
  raisedAt: "2026-10-01T04:00:00.000Z",
  complaints: [],
  audit: [],
  ...overrides,
});
const notice = { id: "n-an-pl-a-2026-10-01", productLineId: "pl-a", version: 1 } as StoredNotice;
const event: OutboxEvent = {
  eventId: "an-pl-a-2026-10-01:raised",
  createdAt: "2026-10-01T04:00:00.000Z",
  detailType: "Andon Raised",
  detail: {},
};
const canceled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
const transaction = (i = 0) =>
  ddb.commandCalls(TransactWriteItemsCommand)[i]?.args[0].input as TransactWriteItemsCommandInput;
const item = (pk: string, sk: string, critical?: number) => ({
  pk: { S: pk },
  sk: { S: sk },
  ...(critical !== undefined ? { cCritical: { N: String(critical) } } : {}),
});

describe("readAndonChecks", () => {
  it("reads every shard of each line-day and its Andon's key in one consistent call, and sums the shards", async () => {
    ddb.on(BatchGetItemCommand).resolves({
      Responses: {
        unit: [
          item("ROLLUP#pl-a#0", "2026-10-01", 1),
          item("ROLLUP#pl-a#2", "2026-10-01", 2),
          item("ROLLUP#pl-a#1", "2026-09-30"), // no critical complaint that day on this shard
          item("ROLLUP#pl-b#0", "2026-10-01", 5),
          item("ANDON#an-pl-b-2026-10-01", "ANDON"),
        ],
      },
    });
    const { checks, requests } = await readAndonChecks([
      { productLineId: "pl-a", day: "2026-10-01" },
      { productLineId: "pl-a", day: "2026-09-30" },
      { productLineId: "pl-b", day: "2026-10-01" },
    ]);
    expect(checks).toEqual([
      { productLineId: "pl-a", day: "2026-10-01", critical: 3, raised: false },
      { productLineId: "pl-a", day: "2026-09-30", critical: 0, raised: false },
      { productLineId: "pl-b", day: "2026-10-01", critical: 5, raised: true },
    ]);
    expect(requests).toBe(1);
    const input = ddb.commandCalls(BatchGetItemCommand)[0]?.args[0].input as BatchGetItemCommandInput;
    const request = input.RequestItems?.unit;
    expect(request?.ConsistentRead).toBe(true);
    expect(request?.Keys).toHaveLength(15);
    expect(request?.Keys?.slice(0, 5)).toEqual([
      { pk: { S: "ROLLUP#pl-a#0" }, sk: { S: "2026-10-01" } },
      { pk: { S: "ROLLUP#pl-a#1" }, sk: { S: "2026-10-01" } },
      { pk: { S: "ROLLUP#pl-a#2" }, sk: { S: "2026-10-01" } },
      { pk: { S: "ROLLUP#pl-a#3" }, sk: { S: "2026-10-01" } },
      { pk: { S: "ANDON#an-pl-a-2026-10-01" }, sk: { S: "ANDON" } },
    ]);
    expect(Object.values(request?.ExpressionAttributeNames ?? {}).sort()).toEqual(["cCritical", "pk", "sk"]);
  });

  it("asks again for the keys DynamoDB leaves unprocessed, and takes 20 line-days a call", async () => {
    ddb
      .on(BatchGetItemCommand)
      .resolvesOnce({
        Responses: { unit: [] },
        UnprocessedKeys: { unit: { Keys: [{ pk: { S: "ROLLUP#pl-0#0" }, sk: { S: "2026-10-01" } }] } },
      })
      .resolves({ Responses: { unit: [item("ROLLUP#pl-0#0", "2026-10-01", 2)] } });
    const lineDays = Array.from({ length: 21 }, (_, i) => ({ productLineId: `pl-${i}`, day: "2026-10-01" }));
    const { checks, requests } = await readAndonChecks(lineDays);
    expect(checks[0]).toMatchObject({ productLineId: "pl-0", critical: 2 });
    expect(requests).toBe(2);
    const calls = ddb
      .commandCalls(BatchGetItemCommand)
      .map((c) => c.args[0].input.RequestItems?.unit?.Keys?.length);
    expect(calls).toEqual([100, 1, 5]);
    for (const call of ddb.commandCalls(BatchGetItemCommand))
      expect(call.args[0].input.RequestItems?.unit?.ConsistentRead).toBe(true);
  });
});

describe("createAndon", () => {
  it("puts the Andon if absent with its line's mark and its event, in one transaction", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    expect(await createAndon(andon(), event)).toBe(true);
    const [put, mark, outbox] = transaction().TransactItems ?? [];
    expect(put?.Put?.ConditionExpression).toBe("attribute_not_exists(pk)");
    expect(put?.Put?.Item).toMatchObject({
      pk: { S: "ANDON#an-pl-a-2026-10-01" },
      gsi1pk: { S: "ANDONS#bu-a#RAISED" },
      gsi1sk: { S: "2026-10-01T04:00:00.000Z#an-pl-a-2026-10-01" },
    });
    expect(mark?.Put?.Item).toMatchObject({
      pk: { S: "ANDON_RAISED" },
      sk: { S: "pl-a#2026-10-01" },
      andonId: { S: "an-pl-a-2026-10-01" },
    });
    expect(outbox?.Put?.Item?.pk?.S).toMatch(/^OUTBOX#/);
  });

  it("says false when it exists, tries again after a collision, and throws anything else", async () => {
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None", "None"]))
      .rejectsOnce(canceled(["TransactionConflict", "None", "None"]))
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None", "None"]))
      .rejectsOnce(canceled(["TransactionConflict", "None", "None"]))
      .rejectsOnce(canceled(["TransactionConflict", "None", "None"]))
      .rejectsOnce(canceled(["TransactionConflict", "None", "None"]))
      .rejectsOnce(new InternalServerError({ message: "boom", $metadata: {} }));
    expect(await createAndon(andon(), event)).toBe(false);
    // Collided, then found the other batch's Andon.
    expect(await createAndon(andon(), event)).toBe(false);
    // Collided three times: the caller's retry takes over.
    await expect(createAndon(andon(), event)).rejects.toThrow(TransactionCanceledException);
    await expect(createAndon(andon(), event)).rejects.toThrow("boom");
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(7);
  });
});

describe("decisions", () => {
  const dismissed = andon({ status: "DISMISSED", version: 2 });
  const confirmed = andon({ status: "CONFIRMED", version: 2, noticeId: notice.id });

  it("hold the Andon to the version seen and undecided, move it to its status's partition and remove its mark", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    expect(await writeDismissal(dismissed, 1)).toBe("dismissed");
    const [put, mark] = transaction().TransactItems ?? [];
    expect(put?.Put?.ConditionExpression).toBe("version = :seen AND #status = :raised");
    expect(put?.Put?.ExpressionAttributeValues).toEqual({ ":seen": { N: "1" }, ":raised": { S: "RAISED" } });
    expect(put?.Put?.Item?.gsi1pk).toEqual({ S: "ANDONS#bu-a#DISMISSED" });
    expect(mark?.Delete?.Key).toEqual({ pk: { S: "ANDON_RAISED" }, sk: { S: "pl-a#2026-10-01" } });
  });

  it("tell a lost race from a collision, and throw anything else", async () => {
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None"]))
      .rejectsOnce(canceled(["TransactionConflict", "None"]))
      .rejectsOnce(canceled(["ThrottlingError", "None"]));
    expect(await writeDismissal(dismissed, 1)).toBe("andon-changed");
    expect(await writeDismissal(dismissed, 1)).toBe("contended");
    await expect(writeDismissal(dismissed, 1)).rejects.toThrow(TransactionCanceledException);
  });

  it("confirm with the notice and the line's PULLED item if absent, and say which condition failed", async () => {
    ddb
      .on(TransactWriteItemsCommand)
      .resolvesOnce({})
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None", "None", "None", "None"]))
      .rejectsOnce(canceled(["None", "None", "None", "ConditionalCheckFailed", "None"]))
      .rejectsOnce(canceled(["None", "None", "ConditionalCheckFailed", "None", "None"]));
    expect(await writeConfirmation(confirmed, 1, notice, [event])).toBe("confirmed");
    const items = transaction().TransactItems ?? [];
    expect(items.map((i) => Object.keys(i)[0])).toEqual(["Put", "Delete", "Put", "Put", "Put"]);
    expect(items[2]?.Put?.Item?.pk).toEqual({ S: "NOTICE#n-an-pl-a-2026-10-01" });
    expect(items[3]?.Put).toMatchObject({
      Item: { pk: { S: "PULLED" }, sk: { S: "pl-a" } },
      ConditionExpression: "attribute_not_exists(pk)",
    });
    expect(await writeConfirmation(confirmed, 1, notice, [event])).toBe("andon-changed");
    expect(await writeConfirmation(confirmed, 1, notice, [event])).toBe("line-has-open-notice");
    await expect(writeConfirmation(confirmed, 1, notice, [event])).rejects.toThrow(/exists already/);
  });

  it("link to the open notice conditional on its version, and say which changed", async () => {
    ddb
      .on(TransactWriteItemsCommand)
      .resolvesOnce({})
      .rejectsOnce(canceled(["None", "None", "ConditionalCheckFailed"]))
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None", "ConditionalCheckFailed"]));
    const flagged = { ...notice, id: "n-2026-Q3-pl-a", version: 5 } as StoredNotice;
    expect(await writeLink(confirmed, 1, flagged, 4)).toBe("linked");
    const [, , put] = transaction().TransactItems ?? [];
    expect(put?.Put?.ConditionExpression).toBe("version = :seen");
    expect(put?.Put?.ExpressionAttributeValues).toEqual({ ":seen": { N: "4" } });
    expect(await writeLink(confirmed, 1, flagged, 4)).toBe("notice-changed");
    expect(await writeLink(confirmed, 1, flagged, 4)).toBe("andon-changed");
  });
});

describe("reads", () => {
  const doc = (a: Andon) => ({ doc: { S: JSON.stringify(a) }, gsi1sk: { S: `${a.raisedAt}#${a.id}` } });

  it("page a unit's Andons past 1 MB pages until the page is full, parsing each", async () => {
    const a = andon();
    const b = andon({ id: "an-pl-a-2026-09-30", day: "2026-09-30", raisedAt: "2026-09-30T04:00:00.000Z" });
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [doc(a)], LastEvaluatedKey: { pk: { S: "x" } } })
      .resolvesOnce({ Items: [doc(b)], LastEvaluatedKey: { pk: { S: "y" } } });
    const page = await readUnitAndons("bu-a", "RAISED", { limit: 2, before: "2026-10-02" });
    expect(page.map((p) => p.andon.id)).toEqual([a.id, b.id]);
    const first = ddb.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(first).toMatchObject({
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk AND gsi1sk < :before",
      ScanIndexForward: false,
      Limit: 2,
    });
    expect(ddb.commandCalls(QueryCommand)[1]?.args[0].input.Limit).toBe(1);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(2);
  });

  it("refuse an item that is not an Andon", async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ doc: { S: JSON.stringify({ id: "x" }) } }] });
    await expect(readUnitAndons("bu-a", "RAISED", { limit: 5 })).rejects.toThrow();
  });

  it("mark each line with its newest undecided Andon, over every page of marks", async () => {
    const mark = (line: string, day: string) => ({
      pk: { S: "ANDON_RAISED" },
      sk: { S: `${line}#${day}` },
      andonId: { S: `an-${line}-${day}` },
    });
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [mark("pl-a", "2026-09-30")], LastEvaluatedKey: { pk: { S: "x" } } })
      .resolvesOnce({ Items: [mark("pl-a", "2026-10-01"), mark("pl-b", "2026-10-01")] });
    expect(await readRaisedAndons()).toEqual(
      new Map([
        ["pl-a", "an-pl-a-2026-10-01"],
        ["pl-b", "an-pl-b-2026-10-01"],
      ]),
    );
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
  });

  it("read one line's marks by its prefix only", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    expect(await readRaisedAndonOf("pl-a")).toBeUndefined();
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": { S: "ANDON_RAISED" }, ":prefix": { S: "pl-a#" } },
    });
  });
});
