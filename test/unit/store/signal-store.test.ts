import {
  DynamoDBClient,
  InternalServerError,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StoredSignal } from "#schemas/signal";
import { MAX_TRANSACTION_ITEMS, planTransactions, writeSignals } from "#store/signal-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
});
afterEach(() => ddb.reset());

const stored = (i: number, line = `pl-${i % 10}`, day = "2026-07-01"): StoredSignal => ({
  signalId: `s-${i}`,
  productLineId: line,
  channel: "app",
  kind: "csat",
  score: i % 2 ? 1 : 5,
  occurredAt: `${day}T10:00:00+08:00`,
  day,
  negative: i % 2 === 1,
  receivedAt: "2026-07-01T03:00:00.000Z",
});

const canceled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

const inputs = () =>
  ddb.commandCalls(TransactWriteItemsCommand).map((c) => c.args[0].input as TransactWriteItemsCommandInput);
const signalIdsOf = (input: TransactWriteItemsCommandInput) =>
  (input.TransactItems ?? []).flatMap((t) => (t.Put?.Item?.signalId?.S ? [t.Put.Item.signalId.S] : []));
const rollupsOf = (input: TransactWriteItemsCommandInput) =>
  (input.TransactItems ?? []).filter((t) => t.Update);

describe("planTransactions", () => {
  it.each([
    ["500 signals on 10 lines, one day", Array.from({ length: 500 }, (_, i) => stored(i)), 6],
    ["500 signals each on its own line", Array.from({ length: 500 }, (_, i) => stored(i, `pl-${i}`)), 10],
    [
      "500 signals on one line over 100 days",
      Array.from({ length: 500 }, (_, i) => stored(i, "pl-x", `2026-0${1 + (i % 5)}-1${i % 10}`)),
      6,
    ],
  ])("packs %s into at most %i transactions of ≤ 100 items", (_what, signals, maxGroups) => {
    const groups = planTransactions(signals, true);
    expect(groups.length).toBeLessThanOrEqual(maxGroups);
    expect(
      groups
        .flat()
        .map((s) => s.signalId)
        .sort(),
    ).toEqual(signals.map((s) => s.signalId).sort());
    for (const group of groups) {
      const lineDays = new Set(group.map((s) => `${s.productLineId}|${s.day}`));
      expect(group.length + lineDays.size).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    }
  });
});

describe("writeSignals", () => {
  it("aggregates one rollup increment per line and day in a transaction", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    const outcome = await writeSignals(
      [stored(1, "pl-a"), stored(2, "pl-a"), stored(3, "pl-b")],
      "ingest",
      730,
    );
    expect(outcome).toMatchObject({ written: ["s-1", "s-2", "s-3"], duplicates: [], requests: 1 });
    const [input] = inputs();
    const rollups = rollupsOf(input!);
    expect(rollups).toHaveLength(2);
    const a = rollups.find((r) => r.Update?.Key?.pk?.S?.startsWith("ROLLUP#pl-a#"))!;
    const values = a.Update!.ExpressionAttributeValues!;
    const names = a.Update!.ExpressionAttributeNames!;
    const counter = (name: string) => {
      const alias = Object.keys(names).find((k) => names[k] === name)!;
      return values[`:${alias.slice(1)}`]?.N;
    };
    expect([counter("n"), counter("neg"), counter("csatN"), counter("csatSum")]).toEqual([
      "2",
      "1",
      "2",
      "6",
    ]);
    expect(input!.ClientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("drops the duplicates a cancelled transaction names and commits the rest without their counts", async () => {
    // Prepare: s-1 and s-3 already exist.
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(canceled(["ConditionalCheckFailed", "None", "ConditionalCheckFailed", "None", "None"]))
      .resolves({});
    const signals = [stored(1, "pl-a"), stored(2, "pl-a"), stored(3, "pl-a"), stored(4, "pl-a")];

    // Act
    const outcome = await writeSignals(signals, "ingest", 730);

    // Assess
    expect(outcome.written.sort()).toEqual(["s-2", "s-4"]);
    expect(outcome.duplicates.sort()).toEqual(["s-1", "s-3"]);
    expect(outcome.requests).toBe(2);
    const retry = inputs()[1]!;
    expect(signalIdsOf(retry).sort()).toEqual(["s-2", "s-4"]);
    const names = rollupsOf(retry)[0]!.Update!.ExpressionAttributeNames!;
    const alias = Object.keys(names).find((k) => names[k] === "n")!;
    expect(rollupsOf(retry)[0]!.Update!.ExpressionAttributeValues![`:${alias.slice(1)}`]?.N).toBe("2");
  });

  it.each(["ThrottlingError", "TransactionConflict", "ProvisionedThroughputExceeded"])(
    "retries a transaction cancelled by %s on another shard, then counts every signal",
    async (code) => {
      ddb
        .on(TransactWriteItemsCommand)
        .rejectsOnce(canceled(["None", code, "None"]))
        .resolves({});
      const outcome = await writeSignals([stored(1, "pl-a"), stored(2, "pl-a")], "ingest", 730);
      expect(outcome).toMatchObject({ written: ["s-1", "s-2"], duplicates: [], requests: 2 });
      const [first, second] = inputs().map((i) => rollupsOf(i)[0]!.Update!.Key!.pk!.S);
      expect(first).not.toBe(second);
    },
  );

  it("gives up after repeated conflicts instead of looping", async () => {
    ddb.on(TransactWriteItemsCommand).rejects(canceled(["None", "TransactionConflict"]));
    await expect(writeSignals([stored(1)], "ingest", 730)).rejects.toThrow(/still contended/);
  });

  it.each([
    ["a cancellation for a malformed request", canceled(["ValidationError", "None"])],
    ["a service error", new InternalServerError({ message: "boom", $metadata: {} })],
  ])("surfaces %s", async (_what, error) => {
    ddb.on(TransactWriteItemsCommand).rejects(error);
    await expect(writeSignals([stored(1)], "ingest", 730)).rejects.toBe(error);
  });

  it("writes quarantined signals without rollups and with the quarantine index key", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    await writeSignals([stored(1, "pl-unknown")], "quarantine", 730);
    const [input] = inputs();
    expect(rollupsOf(input!)).toHaveLength(0);
    expect(input!.TransactItems![0]!.Put!.Item!).toMatchObject({
      state: { S: "QUARANTINED" },
      gsi1pk: { S: "QUARANTINE" },
    });
  });
});
