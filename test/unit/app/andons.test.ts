/**
 * The Andon use cases on paths the integration tests cannot time or count: what the ingest's check
 * costs (nothing without critical complaints, one consistent batch read otherwise, a transaction
 * only for an Andon actually raised), a retry made only of duplicates, a voice index that lags the
 * write, and confirmations racing the line's open notice or each other. DynamoDB is mocked;
 * everything else is real.
 */
import {
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decideAndon } from "#app/decide-andon";
import { ingestSignals } from "#app/ingest-signals";
import { forgetCachedFigures } from "#app/period-figures";
import { andonNotice, raiseAndon } from "#core/andon";
import type { Principal } from "#core/authorize";
import { ConflictError } from "#core/errors";
import { dayOf } from "#core/period";
import type { Andon } from "#schemas/andon";
import { DEFAULT_POLICY } from "#schemas/policy";
import { forgetCachedProductLines } from "#store/catalog-store";
import { forgetCachedPolicy } from "#store/policy-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
  process.env.HMAC_KEY = "unit-test-key";
});
beforeEach(() => {
  forgetCachedProductLines();
  forgetCachedPolicy();
  forgetCachedFigures();
  ddb.on(GetItemCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
});
afterEach(() => ddb.reset());

const cco: Principal = { sub: "c", roles: ["cco"], businessUnitIds: [] };
const lost = (codes: string[]) =>
  new TransactionCanceledException({
    message: "cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("the ingest's Andon check", () => {
  const lines = ["pl-0", "pl-1", "pl-2"];
  const catalogItems = lines.map((id) => ({
    id: { S: id },
    name: { S: id },
    businessUnitId: { S: "bu-a" },
    category: { S: "c" },
  }));
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
  const today = dayOf(hourAgo, "Asia/Shanghai");
  const signal = (i: number, extra: object = {}) => ({
    signalId: `s-${i}`,
    productLineId: lines[i % lines.length],
    channel: "hotline",
    kind: "complaint",
    severity: "critical",
    verbatim: `漏电 ${i}，电话 13812345678`,
    occurredAt: hourAgo,
    ...extra,
  });
  /** Catalog look-ups answer the lines; the check's read answers `rollups` (pk → cCritical). */
  const tableWith = (rollups: Record<string, number>, andons: string[] = []) =>
    ddb.on(BatchGetItemCommand).callsFake((input: BatchGetItemCommandInput) => {
      const keys = input.RequestItems?.unit?.Keys ?? [];
      if (keys[0]?.pk?.S === "CATALOG") return { Responses: { unit: catalogItems } };
      const found = keys.flatMap((key) => {
        const pk = key.pk?.S ?? "";
        if (pk in rollups) return [{ ...key, cCritical: { N: String(rollups[pk]) } }];
        return andons.includes(pk) ? [key] : [];
      });
      return { Responses: { unit: found } };
    });
  const checkReads = () =>
    ddb
      .commandCalls(BatchGetItemCommand)
      .map((c) => c.args[0].input.RequestItems?.unit)
      .filter((r) => r?.Keys?.[0]?.pk?.S !== "CATALOG");

  it("reads nothing for a batch without critical complaints", async () => {
    tableWith({});
    ddb.on(TransactWriteItemsCommand).resolves({});
    const batch = [
      signal(0, { kind: "csat", score: 1, severity: undefined }),
      signal(1, { severity: "major" }),
      signal(2, { severity: "minor" }),
    ];
    const result = await ingestSignals(batch);
    expect(result).toMatchObject({ accepted: 3, andonRequests: 0, andonsRaised: [] });
    expect(checkReads()).toEqual([]);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it("reads the batch's critical line-days in one consistent call, and writes nothing below the bar", async () => {
    tableWith({ "ROLLUP#pl-0#0": 1, "ROLLUP#pl-1#0": 1 });
    ddb.on(TransactWriteItemsCommand).resolves({});
    const result = await ingestSignals([signal(0), signal(1), signal(2, { severity: "major" })]);
    expect(result).toMatchObject({ accepted: 3, andonRequests: 1, andonsRaised: [] });
    const [read, ...more] = checkReads();
    expect(more).toEqual([]);
    expect(read?.ConsistentRead).toBe(true);
    expect(read?.Keys?.map((k) => k.pk?.S)).toEqual([
      "ROLLUP#pl-0#0",
      "ROLLUP#pl-0#1",
      "ROLLUP#pl-0#2",
      "ROLLUP#pl-0#3",
      `ANDON#an-pl-0-${today}`,
      "ROLLUP#pl-1#0",
      "ROLLUP#pl-1#1",
      "ROLLUP#pl-1#2",
      "ROLLUP#pl-1#3",
      `ANDON#an-pl-1-${today}`,
    ]);
    // The signals' one transaction, nothing more.
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("raises at the bar over all shards, quoting the batch's own complaints when the index lags", async () => {
    tableWith({ "ROLLUP#pl-0#0": 1, "ROLLUP#pl-0#3": 1 });
    ddb.on(TransactWriteItemsCommand).resolves({});
    const result = await ingestSignals([signal(0)]);
    expect(result.andonsRaised).toEqual([`an-pl-0-${today}`]);
    const [, raise] = ddb
      .commandCalls(TransactWriteItemsCommand)
      .map((c) => c.args[0].input.TransactItems ?? []);
    const andon = JSON.parse(raise?.[0]?.Put?.Item?.doc?.S ?? "{}") as Andon;
    expect(andon).toMatchObject({
      id: `an-pl-0-${today}`,
      businessUnitId: "bu-a",
      criticalCount: 2,
      status: "RAISED",
    });
    expect(andon.complaints).toEqual([
      expect.objectContaining({ signalId: "s-0", text: "漏电 0，电话 [PHONE]" }),
    ]);
    expect(raise?.[2]?.Put?.Item?.detailType).toEqual({ S: "Andon Raised" });
    // The day's critical voices were asked for, one short range.
    const voices = ddb.commandCalls(QueryCommand).find((c) => c.args[0].input.IndexName === "gsi1");
    expect(voices?.args[0].input.ExpressionAttributeValues?.[":pk"]).toEqual({ S: "VOICE#pl-0" });
    expect(voices?.args[0].input.Limit).toBe(10);
  });

  it("still raises on a retry whose signals are all duplicates (the first try died before its check)", async () => {
    tableWith({ "ROLLUP#pl-0#0": 2 });
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(lost(["ConditionalCheckFailed", "ConditionalCheckFailed", "None", "None", "None"]))
      .resolves({});
    const result = await ingestSignals([signal(0), signal(3)]);
    expect(result).toMatchObject({ accepted: 0, duplicates: 2, andonsRaised: [`an-pl-0-${today}`] });
  });

  it("raises nothing when the Andon exists, or another batch stores it first", async () => {
    tableWith({ "ROLLUP#pl-0#0": 3, "ROLLUP#pl-1#0": 2 }, [`ANDON#an-pl-0-${today}`]);
    ddb
      .on(TransactWriteItemsCommand)
      .resolvesOnce({})
      .rejects(lost(["ConditionalCheckFailed", "None", "None"]));
    const result = await ingestSignals([signal(0), signal(1)]);
    expect(result.andonsRaised).toEqual([]);
    // The signals, and one try at pl-1's Andon, which another batch had stored.
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(2);
  });

  it("raises for the day the complaints are of, however late they arrive", async () => {
    const old = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const day = dayOf(old, "Asia/Shanghai");
    tableWith({ "ROLLUP#pl-0#0": 2 });
    ddb.on(TransactWriteItemsCommand).resolves({});
    const result = await ingestSignals([signal(0, { occurredAt: old }), signal(3, { occurredAt: old })]);
    expect(result).toMatchObject({ accepted: 2, andonsRaised: [`an-pl-0-${day}`] });
  });
});

describe("decideAndon", () => {
  const now = new Date("2026-10-02T06:00:00.000Z");
  const raised = raiseAndon({
    productLineId: "pl-a",
    day: "2026-10-01",
    businessUnitId: "bu-a",
    criticalCount: 2,
    complaints: [],
    policy: DEFAULT_POLICY,
    now: new Date("2026-10-01T06:00:00.000Z"),
  });
  const bar = { value: 0.2, absolute: 0.2, relative: 0, pooledRate: 0, from: "absolute" as const };
  const open = {
    ...andonNotice(raised, { policy: DEFAULT_POLICY, dayCounts: {}, bar, actor: "c", now }),
    id: "n-2026-Q3-pl-a",
    source: "review" as const,
    quarter: "2026-Q3",
  };
  const onKey = (pk: string, sk: string) => ddb.on(GetItemCommand, { Key: { pk: { S: pk }, sk: { S: sk } } });
  const doc = (value: object) => ({ Item: { doc: { S: JSON.stringify(value) } } });
  const onAndon = () => onKey(`ANDON#${raised.id}`, "ANDON");
  const onPulled = () => onKey("PULLED", "pl-a");

  it("records the Andon on the notice the line got while it was being confirmed", async () => {
    onAndon().resolves(doc(raised));
    onPulled()
      .resolvesOnce({})
      .resolves({ Item: { noticeId: { S: open.id } } });
    onKey(`NOTICE#${open.id}`, "NOTICE").resolves(doc(open));
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(lost(["None", "None", "None", "ConditionalCheckFailed", "None", "None"]))
      .resolves({});
    const confirmed = await decideAndon(raised.id, { action: "confirm", version: 1 }, cco, now);
    expect(confirmed).toMatchObject({ status: "CONFIRMED", noticeId: open.id, linked: true, version: 2 });
    const link = ddb.commandCalls(TransactWriteItemsCommand)[1]?.args[0].input.TransactItems ?? [];
    expect(link).toHaveLength(3);
    const flagged = JSON.parse(link[2]?.Put?.Item?.doc?.S ?? "{}");
    expect(flagged.flags).toEqual([expect.objectContaining({ andonId: raised.id, quarter: "2026-Q4" })]);
  });

  it("issues its own notice when the line's open notice closed between two reads", async () => {
    onAndon().resolves(doc(raised));
    onPulled()
      .resolvesOnce({ Item: { noticeId: { S: open.id } } })
      .resolves({});
    ddb.on(TransactWriteItemsCommand).resolves({});
    const confirmed = await decideAndon(raised.id, { action: "confirm", version: 1 }, cco, now);
    expect(confirmed).toMatchObject({ status: "CONFIRMED", noticeId: `n-${raised.id}` });
    expect(confirmed.linked).toBeUndefined();
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("tells the loser of two colliding confirmations that the Andon was decided (409)", async () => {
    const won = { ...raised, status: "CONFIRMED", version: 2, decidedBy: "c2", decidedAt: now.toISOString() };
    onAndon().resolvesOnce(doc(raised)).resolves(doc(won));
    ddb
      .on(TransactWriteItemsCommand)
      .rejects(lost(["TransactionConflict", "None", "None", "None", "None", "None"]));
    const attempt = decideAndon(raised.id, { action: "confirm", version: 1 }, cco, now);
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(/already confirmed by c2/);
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("is a 409 when someone decided it between the read and the write", async () => {
    onAndon().resolves(doc(raised));
    ddb.on(TransactWriteItemsCommand).rejects(lost(["ConditionalCheckFailed", "None"]));
    await expect(
      decideAndon(raised.id, { action: "dismiss", comment: "Test", version: 1 }, cco, now),
    ).rejects.toThrow(/decided it first/);
  });
});
