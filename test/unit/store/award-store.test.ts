/**
 * The award store's paths that DynamoDB Local cannot be made to take on cue: a head replaced between
 * reading it and reading its parts, a final head appearing between the read and the write, the SDK
 * retrying a write whose answer was lost, and errors that are not a lost race.
 */
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Awards } from "#schemas/award";
import { type Item, toItem } from "#store/attributes";
import { readAwards, storeAwards } from "#store/award-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
});
afterEach(() => ddb.reset());

const awards = (computedBy: string, finalized = false): Awards => ({
  period: "2025",
  policyVersion: 1,
  finalized,
  red: [],
  rotten: [],
  pooledRate: 0.1,
  lines: 1,
  eligible: 1,
  minSample: 100,
  priorStrength: 50,
  count: 3,
  perList: 0,
  ranked: [
    {
      rank: 1,
      productLineId: "pl-a",
      businessUnitId: "bu-a",
      n: 100,
      negatives: 10,
      negativeRate: 0.1,
      shrunkRate: 0.1,
    },
  ],
  computedAt: "2026-01-01T00:00:00.000Z",
  computedBy,
  ...(finalized ? { finalizedAt: "2026-01-01T00:00:00.000Z" } : {}),
});

/** A stored head of `doc` whose run `runId` has one part, holding `doc`'s ranked lines. */
const stored = (doc: Awards, runId: string) => {
  const { red: _r, rotten: _o, ranked, ...rest } = doc;
  return {
    head: toItem({
      pk: "AWARDS#2025",
      sk: "HEAD",
      doc: JSON.stringify(rest),
      runId,
      parts: 1,
      finalized: doc.finalized,
    }),
    part: toItem({ pk: "AWARDS#2025", sk: `P#${runId}#0000`, of: "ranked", doc: JSON.stringify(ranked) }),
  };
};

/** Queries for a run's parts answer `parts[runId]` (absent: none). */
const partsByRun = (parts: Record<string, Item[]>) =>
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const prefix = input.ExpressionAttributeValues?.[":prefix"]?.S ?? "";
    return { Items: parts[prefix.split("#")[1] ?? ""] ?? [] };
  });

const canceled = () =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: [{ Code: "ConditionalCheckFailed" }, { Code: "None" }],
  });

const event = {
  eventId: "awards:2025:published",
  createdAt: "2026-01-01T00:00:00.000Z",
  detailType: "Awards Published" as const,
  detail: {},
};

describe("readAwards", () => {
  it("reads the newer head when the parts of the one it read were replaced meanwhile", async () => {
    const old = stored(awards("old"), "run-old");
    const newer = stored(awards("newer"), "run-new");
    ddb.on(GetItemCommand).resolvesOnce({ Item: old.head }).resolves({ Item: newer.head });
    partsByRun({ "run-new": [newer.part] });
    expect(await readAwards("2025")).toEqual(awards("newer"));
  });

  it("refuses awards whose parts are missing when no newer head explains it", async () => {
    const old = stored(awards("old"), "run-old");
    ddb.on(GetItemCommand).resolves({ Item: old.head });
    partsByRun({});
    await expect(readAwards("2025")).rejects.toThrow(/AWARDS#2025 \(run run-old\) have 0 of their 1 parts/);
  });
});

describe("storeAwards", () => {
  it("answers the final awards that appeared between its read and its write, and drops its own parts", async () => {
    const winner = stored(awards("winner", true), "run-winner");
    ddb.on(BatchWriteItemCommand).resolves({});
    ddb.on(GetItemCommand).resolvesOnce({}).resolves({ Item: winner.head });
    ddb.on(TransactWriteItemsCommand).rejects(canceled());
    partsByRun({ "run-winner": [winner.part] });

    const outcome = await storeAwards(awards("loser", true), event);

    expect(outcome).toEqual({ outcome: "already-final", awards: awards("winner", true) });
    const [put, drop] = ddb
      .commandCalls(BatchWriteItemCommand)
      .map((c) => (c.args[0].input as BatchWriteItemCommandInput).RequestItems?.unit ?? []);
    const ownPart = put?.[0]?.PutRequest?.Item?.sk?.S;
    expect(ownPart).toMatch(/^P#.+#0000$/);
    expect(drop?.map((r) => r.DeleteRequest?.Key?.sk?.S)).toEqual([ownPart]);
  });

  it("takes a write whose answer was lost (the head it finds is its own) as done", async () => {
    ddb.on(BatchWriteItemCommand).resolves({});
    let written: Item | undefined;
    ddb.on(GetItemCommand).callsFake(() => ({ Item: written }));
    ddb.on(TransactWriteItemsCommand).callsFake((input) => {
      // The write lands, but the SDK's retry of it fails on its own condition.
      written = input.TransactItems[0].Put.Item;
      throw canceled();
    });

    const outcome = await storeAwards(awards("mine", true), event);

    expect(outcome).toEqual({ outcome: "stored", awards: awards("mine", true) });
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("writes over a preview only if it is still the one read, and tries again when it moved", async () => {
    const first = stored(awards("first"), "run-1");
    const second = stored(awards("second"), "run-2");
    ddb.on(BatchWriteItemCommand).resolves({});
    ddb.on(GetItemCommand).resolvesOnce({ Item: first.head }).resolves({ Item: second.head });
    const conditional = Object.assign(new Error("The conditional request failed"), {
      name: "ConditionalCheckFailedException",
    });
    const puts: Record<string, unknown>[] = [];
    ddb.on(TransactWriteItemsCommand).rejects(new Error("previews are not transactions"));
    ddb.on(PutItemCommand).callsFake((input) => {
      puts.push(input.ExpressionAttributeValues);
      if (puts.length === 1) throw conditional;
      return {};
    });

    expect(await storeAwards(awards("third"))).toEqual({ outcome: "stored", awards: awards("third") });
    expect(puts).toEqual([
      { ":seen": { S: "run-1" }, ":no": { BOOL: false } },
      { ":seen": { S: "run-2" }, ":no": { BOOL: false } },
    ]);
    // The replaced preview's parts go; the one that was replaced before it is not this run's to drop.
    const deleted = ddb
      .commandCalls(BatchWriteItemCommand)
      .flatMap((c) => (c.args[0].input as BatchWriteItemCommandInput).RequestItems?.unit ?? [])
      .flatMap((r) => (r.DeleteRequest?.Key?.sk?.S ? [r.DeleteRequest.Key.sk.S] : []));
    expect(deleted).toEqual(["P#run-2#0000"]);
  });

  it("fails on an error that is not a lost race", async () => {
    ddb.on(BatchWriteItemCommand).resolves({});
    ddb.on(GetItemCommand).resolves({});
    ddb.on(TransactWriteItemsCommand).rejects(new InternalServerError({ message: "boom", $metadata: {} }));
    await expect(storeAwards(awards("x", true), event)).rejects.toThrow(/boom/);
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });
});
