/**
 * Andons through the HTTP contract on DynamoDB Local: raised by the ingest (HTTP, events and the
 * quarantine replay) from the rollups it has just written, at the day boundary of the policy's time
 * zone, once per line per day under concurrent batches, redelivered events and a batch re-sent after
 * its check never ran; told to the unit's head and the CCO team; marked in rankings, the catalog and
 * the metrics until decided; listed and read by role and unit; confirmed (one notice, even when
 * confirmed twice at once, or recorded on the line's open notice) or dismissed with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSignal } from "#core/signal-rules";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { Signal } from "#schemas/signal";
import { writeSignals } from "#store/signal-store";
import { currentQuarter, shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let executive: string;
let headA: string;
let headB: string;
let ingest: string;

const catalog = {
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
const d1 = shanghaiDay(2);
const d2 = shanghaiDay(1);
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
let counter = 0;
const critical = (productLineId: string, occurredAt: string, extra: object = {}) => ({
  signalId: `an-${productLineId}-${counter++}`,
  productLineId,
  channel: "hotline",
  kind: "complaint",
  severity: "critical",
  reasons: ["safety"],
  occurredAt,
  ...extra,
});
const post = (signals: object[]) => api.call("POST", "/v1/signals", { token: ingest, body: { signals } });
const andon = (id: string, token = cco) => api.call("GET", `/v1/andons/${id}`, { token });
const list = (query = "", token = cco) => api.call("GET", `/v1/andons${query}`, { token });
const act = (id: string, body: object, token = cco) =>
  api.call("POST", `/v1/andons/${id}/actions`, { token, body });
const published = (type: string) =>
  runtime.bus.published
    .filter((e) => e["detail-type"] === type)
    .map((e) => e.detail as Record<string, string>);
const raisedEvents = (andonId: string) => published("Andon Raised").filter((d) => d.andonId === andonId);
const marks = async () => {
  const [catalogView, rankings] = await Promise.all([
    api.call("GET", "/v1/catalog", { token: cco }),
    api.call("GET", `/v1/rankings?period=${currentQuarter()}&limit=100`, { token: cco }),
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
const metricsOf = async (line: string) =>
  (await api.call("GET", `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`, { token: cco }))
    .body;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  [cco, executive, headA, headB, ingest] = await Promise.all([
    api.token("cco"),
    api.token("executive"),
    api.token("bu-head", ["bu-a"]),
    api.token("bu-head", ["bu-b"]),
    api.token("ingest"),
  ]);
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
});
afterAll(async () => runtime?.stop());

describe("raised at ingest", () => {
  it("counts days in the policy's time zone: 23:59 and 00:01 in Shanghai are two days", async () => {
    const sent = await post([
      critical("pl-heater", at(d1, "23:59")),
      critical("pl-heater", at(d2, "00:01")),
      // Other severities never count, however many.
      ...Array.from({ length: 5 }, () => critical("pl-heater", at(d2, "08:00"), { severity: "major" })),
    ]);
    expect(sent.body).toMatchObject({ accepted: 7, rejected: [] });
    expect((await list("?businessUnitId=bu-a")).body.items).toEqual([]);
    expect(published("Andon Raised")).toEqual([]);

    // A second critical complaint on the second day reaches criticalPerDay (2).
    expect((await post([critical("pl-heater", at(d2, "12:00"))])).body.accepted).toBe(1);
    const raised = await andon(`an-pl-heater-${d2}`);
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({
      id: `an-pl-heater-${d2}`,
      productLineId: "pl-heater",
      businessUnitId: "bu-a",
      day: d2,
      criticalCount: 2,
      threshold: 2,
      policyVersion: 1,
      status: "RAISED",
      version: 1,
    });
    expect(raised.body.complaints).toEqual([]); // no words, nothing to quote
    expect((await andon(`an-pl-heater-${d1}`)).status).toBe(404);
  });

  it("raises one Andon for a line-day under concurrent batches, quoting the complaints masked", async () => {
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post([
          critical("pl-kettle", at(d1, `1${i}:00`), {
            verbatim: `水壶漏电 ${i}，请回电 13812345678`,
            customerRef: `customer-${i}`,
          }),
        ]),
      ),
    );
    expect(sent.map((r) => r.body.accepted)).toEqual([1, 1, 1, 1, 1, 1]);
    const id = `an-pl-kettle-${d1}`;
    expect(raisedEvents(id)).toHaveLength(1);
    expect(raisedEvents(id)[0]).toMatchObject({
      productLineId: "pl-kettle",
      businessUnitId: "bu-a",
      day: d1,
    });
    const { body } = await andon(id);
    expect(body.criticalCount).toBeGreaterThanOrEqual(2);
    expect(body.complaints.length).toBeGreaterThanOrEqual(body.criticalCount);
    expect(body.complaints[0].text).toMatch(/^水壶漏电 \d，请回电 \[PHONE\]$/);
    // Most recent first.
    const times = body.complaints.map((c: { occurredAt: string }) => Date.parse(c.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const text = JSON.stringify(body);
    for (const leak of ["13812345678", "customer-", "customerRef", "Pseudonym"])
      expect(text).not.toContain(leak);
    expect(body.audit).toEqual([
      expect.objectContaining({ action: "raise", actor: "system:ingest", to: "RAISED", at: body.raisedAt }),
    ]);

    // More critical complaints on the same day raise nothing more.
    await post([critical("pl-kettle", at(d1, "20:00")), critical("pl-kettle", at(d1, "21:00"))]);
    expect(raisedEvents(id)).toHaveLength(1);
    expect((await andon(id)).body.version).toBe(1);
  });

  it("raises from Satisfaction Signal events once, however often they are delivered", async () => {
    const token = ingest;
    const events = [critical("pl-milk", at(d1, "09:00")), critical("pl-milk", at(d1, "10:00"))].map(
      (detail) => ({
        source: "channel.hotline",
        "detail-type": "Satisfaction Signal",
        detail,
      }),
    );
    const first = await api.call("POST", "/v1/dev/events", { token, body: { entries: events } });
    const again = await api.call("POST", "/v1/dev/events", { token, body: { entries: events } });
    expect(first.body).toMatchObject({ delivered: 2, deadLettered: 0 });
    expect(again.body).toMatchObject({ delivered: 2, deadLettered: 0 });
    expect(raisedEvents(`an-pl-milk-${d1}`)).toHaveLength(1);
    expect((await andon(`an-pl-milk-${d1}`)).body).toMatchObject({
      businessUnitId: "bu-b",
      criticalCount: 2,
    });
  });

  it("raises on a batch re-sent after its first try committed and died before the check", async () => {
    const batch = [critical("pl-milk", at(d2, "09:00")), critical("pl-milk", at(d2, "10:00"))];
    // The first try: its transactions commit, and then the process dies (no check).
    const stored = batch.map((s) =>
      prepareSignal(Signal.parse(s), { now: new Date(), timeZone: "Asia/Shanghai", hmacKey: "k" }),
    );
    await runAs("ingest", () => writeSignals(stored, "ingest", 730));
    expect((await andon(`an-pl-milk-${d2}`)).status).toBe(404);

    const retried = await post(batch);
    expect(retried.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect((await andon(`an-pl-milk-${d2}`)).body).toMatchObject({ status: "RAISED", criticalCount: 2 });
    expect(raisedEvents(`an-pl-milk-${d2}`)).toHaveLength(1);
  });

  it("raises on a quarantine replay, once its line is in the catalog", async () => {
    const sent = await post([critical("pl-new", at(d2, "09:00")), critical("pl-new", at(d2, "10:00"))]);
    expect(sent.body).toMatchObject({ quarantined: 2 });
    const line = { id: "pl-new", name: "New", businessUnitId: "bu-b", category: "dairy" };
    await api.call("PUT", "/v1/catalog", { token: cco, body: { businessUnits: [], productLines: [line] } });
    const replayed = await api.call("POST", "/v1/quarantine/replay", { token: cco, body: {} });
    expect(replayed.body).toMatchObject({ replayed: 2 });
    expect((await andon(`an-pl-new-${d2}`)).body).toMatchObject({ businessUnitId: "bu-b", criticalCount: 2 });
  });

  it("tells the unit's head and the CCO team, not other units or executives", async () => {
    const andonsOf = async (token: string) =>
      (await api.call("GET", "/v1/notifications?limit=100", { token })).body.items
        .filter((n: { type: string }) => n.type === "Andon Raised")
        .map((n: { andonId: string }) => n.andonId)
        .sort();
    const unitA = [`an-pl-heater-${d2}`, `an-pl-kettle-${d1}`].sort();
    const unitB = [`an-pl-milk-${d1}`, `an-pl-milk-${d2}`, `an-pl-new-${d2}`].sort();
    expect(await andonsOf(headA)).toEqual(unitA);
    expect(await andonsOf(headB)).toEqual(unitB);
    expect(await andonsOf(cco)).toEqual([...unitA, ...unitB].sort());
    expect(await andonsOf(executive)).toEqual([]);
    const note = (await api.call("GET", "/v1/notifications", { token: headA })).body.items.find(
      (n: { andonId?: string }) => n.andonId === `an-pl-kettle-${d1}`,
    );
    expect(note).toMatchObject({ businessUnitId: "bu-a", productLineId: "pl-kettle", day: d1 });
  });
});

describe("reading Andons", () => {
  it("lists newest first, by status and unit, with cursor pages", async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    const raisedAt = all.body.items.map((a: { raisedAt: string }) => a.raisedAt);
    expect(raisedAt).toEqual([...raisedAt].sort().reverse());
    const first = await list("?limit=2");
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`);
    const third = await list(`?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.nextCursor).toBeUndefined();
    expect(
      [...first.body.items, ...second.body.items, ...third.body.items].map((a: { id: string }) => a.id),
    ).toEqual(all.body.items.map((a: { id: string }) => a.id));
    expect((await list("?status=CONFIRMED")).body.items).toEqual([]);
    expect((await list("?status=RAISED&businessUnitId=bu-b")).body.items).toHaveLength(3);
    expect((await list("?status=LOUD")).status).toBe(400);
    expect((await list(`?limit=2&businessUnitId=bu-b&cursor=${first.body.nextCursor}`)).status).toBe(400);
  });

  it("shows a bu-head their own units' Andons only; executives read all", async () => {
    const own = await list("", headB);
    expect(own.body.items.map((a: { businessUnitId: string }) => a.businessUnitId)).toEqual([
      "bu-b",
      "bu-b",
      "bu-b",
    ]);
    expect((await list("?businessUnitId=bu-a", headB)).status).toBe(403);
    expect((await andon(`an-pl-kettle-${d1}`, headB)).status).toBe(403);
    expect((await andon(`an-pl-kettle-${d1}`, headA)).status).toBe(200);
    expect((await list("", executive)).body.items).toHaveLength(5);
    expect((await andon(`an-pl-kettle-${d1}`, executive)).status).toBe(200);
    expect((await list("", ingest)).status).toBe(403);
    expect((await andon("an-pl-nowhere-2026-01-01")).status).toBe(404);
    expect((await api.call("GET", "/v1/andons")).status).toBe(401);
  });

  it("marks the lines with an undecided Andon in rankings, the catalog and the metrics", async () => {
    const { fromCatalog, fromRankings } = await marks();
    expect(fromCatalog).toMatchObject({
      "pl-kettle": `an-pl-kettle-${d1}`,
      "pl-heater": `an-pl-heater-${d2}`,
      "pl-quiet": false,
      // Andons on two days: the newest is named.
      "pl-milk": `an-pl-milk-${d2}`,
    });
    expect(fromRankings).toMatchObject({
      "pl-kettle": true,
      "pl-heater": true,
      "pl-quiet": false,
      "pl-milk": true,
    });
    expect(await metricsOf("pl-kettle")).toMatchObject({ andon: true, andonId: `an-pl-kettle-${d1}` });
    const quiet = await metricsOf("pl-quiet");
    expect(quiet.andon).toBe(false);
    expect(quiet.andonId).toBeUndefined();
  });
});

describe("deciding an Andon", () => {
  it("is for the CCO team only: executives and unit heads may not decide", async () => {
    const id = `an-pl-kettle-${d1}`;
    expect((await act(id, { action: "confirm", version: 1 }, executive)).status).toBe(403);
    expect((await act(id, { action: "dismiss", comment: "Mine", version: 1 }, headA)).status).toBe(403);
    expect((await act("an-pl-nowhere-2026-01-01", { action: "confirm", version: 1 })).status).toBe(404);
    expect((await andon(id)).body.status).toBe("RAISED");
  });

  it.each([
    ["no reason", { action: "dismiss", version: 1 }],
    ["a blank reason", { action: "dismiss", comment: "   ", version: 1 }],
  ])("refuses a dismissal with %s (400 naming comment)", async (_what, body) => {
    const refused = await act(`an-pl-kettle-${d1}`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(["comment"]);
  });

  it("refuses a stale version (409)", async () => {
    expect((await act(`an-pl-kettle-${d1}`, { action: "confirm", version: 2 })).status).toBe(409);
  });

  it("confirms once, even when confirmed twice at once: one notice, the line pulled, the mark gone", async () => {
    const id = `an-pl-kettle-${d1}`;
    const both = await Promise.all([
      act(id, { action: "confirm", comment: "Stop the line", version: 1 }),
      act(id, { action: "confirm", comment: "Stop the line", version: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const confirmed = both.find((r) => r.status === 200)?.body;
    const noticeId = `n-${id}`;
    expect(confirmed).toMatchObject({
      status: "CONFIRMED",
      version: 2,
      noticeId,
      decidedBy: "dev-cco",
      comment: "Stop the line",
    });
    expect(confirmed.linked).toBeUndefined();
    expect(confirmed.audit.map((a: { action: string; actor: string }) => [a.action, a.actor])).toEqual([
      ["raise", "system:ingest"],
      ["confirm", "dev-cco"],
    ]);
    expect(confirmed.audit[1]).toMatchObject({ from: "RAISED", to: "CONFIRMED", comment: "Stop the line" });
    expect((await act(id, { action: "confirm", version: 2 })).status).toBe(409);
    expect((await act(id, { action: "dismiss", comment: "Changed my mind", version: 2 })).status).toBe(409);

    expect(published("Notice Issued").filter((e) => e.noticeId === noticeId)).toHaveLength(1);
    expect(published("Notice Issued").find((e) => e.noticeId === noticeId)).toMatchObject({
      source: "andon",
      productLineId: "pl-kettle",
    });
    const notice = await api.call("GET", `/v1/notices/${noticeId}`, { token: headA });
    expect(notice.body).toMatchObject({
      source: "andon",
      status: "ISSUED",
      quarter: `${d1.slice(0, 4)}-Q${Math.ceil(Number(d1.slice(5, 7)) / 3)}`,
      evidence: { day: d1, flaggedBy: ["critical-complaints"] },
    });
    expect(notice.body.evidence.criticalComplaints).toBeGreaterThanOrEqual(8);
    // It cites the complaints that raised the Andon.
    expect(notice.body.evidence.verbatims).toEqual(confirmed.complaints.slice(0, 5));
    expect(notice.body.evidence.verbatims[0].text).toContain("[PHONE]");
    const { fromCatalog, fromRankings } = await marks();
    expect(fromCatalog["pl-kettle"]).toBe(false);
    expect(fromRankings["pl-kettle"]).toBe(false);
    expect(await metricsOf("pl-kettle")).toMatchObject({
      andon: false,
      pulled: true,
      openNoticeId: noticeId,
    });
    const catalogView = await api.call("GET", "/v1/catalog", { token: cco });
    expect(catalogView.body.productLines.find((l: { id: string }) => l.id === "pl-kettle")).toMatchObject({
      pulled: true,
      andon: false,
    });
  });

  it("records a confirmation on the line's open notice instead of issuing a second", async () => {
    await post([critical("pl-kettle", at(d2, "09:00")), critical("pl-kettle", at(d2, "10:00"))]);
    const id = `an-pl-kettle-${d2}`;
    expect((await metricsOf("pl-kettle")).andonId).toBe(id);
    const confirmed = await act(id, { action: "confirm", version: 1 });
    expect(confirmed.status).toBe(200);
    const openNotice = `n-an-pl-kettle-${d1}`;
    expect(confirmed.body).toMatchObject({ status: "CONFIRMED", noticeId: openNotice, linked: true });
    expect(published("Notice Issued").filter((e) => e.productLineId === "pl-kettle")).toHaveLength(1);
    expect((await api.call("GET", `/v1/notices/n-${id}`, { token: cco })).status).toBe(404);
    const notice = await api.call("GET", `/v1/notices/${openNotice}`, { token: cco });
    expect(notice.body.flags).toEqual([expect.objectContaining({ andonId: id })]);
    expect(notice.body.audit.at(-1)).toMatchObject({ action: "flag", actor: "dev-cco", to: "ISSUED" });
    expect((await metricsOf("pl-kettle")).andon).toBe(false);
  });

  it("dismisses with a reason, audited; a line with Andons on two days stays marked until both are decided", async () => {
    const dismissed = await act(`an-pl-milk-${d1}`, {
      action: "dismiss",
      comment: " Test batch ",
      version: 1,
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: "DISMISSED", version: 2, comment: "Test batch" });
    expect(dismissed.body.noticeId).toBeUndefined();
    expect(dismissed.body.audit.at(-1)).toMatchObject({
      action: "dismiss",
      actor: "dev-cco",
      from: "RAISED",
      to: "DISMISSED",
      comment: "Test batch",
    });
    expect((await marks()).fromCatalog["pl-milk"]).toBe(`an-pl-milk-${d2}`);
    expect(await metricsOf("pl-milk")).toMatchObject({
      andon: true,
      andonId: `an-pl-milk-${d2}`,
      pulled: false,
    });

    expect((await act(`an-pl-milk-${d2}`, { action: "dismiss", comment: "Known", version: 1 })).status).toBe(
      200,
    );
    expect((await marks()).fromRankings["pl-milk"]).toBe(false);
    expect((await metricsOf("pl-milk")).andon).toBe(false);
    const decided = await list("?status=DISMISSED", headB);
    expect(decided.body.items.map((a: { id: string }) => a.id)).toEqual([
      `an-pl-milk-${d2}`,
      `an-pl-milk-${d1}`,
    ]);
    expect(published("Notice Issued").filter((e) => e.productLineId === "pl-milk")).toEqual([]);
  });
});
