/**
 * The chase use cases on paths the integration tests cannot time: a retried raise that finds its
 * chase stored, an answer racing the daily job's escalation, a job run losing its race to another,
 * and the 404/409 of a voice that cannot be chased. DynamoDB is mocked; everything else is real.
 */
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerChase } from "#app/answer-chase";
import { escalateOverdueChases } from "#app/escalate-overdue-chases";
import { raiseChase } from "#app/raise-chase";
import type { Principal } from "#core/authorize";
import { escalate, raise } from "#core/chase";
import { ConflictError, NotFoundError } from "#core/errors";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { StoredSignal } from "#schemas/signal";
import { forgetCachedProductLines } from "#store/catalog-store";
import { forgetCachedPolicy } from "#store/policy-store";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
});
beforeEach(() => {
  forgetCachedProductLines();
  forgetCachedPolicy();
  ddb.on(GetItemCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
});
afterEach(() => ddb.reset());

const executive: Principal = { sub: "e", roles: ["executive"], businessUnitIds: [] };
const head: Principal = { sub: "h", roles: ["bu-head"], businessUnitIds: ["bu-a"] };
const raisedAt = new Date("2026-10-02T00:00:00.000Z");
const signal: StoredSignal = {
  signalId: "s-1",
  productLineId: "pl-a",
  channel: "app",
  kind: "csat",
  score: 1,
  verbatim: "太差了",
  customerPseudonym: "pseudo",
  occurredAt: "2026-10-01T00:00:00.000Z",
  day: "2026-10-01",
  negative: true,
  receivedAt: "2026-10-01T00:00:01.000Z",
};
const signalItem = (state: string) => ({
  pk: { S: "SIG#s-1" },
  sk: { S: "SIG" },
  state: { S: state },
  signalId: { S: "s-1" },
  productLineId: { S: "pl-a" },
  channel: { S: "app" },
  kind: { S: "csat" },
  score: { N: "1" },
  verbatim: { S: "太差了" },
  customerPseudonym: { S: "pseudo" },
  occurredAt: { S: signal.occurredAt },
  day: { S: signal.day },
  negative: { BOOL: true },
  receivedAt: { S: signal.receivedAt },
});
const stored = raise({
  signal,
  businessUnitId: "bu-a",
  question: "Why?",
  principal: executive,
  policy: DEFAULT_POLICY,
  now: raisedAt,
});
const chaseItem = (chase: object) => ({ Item: { doc: { S: JSON.stringify(chase) } } });
const onSignal = () => ddb.on(GetItemCommand, { Key: { pk: { S: "SIG#s-1" }, sk: { S: "SIG" } } });
const onChase = () =>
  ddb.on(GetItemCommand, { Key: { pk: { S: `CHASE#${stored.id}` }, sk: { S: "CHASE" } } });
const lost = (codes: string[]) =>
  new TransactionCanceledException({
    message: "cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("raiseChase", () => {
  beforeEach(() => {
    ddb.on(BatchGetItemCommand).resolves({
      Responses: {
        unit: [{ id: { S: "pl-a" }, name: { S: "A" }, businessUnitId: { S: "bu-a" }, category: { S: "c" } }],
      },
    });
  });

  it("answers the chase stored by the first try when the same request comes again, writing nothing new", async () => {
    onSignal().resolves({ Item: signalItem("COUNTED") });
    onChase().resolves(chaseItem(stored));
    ddb.on(TransactWriteItemsCommand).rejects(lost(["ConditionalCheckFailed", "None", "None"]));
    const again = await raiseChase({ signalId: "s-1", question: "Why?  " }, executive, new Date());
    expect(again).toMatchObject({ id: stored.id, raisedAt: raisedAt.toISOString(), businessUnitId: "bu-a" });
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("is a 404 naming signalId for an unknown signal, and a 409 naming it for a quarantined one", async () => {
    onSignal()
      .resolvesOnce({})
      .resolves({ Item: signalItem("QUARANTINED") });
    const unknown = raiseChase({ signalId: "s-1", question: "Why?" }, executive);
    await expect(unknown).rejects.toThrow(NotFoundError);
    await expect(unknown).rejects.toMatchObject({ details: [{ path: "signalId" }] });
    const quarantined = raiseChase({ signalId: "s-1", question: "Why?" }, executive);
    await expect(quarantined).rejects.toThrow(ConflictError);
    await expect(quarantined).rejects.toMatchObject({ details: [{ path: "signalId" }] });
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });
});

describe("answerChase", () => {
  const escalated = escalate(stored, new Date("2026-10-06T00:00:00.000Z"));

  it("answers on the current state when the daily job escalated the chase in between (no version sent)", async () => {
    onChase().resolvesOnce(chaseItem(stored)).resolves(chaseItem(escalated));
    ddb
      .on(TransactWriteItemsCommand)
      .rejectsOnce(lost(["ConditionalCheckFailed", "None"]))
      .resolves({});
    const answered = await answerChase(stored.id, { answer: "Fixed" }, head);
    expect(answered).toMatchObject({ status: "ANSWERED", version: 3, escalatedAt: escalated.escalatedAt });
    expect(answered.audit.map((a) => a.action)).toEqual(["raise", "escalate", "answer"]);
  });

  it("is a 409 when the caller sent the version they saw and the chase changed while they answered", async () => {
    onChase().resolves(chaseItem(stored));
    ddb.on(TransactWriteItemsCommand).rejects(lost(["ConditionalCheckFailed", "None"]));
    await expect(answerChase(stored.id, { answer: "Fixed", version: 1 }, head)).rejects.toThrow(
      ConflictError,
    );
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it("is a 404 for an unknown chase", async () => {
    await expect(answerChase("ch-none", { answer: "x" }, head)).rejects.toThrow(NotFoundError);
  });
});

describe("escalateOverdueChases", () => {
  const now = new Date("2026-10-06T00:00:00.000Z");

  it("counts a chase another run escalated first as already escalated, and sends nothing for it", async () => {
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ":pk": { S: "OPEN_CHASES" } } }).resolves({
      Items: [
        { chaseId: { S: stored.id }, businessUnitId: { S: "bu-a" }, dueAt: { S: stored.dueAt } },
        // Marked on its open item: not even read.
        {
          chaseId: { S: "ch-old" },
          businessUnitId: { S: "bu-a" },
          dueAt: { S: "d" },
          escalatedAt: { S: "e" },
        },
      ],
    });
    ddb.on(BatchGetItemCommand).resolves({ Responses: { unit: [chaseItem(stored).Item] } });
    ddb.on(TransactWriteItemsCommand).rejects(lost(["ConditionalCheckFailed", "None", "None"]));
    onChase().resolves(chaseItem(escalate(stored, new Date(now.getTime() - 1000))));
    const report = await escalateOverdueChases(now);
    expect(report).toEqual({ overdue: 2, escalated: 0, alreadyEscalated: 2 });
    expect(ddb.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
    const keys = ddb.commandCalls(BatchGetItemCommand)[0]?.args[0].input.RequestItems?.unit?.Keys;
    expect(keys).toEqual([{ pk: { S: `CHASE#${stored.id}` }, sk: { S: "CHASE" } }]);
  });

  it("escalates with one Chase Overdue event whose id is the chase's, whatever the day", async () => {
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ":pk": { S: "OPEN_CHASES" } } }).resolves({
      Items: [{ chaseId: { S: stored.id }, businessUnitId: { S: "bu-a" }, dueAt: { S: stored.dueAt } }],
    });
    ddb.on(BatchGetItemCommand).resolves({ Responses: { unit: [chaseItem(stored).Item] } });
    ddb.on(TransactWriteItemsCommand).resolves({});
    expect(await escalateOverdueChases(now)).toEqual({ overdue: 1, escalated: 1, alreadyEscalated: 0 });
    const items = ddb.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input.TransactItems ?? [];
    const outbox = items.find((i) => i.Put?.Item?.pk?.S?.startsWith("OUTBOX#"))?.Put?.Item;
    expect(outbox?.eventId).toEqual({ S: `${stored.id}:overdue` });
    expect(JSON.parse(outbox?.detail?.S ?? "{}")).toEqual({
      chaseId: stored.id,
      signalId: "s-1",
      productLineId: "pl-a",
      businessUnitId: "bu-a",
      dueAt: stored.dueAt,
      raisedAt: stored.raisedAt,
    });
  });
});
