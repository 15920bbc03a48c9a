/** What the Andon integration tests share: a runtime with two units' lines, critical complaints, calls. */
import { expect } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { currentQuarter, shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

/** The runtime and the callers' tokens of the test file (each file has its own module state). */
export const ctx = {} as {
  runtime: Runtime;
  api: Api;
  cco: string;
  executive: string;
  headA: string;
  headB: string;
  ingest: string;
};

export const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Unit A" },
    { id: "bu-b", name: "Unit B" },
  ],
  productLines: [
    { id: "pl-kettle", name: "Kettle", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-heater", name: "Heater", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-quiet", name: "Toaster", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-milk", name: "Milk", businessUnitId: "bu-b", category: "dairy" },
  ],
};

/** Two and one days ago in Shanghai: recent enough to raise an Andon, and in the past all day. */
export const d1 = shanghaiDay(2);
export const d2 = shanghaiDay(1);
export const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
let counter = 0;
export const critical = (productLineId: string, occurredAt: string, extra: object = {}) => ({
  signalId: `an-${productLineId}-${counter++}`,
  productLineId,
  channel: "hotline",
  kind: "complaint",
  severity: "critical",
  reasons: ["safety"],
  occurredAt,
  ...extra,
});
export const post = (signals: object[]) =>
  ctx.api.call("POST", "/v1/signals", { token: ctx.ingest, body: { signals } });
export const andon = (id: string, token = ctx.cco) => ctx.api.call("GET", `/v1/andons/${id}`, { token });
export const list = (query = "", token = ctx.cco) => ctx.api.call("GET", `/v1/andons${query}`, { token });
export const act = (id: string, body: object, token = ctx.cco) =>
  ctx.api.call("POST", `/v1/andons/${id}/actions`, { token, body });
export const published = (type: string) =>
  ctx.runtime.bus.published
    .filter((e) => e["detail-type"] === type)
    .map((e) => e.detail as Record<string, string>);
export const raisedEvents = (andonId: string) =>
  published("Andon Raised").filter((d) => d.andonId === andonId);
export const marks = async () => {
  const [catalogView, rankings] = await Promise.all([
    ctx.api.call("GET", "/v1/catalog", { token: ctx.cco }),
    ctx.api.call("GET", `/v1/rankings?period=${currentQuarter()}&limit=100`, { token: ctx.cco }),
  ]);
  const fromCatalog = Object.fromEntries(
    catalogView.body.productLines.map((l: { id: string; andon: boolean; andonId?: string }) => [
      l.id,
      l.andonId ?? l.andon,
    ]),
  );
  const fromRankings = Object.fromEntries(
    rankings.body.items.map((l: { productLineId: string; andon: boolean }) => [l.productLineId, l.andon]),
  );
  return { fromCatalog, fromRankings };
};
export const metricsOf = async (line: string) =>
  (
    await ctx.api.call("GET", `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`, {
      token: ctx.cco,
    })
  ).body;

/** Starts the runtime, signs the callers in and stores the catalog. */
export const startAndonTest = async (): Promise<typeof ctx> => {
  ctx.runtime = await startTestRuntime();
  ctx.api = apiOf(ctx.runtime);
  [ctx.cco, ctx.executive, ctx.headA, ctx.headB, ctx.ingest] = await Promise.all([
    ctx.api.token("cco"),
    ctx.api.token("executive"),
    ctx.api.token("bu-head", ["bu-a"]),
    ctx.api.token("bu-head", ["bu-b"]),
    ctx.api.token("ingest"),
  ]);
  expect((await ctx.api.call("PUT", "/v1/catalog", { token: ctx.cco, body: catalog })).status).toBe(200);
  return ctx;
};
