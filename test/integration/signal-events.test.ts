import { afterAll, beforeAll, expect, it } from "vitest";
import { MAX_RECEIVE_COUNT } from "#infra/local/event-bus";
import type { Runtime } from "#infra/local/runtime";
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
afterAll(async () => runtime?.stop());

const event = (detail: unknown) => ({
  source: "channel.hotline",
  "detail-type": "Satisfaction Signal",
  detail,
});

it("ingests Satisfaction Signal events through the queue, counts redeliveries once and dead-letters what is invalid", async () => {
  // Prepare: 150 good events (two SQS batches), one invalid signal, one for an unknown line.
  const good = Array.from({ length: 150 }, (_, i) =>
    signal({
      signalId: `ev-${i}`,
      productLineId: "pl-heater",
      kind: "complaint",
      score: undefined,
      severity: "major",
    }),
  );
  const invalid = signal({ signalId: "ev-bad", score: 42 });
  const unknown = signal({ signalId: "ev-unknown", productLineId: "pl-mystery" });
  const token = await api.token("ingest");

  // Act: send everything, then send the good ones again (as a redelivering channel would).
  const first = await api.call("POST", "/v1/dev/events", {
    token,
    body: { entries: [...good, invalid, unknown].map(event) },
  });
  const second = await api.call("POST", "/v1/dev/events", { token, body: { entries: good.map(event) } });

  // Assess
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({
    matched: 152,
    delivered: 151,
    deadLettered: 1,
    redelivered: MAX_RECEIVE_COUNT - 1,
  });
  expect(second.body).toMatchObject({ matched: 150, delivered: 150, deadLettered: 0 });
  expect(runtime.bus.deadLetters.map((d) => JSON.parse(d.body).detail.signalId)).toEqual(["ev-bad"]);
  const metrics = await api.call("GET", `/v1/product-lines/pl-heater/metrics?period=${currentQuarter()}`, {
    token: cco,
  });
  expect(metrics.body).toMatchObject({
    n: 150,
    negatives: 150,
    complaints: { minor: 0, major: 150, critical: 0 },
  });
  const quarantine = await api.call("GET", "/v1/quarantine", { token: cco });
  expect(quarantine.body.items.map((s: { signalId: string }) => s.signalId)).toEqual(["ev-unknown"]);
});

it("refuses events from a role that may not send signals", async () => {
  const response = await api.call("POST", "/v1/dev/events", {
    token: await api.token("executive"),
    body: { entries: [event(signal())] },
  });
  expect(response.status).toBe(403);
});

it("refuses malformed event entries with 400 naming the field", async () => {
  const response = await api.call("POST", "/v1/dev/events", {
    token: await api.token("ingest"),
    body: { entries: [event(signal()), null, { source: "x", detail: {} }] },
  });
  expect(response.status).toBe(400);
  expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual([
    "entries.1",
    "entries.2.detail-type",
  ]);
});
