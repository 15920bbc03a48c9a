/**
 * Notifications and the schedules' jobs through the HTTP contract and the local bus: who is told of
 * what, read state per caller, the overdue job at most once a day per notice, events that match
 * their detail schemas, and the local-only job route.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindOverdueNotices } from "#app/remind-overdue";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { GOVERNANCE_DETAILS } from "#schemas/events";
import { csatSignals, dayOfPreviousQuarter, quarterOfDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let headA: string;
let headB: string;
let executive: string;

const pastDay = dayOfPreviousQuarter();
const previous = quarterOfDay(pastDay);
const noon = new Date(`${pastDay}T12:00:00+08:00`);

const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Unit A" },
    { id: "bu-b", name: "Unit B" },
  ],
  productLines: [
    { id: "pl-a-bad", name: "A bad", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-a-ok", name: "A ok", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-b-bad", name: "B bad", businessUnitId: "bu-b", category: "garden" },
    { id: "pl-b-ok", name: "B ok", businessUnitId: "bu-b", category: "garden" },
  ],
};

const notifications = (token: string, query = "") => api.call("GET", `/v1/notifications${query}`, { token });
const markRead = (token: string, body: object) => api.call("POST", "/v1/notifications/read", { token, body });
const typesOf = (body: { items: { type: string; productLineId?: string }[] }) =>
  body.items.map((n) => `${n.type} ${n.productLineId}`).sort();

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  [cco, headA, headB, executive] = await Promise.all([
    api.token("cco"),
    api.token("bu-head", ["bu-a"]),
    api.token("bu-head", ["bu-b"]),
    api.token("executive"),
  ]);
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const signals = [
    ...csatSignals("pl-a-bad", 200, 100, noon),
    ...csatSignals("pl-a-ok", 400, 20, noon),
    ...csatSignals("pl-b-bad", 200, 90, noon),
    ...csatSignals("pl-b-ok", 400, 20, noon),
  ];
  for (let i = 0; i < signals.length; i += 500)
    expect(
      (await api.call("POST", "/v1/signals", { token: cco, body: { signals: signals.slice(i, i + 500) } }))
        .body.rejected,
    ).toEqual([]);
  const review = await api.call("POST", "/v1/reviews", { token: cco, body: { quarter: previous } });
  expect(review.body.noticesIssued).toHaveLength(2);
});
afterAll(async () => runtime?.stop());

describe("notifications", () => {
  it("tell each unit's head of their own notices, and the CCO team and executives of all", async () => {
    const [a, b, c, e] = (await Promise.all([headA, headB, cco, executive].map((t) => notifications(t)))) as [
      Awaited<ReturnType<typeof notifications>>,
      Awaited<ReturnType<typeof notifications>>,
      Awaited<ReturnType<typeof notifications>>,
      Awaited<ReturnType<typeof notifications>>,
    ];
    expect(typesOf(a.body)).toEqual(["Notice Issued pl-a-bad"]);
    expect(typesOf(b.body)).toEqual(["Notice Issued pl-b-bad"]);
    expect(typesOf(c.body)).toEqual(["Notice Issued pl-a-bad", "Notice Issued pl-b-bad"]);
    expect(typesOf(e.body)).toEqual(["Notice Issued pl-a-bad", "Notice Issued pl-b-bad"]);
    expect(a.body.items[0]).toMatchObject({
      read: false,
      businessUnitId: "bu-a",
      noticeId: `n-${previous}-pl-a-bad`,
      quarter: previous,
    });
    expect([a.body.unread, c.body.unread]).toEqual([1, 2]);
  });

  it("are read per caller: one by id, all at once, never another audience's", async () => {
    const first = await notifications(cco, "?limit=1");
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await notifications(cco, `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].at <= first.body.items[0].at).toBe(true);

    expect((await markRead(cco, { ids: [first.body.items[0].id] })).body).toEqual({ unread: 1 });
    const unreadOnly = await notifications(cco, "?unreadOnly=true");
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).toEqual([second.body.items[0].id]);
    // Another CCO member has their own read state; executives are another audience.
    const otherCco = await api.call("GET", "/v1/notifications", {
      token: (await api.call("POST", "/v1/dev/token", { body: { role: "cco", sub: "cco-2" } })).body.token,
    });
    expect(otherCco.body.unread).toBe(2);

    const bItem = (await notifications(headB)).body.items[0];
    const refused = await markRead(headA, { ids: [bItem.id] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/ids\.0/);
    expect((await notifications(headB)).body.unread).toBe(1);
    const bogus = await markRead(headA, { ids: ["not-an-id"] });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.details[0].path).toBe("ids.0");
    const absent = Buffer.from(JSON.stringify(["unit:bu-a", "2020-01-01T00:00:00.000Z#x"])).toString(
      "base64url",
    );
    expect((await markRead(headA, { ids: [absent] })).status).toBe(404);
    expect((await markRead(headA, { ids: [] })).status).toBe(400);

    expect((await markRead(cco, {})).body).toEqual({ unread: 0 });
    const after = await notifications(cco);
    expect(after.body.items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await notifications(cco, "?unreadOnly=true")).body.items).toEqual([]);
  });

  it("are written once however often an event is delivered", async () => {
    const issued = runtime.bus.published.find(
      (e) =>
        e["detail-type"] === "Notice Issued" &&
        (e.detail as { productLineId: string }).productLineId === "pl-a-bad",
    );
    expect(issued).toBeDefined();
    await runtime.bus.putEvents([issued!, issued!]);
    expect(typesOf((await notifications(headA)).body)).toEqual(["Notice Issued pl-a-bad"]);
  });
});

describe("the overdue job", () => {
  const dueDay = async () => {
    const notice = await api.call("GET", `/v1/notices/n-${previous}-pl-a-bad`, { token: cco });
    return new Date(Date.parse(notice.body.dueAt) + 86_400_000);
  };
  const overdueEvents = () => runtime.bus.published.filter((e) => e["detail-type"] === "Notice Overdue");

  it("reminds of each overdue notice at most once a day, however often and concurrently it runs", async () => {
    const day = await dueDay();
    const runs = await Promise.all(
      [0, 1, 2].map(() => runAs("overdueReminders", () => remindOverdueNotices(day))),
    );
    expect(runs.reduce((sum, r) => sum + r.reminded, 0)).toBe(2);
    expect(runs.reduce((sum, r) => sum + r.alreadyReminded, 0)).toBe(4);
    const later = await runAs("overdueReminders", () =>
      remindOverdueNotices(new Date(day.getTime() + 3_600_000)),
    );
    expect(later).toMatchObject({ open: 2, overdue: 2, reminded: 0, alreadyReminded: 2 });
    expect(overdueEvents()).toHaveLength(2);

    const nextDay = await runAs("overdueReminders", () =>
      remindOverdueNotices(new Date(day.getTime() + 86_400_000)),
    );
    expect(nextDay.reminded).toBe(2);
    expect(overdueEvents()).toHaveLength(4);
  });

  it("tells the unit's head and the CCO team, not the executives", async () => {
    const a = await notifications(headA);
    expect(a.body.items.filter((n: { type: string }) => n.type === "Notice Overdue")).toHaveLength(2);
    const e = await notifications(executive);
    expect(e.body.items.some((n: { type: string }) => n.type === "Notice Overdue")).toBe(false);
  });

  it("reminds of nothing before the due date, nor of closed notices", async () => {
    const early = await runAs("overdueReminders", () => remindOverdueNotices(new Date()));
    expect(early).toMatchObject({ open: 2, overdue: 0, reminded: 0 });
  });
});

describe("governance events", () => {
  it("each match the detail schema of their type, with an event id and the time of the change", () => {
    const governance = runtime.bus.published.filter((e) => e.source === "strawberry.governance");
    expect(governance.length).toBeGreaterThan(0);
    for (const event of governance) {
      const schema = GOVERNANCE_DETAILS[event["detail-type"] as keyof typeof GOVERNANCE_DETAILS];
      expect(schema, event["detail-type"]).toBeDefined();
      expect(schema.safeParse(event.detail).success, JSON.stringify(event.detail)).toBe(true);
    }
  });
});

describe("POST /v1/dev/jobs/{id} (local only)", () => {
  it("runs a schedule's job now for the CCO team, and refuses others and unknown jobs", async () => {
    const relay = await api.call("POST", "/v1/dev/jobs/OutboxRelay", { token: cco });
    expect(relay).toMatchObject({ status: 200, body: { published: 0, refused: 0 } });
    expect((await api.call("POST", "/v1/dev/jobs/OutboxRelay", { token: headA })).status).toBe(403);
    expect((await api.call("POST", "/v1/dev/jobs/OutboxRelay")).status).toBe(401);
    const unknown = await api.call("POST", "/v1/dev/jobs/Nope", { token: cco });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/QuarterlyReview/);
    const review = await api.call("POST", "/v1/dev/jobs/QuarterlyReview", {
      token: cco,
      body: { quarter: previous },
    });
    expect(review.body).toMatchObject({ quarter: previous, noticesIssued: 2 });
    const bad = await api.call("POST", "/v1/dev/jobs/QuarterlyReview", {
      token: cco,
      body: { quarter: "Q9" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/quarter/);
  });
});

describe("the notifier", () => {
  it("dead-letters an event the notifier cannot read, after the retries, without failing its publisher", async () => {
    const report = await runtime.bus.putEvents([
      { source: "strawberry.governance", "detail-type": "Notice Issued", detail: { noticeId: 1 } },
    ]);
    expect(report).toMatchObject({ matched: 1, delivered: 0, redelivered: 4, deadLettered: 1 });
    expect(runtime.bus.deadLetters.at(-1)).toMatchObject({ rule: "Notifier" });
  });
});
