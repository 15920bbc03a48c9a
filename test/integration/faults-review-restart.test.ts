/**
 * Faults, nothing lost or double counted (issue 13): a review killed half-way (DynamoDB fails every
 * write after its first one) and run again yields the notices a clean run would, none twice,
 * each with its one `Notice Issued`; and PutEvents refusing part of a batch at the end of the
 * re-run still ends with every event out exactly once.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { clearFault, injectFault } from "./faults-injection";
import { dayOfPreviousQuarter, quarterOfDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

const pastDay = dayOfPreviousQuarter();
const quarter = quarterOfDay(pastDay);
const lines = Array.from({ length: 10 }, (_, i) => `pl-${i + 1}`);
const bad = new Set(["pl-1", "pl-2", "pl-3"]);

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
  const signals = lines.flatMap((line) =>
    Array.from({ length: 200 }, (_, i) => ({
      signalId: `rk-${line}-${i}`,
      productLineId: line,
      channel: "app",
      kind: "csat",
      score: i < (bad.has(line) ? 120 : 10) ? 1 : 5,
      occurredAt: new Date(Date.parse(`${pastDay}T12:00:00+08:00`) - i * 1000).toISOString(),
    })),
  );
  for (let i = 0; i < signals.length; i += 500)
    await api.call("POST", "/v1/signals", { token: cco, body: { signals: signals.slice(i, i + 500) } });
});
afterEach(() => void clearFault());
afterAll(async () => runtime?.stop());

const issuedEvents = () =>
  runtime.bus.published
    .filter((e) => e["detail-type"] === "Notice Issued")
    .map((e) => (e.detail as { noticeId: string }).noticeId)
    .sort();

const storedNotices = async () => {
  const listed = await api.call("GET", `/v1/notices?quarter=${quarter}&limit=100`, { token: cco });
  expect(listed.status).toBe(200);
  expect(listed.body.nextCursor ?? null).toBeNull();
  return (listed.body.items as { id: string }[]).map((n) => n.id).sort();
};

it("completes a review killed half-way with the same notices, none twice, each with its event", async () => {
  // Prepare: what a clean run would issue, from the dry run.
  const dry = await api.call("POST", "/v1/reviews", { token: cco, body: { quarter, dryRun: true } });
  const flagged = (dry.body.lines as { productLineId: string; flagged: boolean }[])
    .filter((l) => l.flagged)
    .map((l) => l.productLineId)
    .sort();
  expect(flagged).toEqual([...bad].sort());
  const expected = flagged.map((line) => `n-${quarter}-${line}`).sort();

  // Act 1: every transactional write after the first fails for good: the run dies half-way.
  let allowed = 1;
  injectFault((command) => command === "TransactWriteItemsCommand" && allowed-- <= 0);
  const killed = await api.call("POST", "/v1/reviews", { token: cco, body: { quarter } });
  expect(clearFault()).toBeGreaterThan(0);
  expect(killed.status).toBeGreaterThanOrEqual(500);
  const half = await storedNotices();
  expect(half.length).toBeGreaterThan(0);
  expect(half.length).toBeLessThan(expected.length);
  const first = await api.call("GET", `/v1/notices/${half[0]}`, { token: cco });

  // Act 2: run again, and again at once (a retrying caller and the schedule), while the bus
  // refuses one of the notices' events (PutEvents failing part of its batch).
  const refused = expected.find((id) => id !== half[0]) as string;
  runtime.bus.refuse = (entry) =>
    entry.detailType === "Notice Issued" && entry.detail.includes(`"${refused}"`)
      ? { code: "InternalException", message: "try later" }
      : undefined;
  const reruns = await Promise.all(
    [0, 1].map(() => api.call("POST", "/v1/reviews", { token: cco, body: { quarter } })),
  );
  expect(issuedEvents()).toEqual(expected.filter((id) => id !== refused));
  runtime.bus.refuse = undefined;

  // Assess: the notices of a clean run, each once; the one issued before the kill unchanged.
  for (const rerun of reruns) {
    expect(rerun.status).toBe(200);
    expect([...rerun.body.noticesIssued].sort()).toEqual(expected);
  }
  expect(reruns[1]?.body).toEqual(reruns[0]?.body);
  expect(await storedNotices()).toEqual(expected);
  expect(await api.call("GET", `/v1/notices/${half[0]}`, { token: cco })).toEqual(first);
  const { relayOutbox } = await import("#app/relay-outbox");
  await relayOutbox();
  expect(issuedEvents()).toEqual(expected);
  expect(await api.call("POST", "/v1/reviews", { token: cco, body: { quarter } })).toMatchObject({
    status: 200,
    body: reruns[0]?.body,
  });
  expect(await relayOutbox()).toEqual({ published: 0, refused: 0 });
  expect(issuedEvents()).toEqual(expected);
});
