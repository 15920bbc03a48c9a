/**
 * No notice without its event: when the bus refuses `PutEvents` (wholly or in part), the notices
 * are stored anyway with their events in the outbox, and the relay publishes each of them once.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

const shanghaiDay = (daysAgo: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
const pastDay = (() => {
  for (let back = 1; ; back++)
    if (quarterOf(shanghaiDay(back)) !== quarterOf(shanghaiDay(0))) return shanghaiDay(back + 3);
})();
const quarter = quarterOf(pastDay);

const lines = ["pl-1", "pl-2", "pl-3", "pl-4", "pl-5"];
beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", {
    token: cco,
    body: {
      businessUnits: [{ id: "bu-x", name: "X" }],
      productLines: lines.map((id) => ({ id, name: id, businessUnitId: "bu-x", category: "c" })),
    },
  });
  // pl-1 and pl-2 are clearly bad; the others are ordinary.
  const signals = lines.flatMap((line, l) =>
    Array.from({ length: 200 }, (_, i) => ({
      signalId: `ob-${line}-${i}`,
      productLineId: line,
      channel: "app",
      kind: "csat",
      score: i < (l < 2 ? 120 : 10) ? 1 : 5,
      occurredAt: new Date(Date.parse(`${pastDay}T12:00:00+08:00`) - i * 1000).toISOString(),
    })),
  );
  for (let i = 0; i < signals.length; i += 500)
    await api.call("POST", "/v1/signals", { token: cco, body: { signals: signals.slice(i, i + 500) } });
});
afterAll(async () => runtime?.stop());

const published = (detailType: string) =>
  runtime.bus.published
    .filter((e) => e["detail-type"] === detailType)
    .map((e) => (e.detail as { noticeId: string }).noticeId)
    .sort();

it("stores the notices when the bus refuses, and publishes each event once when it takes them again", async () => {
  // Prepare: the bus refuses every "Product Line Pulled" and, the first time, everything else too.
  let refuseAll = true;
  runtime.bus.refuse = (entry) =>
    refuseAll || entry.detailType === "Product Line Pulled"
      ? { code: "InternalException", message: "try later" }
      : undefined;

  // Act: the review stores its notices although no event went out.
  const reviewed = await api.call("POST", "/v1/reviews", { token: cco, body: { quarter } });
  const ids = [`n-${quarter}-pl-1`, `n-${quarter}-pl-2`];

  // Assess
  expect(reviewed.status).toBe(200);
  expect([...reviewed.body.noticesIssued].sort()).toEqual(ids);
  expect((await api.call("GET", `/v1/notices/${ids[0]}`, { token: cco })).status).toBe(200);
  expect(published("Notice Issued")).toEqual([]);

  // The bus takes everything but "Pulled" now: the relay sends the issued events, keeps the rest.
  const { relayOutbox } = await import("#app/relay-outbox");
  refuseAll = false;
  expect(await relayOutbox()).toEqual({ published: 2, refused: 2 });
  expect(published("Notice Issued")).toEqual(ids);
  expect(published("Product Line Pulled")).toEqual([]);

  // The bus is well again: the rest goes out, and nothing twice.
  runtime.bus.refuse = undefined;
  expect(await relayOutbox()).toEqual({ published: 2, refused: 0 });
  expect(await relayOutbox()).toEqual({ published: 0, refused: 0 });
  expect(published("Notice Issued")).toEqual(ids);
  expect(published("Product Line Pulled")).toEqual(ids);
});

it("publishes each event once when relays run at once", async () => {
  const { relayOutbox } = await import("#app/relay-outbox");
  runtime.bus.refuse = () => ({ code: "InternalException", message: "down" });
  const relisted = await api.call("POST", `/v1/notices/n-${quarter}-pl-2/actions`, {
    token: cco,
    body: { action: "appeal", version: 1, comment: "unfair" },
  });
  expect(relisted.status).toBe(200);
  const withdrawn = await api.call("POST", `/v1/notices/n-${quarter}-pl-2/actions`, {
    token: cco,
    body: { action: "uphold-appeal", version: 2 },
  });
  expect(withdrawn.status).toBe(200);
  runtime.bus.refuse = undefined;
  const reports = await Promise.all([relayOutbox(), relayOutbox(), relayOutbox()]);
  expect(reports.reduce((sum, r) => sum + r.published, 0)).toBe(1);
  expect(published("Product Line Relisted")).toEqual([`n-${quarter}-pl-2`]);
});
