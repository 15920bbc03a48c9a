/**
 * Andons raised by the ingest itself, through the HTTP contract on DynamoDB Local: days in the
 * policy's time zone, one Andon per line and day under concurrent batches, redelivered events, a
 * batch re-sent after a crash and a quarantine replay, and who is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSignal } from "#core/signal-rules";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { Signal } from "#schemas/signal";
import { writeSignals } from "#store/signal-store";
import {
  andon,
  at,
  critical,
  d1,
  d2,
  list,
  post,
  published,
  raisedEvents,
  startAndonTest,
} from "./andon-fixtures";
import type { Api } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let executive: string;
let headA: string;
let headB: string;
let ingest: string;

beforeAll(async () => {
  ({ runtime, api, cco, executive, headA, headB, ingest } = await startAndonTest());
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
