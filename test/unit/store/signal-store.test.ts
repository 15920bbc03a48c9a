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
  (input.TransactItems ?? []).filter((t) => t.Update?.Key?.pk?.S?.startsWith("ROLLUP#"));
const totalsOf = (input: TransactWriteItemsCommandInput) =>
  (input.TransactItems ?? []).filter((t) => t.Update?.Key?.pk?.S?.startsWith("TOTAL#"));
const counterOf = (
  update: NonNullable<TransactWriteItemsCommandInput["TransactItems"]>[number],
  name: string,
) => {
  const names = update.Update?.ExpressionAttributeNames ?? {};
  const alias = Object.keys(names).find((k) => names[k] === name);
  return alias ? update.Update?.ExpressionAttributeValues?.[`:${alias.slice(1)}`]?.N : undefined;
};

describe("planTransactions", () => {
  it.each([
    ["500 signals on 10 lines, one day", Array.from({ length: 500 }, (_, i) => stored(i)), 6],
    // Each signal then brings its own rollup, quarter total and year total: 4 items a signal.
    ["500 signals each on its own line", Array.from({ length: 500 }, (_, i) => stored(i, `pl-${i}`)), 20],
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
      const counterItems = new Set(
        group.flatMap((s) => [
          `R|${s.productLineId}|${s.day}`,
          `Q|${s.productLineId}|${s.day.slice(0, 4)}-Q${Math.ceil(Number(s.day.slice(5, 7)) / 3)}`,
          `Y|${s.productLineId}|${s.day.slice(0, 4)}`,
        ]),
      );
      expect(group.length + counterItems.size).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
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

  it("adds each line's quarter and year totals in the same transaction, one increment per line and period", async () => {
    // Prepare: pl-a on the last day of Q2 and two days of Q3, pl-b once in Q3.
    ddb.on(TransactWriteItemsCommand).resolves({});
    const signals = [
      stored(1, "pl-a", "2026-06-30"),
      stored(2, "pl-a", "2026-07-01"),
      stored(3, "pl-a", "2026-07-02"),
      stored(4, "pl-b", "2026-07-01"),
    ];

    // Act
    await writeSignals(signals, "ingest", 730);

    // Assess
    const [input] = inputs();
    const totals = totalsOf(input!).map((t) => ({
      line: t.Update?.ExpressionAttributeValues?.[":i0"]?.S,
      period: t.Update?.ExpressionAttributeValues?.[":i1"]?.S,
      n: counterOf(t, "n"),
      bucketed: /^TOTAL#20\d\d(-Q\d)?#\d+$/.test(t.Update?.Key?.pk?.S ?? ""),
    }));
    expect(totals).toEqual(
      expect.arrayContaining([
        { line: "pl-a", period: "2026-Q2", n: "1", bucketed: true },
        { line: "pl-a", period: "2026-Q3", n: "2", bucketed: true },
        { line: "pl-a", period: "2026", n: "3", bucketed: true },
        { line: "pl-b", period: "2026-Q3", n: "1", bucketed: true },
        { line: "pl-b", period: "2026", n: "1", bucketed: true },
      ]),
    );
    expect(totals).toHaveLength(5);
    expect(rollupsOf(input!)).toHaveLength(4);
  });

  it("writes no counters for quarantined signals", async () => {
    ddb.on(TransactWriteItemsCommand).resolves({});
    await writeSignals([stored(1, "pl-unknown")], "quarantine", 730);
    expect(inputs()[0]?.TransactItems?.filter((t) => t.Update)).toEqual([]);
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
