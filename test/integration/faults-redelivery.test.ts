/**
 * Faults, nothing lost or double counted (issue 13): signals that arrive as events through the
 * SQS-like queue, in a batch where DynamoDB keeps failing for one message. The rest of the batch
 * lands (part of it before the failure), the failed message alone comes back (partial batch
 * response) and lands on its redelivery: every signal counted once, nothing dead-lettered.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { clearFault, injectFault, mentions } from "./faults-injection";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
});
afterEach(() => void clearFault());
afterAll(async () => runtime?.stop());

const event = (detail: unknown) => ({
  source: "channel.hotline",
  "detail-type": "Satisfaction Signal",
  detail,
});

const counted = async (line: string) => {
  const quarter = await api.call("GET", `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`, {
    token: cco,
  });
  // The day rollups and the quarter total are written by the same transactions: they must agree.
  const days = await api.call(
    "GET",
    `/v1/product-lines/${line}/metrics?period=${quarter.body.from}..${quarter.body.to}`,
    { token: cco },
  );
  expect(days.body.n).toBe(quarter.body.n);
  return { n: quarter.body.n as number, negatives: quarter.body.negatives as number };
};

it("counts once a batch of which one message failed and was redelivered", async () => {
  // Prepare: 240 signals of one line (three SQS batches); DynamoDB fails every write that holds
  // `redo-77` twice: once in its batch's transaction, once when written alone.
  const sent = Array.from({ length: 240 }, (_, i) =>
    signal({ signalId: `redo-${i}`, productLineId: "pl-milk", score: i % 5 === 0 ? 1 : 5 }),
  );
  let left = 2;
  injectFault(
    (command, input) =>
      command === "TransactWriteItemsCommand" && mentions(input, "SIG#redo-77") && left-- > 0,
  );

  // Act
  const report = await api.call("POST", "/v1/dev/events", {
    token: await api.token("ingest"),
    body: { entries: sent.map(event) },
  });

  // Assess: one message came back once, and then went through.
  expect(clearFault()).toBe(2);
  expect(report).toMatchObject({
    status: 200,
    body: { matched: 240, delivered: 240, redelivered: 1, deadLettered: 0 },
  });
  expect(runtime.bus.deadLetters).toEqual([]);
  expect(await counted("pl-milk")).toEqual({ n: 240, negatives: 48 });
  const rankings = await api.call("GET", `/v1/rankings?period=${currentQuarter()}&businessUnitId=bu-fresh`, {
    token: cco,
  });
  expect(rankings.body.items).toMatchObject([{ productLineId: "pl-milk", n: 240, negatives: 48 }]);
});

it("counts once when the channel redelivers the whole batch after its transactions failed part way", async () => {
  // Prepare: DynamoDB fails, for good, every write holding `part-3`: its batch of 100 lands but for
  // that message, which is retried until it is dead-lettered.
  const sent = Array.from({ length: 100 }, (_, i) =>
    signal({ signalId: `part-${i}`, productLineId: "pl-heater", score: i < 30 ? 1 : 4 }),
  );
  const token = await api.token("ingest");
  injectFault((command, input) => command === "TransactWriteItemsCommand" && mentions(input, "SIG#part-3"));
  const first = await api.call("POST", "/v1/dev/events", { token, body: { entries: sent.map(event) } });
  expect(first.body).toMatchObject({ matched: 100, delivered: 99, deadLettered: 1 });
  expect(await counted("pl-heater")).toEqual({ n: 99, negatives: 29 });

  // Act: DynamoDB is well again, and the channel sends the whole batch once more (its own retry).
  clearFault();
  const again = await api.call("POST", "/v1/dev/events", { token, body: { entries: sent.map(event) } });

  // Assess: only the one that never landed is counted now.
  expect(again.body).toMatchObject({ matched: 100, delivered: 100, redelivered: 0, deadLettered: 0 });
  expect(await counted("pl-heater")).toEqual({ n: 100, negatives: 30 });
  expect(runtime.bus.deadLetters.map((d) => JSON.parse(d.body).detail.signalId)).toEqual(["part-3"]);
});
