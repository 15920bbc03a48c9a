/**
 * Reading and deciding Andons through the HTTP contract on DynamoDB Local: lists by status and unit
 * with cursor pages, own units for heads, the marks in rankings, catalog and metrics, and the CCO
 * team's confirm (one notice, or recorded on the line's open one) and dismiss (with a reason).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import {
  act,
  andon,
  at,
  critical,
  d1,
  d2,
  list,
  marks,
  metricsOf,
  post,
  published,
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
  const line = { id: "pl-new", name: "New", businessUnitId: "bu-b", category: "dairy" };
  await api.call("PUT", "/v1/catalog", { token: cco, body: { businessUnits: [], productLines: [line] } });
  // The Andons the ingest raises in andons-raise.test.ts, raised here one after the other.
  const raising = [
    [critical("pl-heater", at(d2, "00:01")), critical("pl-heater", at(d2, "12:00"))],
    [
      ...Array.from({ length: 6 }, (_, i) =>
        critical("pl-kettle", at(d1, `1${i}:00`), { verbatim: `水壶漏电 ${i}，请回电 13812345678` }),
      ),
      critical("pl-kettle", at(d1, "20:00")),
      critical("pl-kettle", at(d1, "21:00")),
    ],
    [critical("pl-milk", at(d1, "09:00")), critical("pl-milk", at(d1, "10:00"))],
    [critical("pl-milk", at(d2, "09:00")), critical("pl-milk", at(d2, "10:00"))],
    [critical("pl-new", at(d2, "09:00")), critical("pl-new", at(d2, "10:00"))],
  ];
  for (const batch of raising) expect((await post(batch)).body).toMatchObject({ rejected: [] });
});
afterAll(async () => runtime?.stop());

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
