/**
 * Chases through the HTTP contract on DynamoDB Local: routing a voice to its unit, the quote (PII
 * masked, no customer reference), raising and answering by role, retries that never make a second
 * chase, listing by status and unit with tamper-evident cursors, the answer clock's escalation to
 * the CCO team once ever (however often, concurrently and on whichever later days the daily job
 * runs), and who is told of what.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalateOverdueChases } from "#app/escalate-overdue-chases";
import { raiseChase } from "#app/raise-chase";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let executive: string;
let headA: string;
let headB: string;
let ingest: string;

const DAY = 86_400_000;
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Unit A" },
    { id: "bu-b", name: "Unit B" },
  ],
  productLines: [
    { id: "pl-a1", name: "Kettle", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-a2", name: "Toaster", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-b", name: "Milk", businessUnitId: "bu-b", category: "dairy" },
  ],
};
const voice = (signalId: string, productLineId: string, verbatim: string, extra: object = {}) => ({
  signalId,
  productLineId,
  channel: "hotline",
  kind: "csat",
  score: 1,
  verbatim,
  occurredAt: hourAgo(),
  ...extra,
});

const raise = (body: object, token = executive) => api.call("POST", "/v1/chases", { token, body });
const answer = (id: string, body: object, token: string) =>
  api.call("POST", `/v1/chases/${id}/answer`, { token, body });
const list = (token: string, query = "") => api.call("GET", `/v1/chases${query}`, { token });
const published = (type: string) =>
  runtime.bus.published
    .filter((e) => e["detail-type"] === type)
    .map((e) => ({ ...e, detail: e.detail as { chaseId: string } }));
const notificationsOf = async (token: string, type: string) =>
  (await api.call("GET", "/v1/notifications", { token })).body.items.filter(
    (n: { type: string }) => n.type === type,
  );

/** Chases raised in the tests below, by name. */
const chases: Record<string, { id: string; version: number; dueAt: string }> = {};

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
  const sent = await api.call("POST", "/v1/signals", {
    token: ingest,
    body: {
      signals: [
        voice("ch-kettle", "pl-a1", "水壶漏电！请回电 13812345678 或写信 li.lei@example.com", {
          kind: "complaint",
          score: undefined,
          severity: "critical",
          reasons: ["safety"],
          customerRef: "customer-4711",
        }),
        voice("ch-toaster", "pl-a2", "烤焦了"),
        voice("ch-milk", "pl-b", "牛奶变质"),
        voice("ch-unknown", "pl-nowhere", "没人管"),
      ],
    },
  });
  expect(sent.body).toMatchObject({ accepted: 3, quarantined: 1, rejected: [] });
});
afterAll(async () => runtime?.stop());

describe("POST /v1/chases", () => {
  it("routes the voice to the unit owning its line, due answerDays later, quoting it masked and without the customer", async () => {
    const raised = await raise({ signalId: "ch-kettle", question: "  Why did the kettle leak current?  " });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({
      signalId: "ch-kettle",
      productLineId: "pl-a1",
      businessUnitId: "bu-a",
      status: "OPEN",
      version: 1,
      question: "Why did the kettle leak current?",
      raisedBy: { sub: "dev-executive", role: "executive" },
      answerDays: 3,
      policyVersion: 1,
      overdue: false,
      voice: { signalId: "ch-kettle", channel: "hotline", kind: "complaint", severity: "critical" },
    });
    expect(Date.parse(raised.body.dueAt) - Date.parse(raised.body.raisedAt)).toBe(3 * DAY);
    expect(raised.body.voice.verbatim).toBe("水壶漏电！请回电 [PHONE] 或写信 [EMAIL]");
    const text = JSON.stringify(raised.body);
    for (const leak of ["13812345678", "li.lei@example.com", "customer-4711", "customerRef", "Pseudonym"])
      expect(text).not.toContain(leak);
    expect(raised.body.audit).toEqual([
      {
        action: "raise",
        actor: { sub: "dev-executive", role: "executive" },
        at: raised.body.raisedAt,
        text: "Why did the kettle leak current?",
      },
    ]);
    chases.kettle = raised.body;
  });

  it("makes one chase however often (and however concurrently) the same request is sent", async () => {
    const body = { signalId: "ch-kettle", question: "Why did the kettle leak current?" };
    const again = await Promise.all([
      raise(body),
      raise(body),
      raise({ ...body, question: `${body.question}\n` }),
    ]);
    expect(again.map((r) => r.body.id)).toEqual([chases.kettle?.id, chases.kettle?.id, chases.kettle?.id]);
    expect(published("Chase Raised").filter((e) => e.detail.chaseId === chases.kettle?.id)).toHaveLength(1);
    // Another question, or another person asking, is another chase.
    const other = await raise({ ...body, question: "Who checks the batch?" });
    const otherExec = await api.call("POST", "/v1/dev/token", { body: { role: "executive", sub: "exec-2" } });
    const byOther = await raise(body, otherExec.body.token);
    expect(new Set([chases.kettle?.id, other.body.id, byOther.body.id]).size).toBe(3);
    chases.second = other.body;
    chases.byOther = byOther.body;
  });

  it("is for executives and the CCO team only", async () => {
    const byCco = await raise({ signalId: "ch-milk", question: "Which dairy?" }, cco);
    expect(byCco.status).toBe(200);
    expect(byCco.body).toMatchObject({ businessUnitId: "bu-b", raisedBy: { sub: "dev-cco", role: "cco" } });
    chases.milk = byCco.body;
    expect((await raise({ signalId: "ch-kettle", question: "Mine?" }, headA)).status).toBe(403);
    expect((await raise({ signalId: "ch-kettle", question: "Mine?" }, ingest)).status).toBe(403);
    expect(
      (await api.call("POST", "/v1/chases", { body: { signalId: "ch-kettle", question: "?" } })).status,
    ).toBe(401);
  });

  it.each([
    ["an unknown signal", { signalId: "no-such-signal", question: "Why?" }, 404, "signalId"],
    ["a quarantined signal", { signalId: "ch-unknown", question: "Why?" }, 409, "signalId"],
    ["a blank question", { signalId: "ch-kettle", question: "   " }, 400, "question"],
    [
      "a question over 2,000 characters",
      { signalId: "ch-kettle", question: "x".repeat(2_001) },
      400,
      "question",
    ],
    ["no signal", { question: "Why?" }, 400, "signalId"],
  ])("refuses %s (%s naming %s)", async (_what, body, status, field) => {
    const refused = await raise(body);
    expect(refused.status).toBe(status);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });
});

describe("POST /v1/chases/{id}/answer", () => {
  it("is refused to another unit's head and to executives, whatever the state", async () => {
    const id = chases.kettle?.id as string;
    expect((await answer(id, { answer: "Not mine" }, headB)).status).toBe(403);
    expect((await answer(id, { answer: "I ask, I don't answer" }, executive)).status).toBe(403);
    expect((await answer("ch-no-such-chase", { answer: "?" }, headA)).status).toBe(404);
    expect((await answer(id, { answer: "" }, headA)).status).toBe(400);
    expect((await answer(id, { answer: "x".repeat(4_001) }, headA)).status).toBe(400);
    const stale = await answer(id, { answer: "Seen an old one", version: 7 }, headA);
    expect(stale.status).toBe(409);
  });

  it("takes the owning head's answer once, audited, and then is a 409 for anyone", async () => {
    const id = chases.kettle?.id as string;
    const answered = await answer(id, { answer: " We recalled batch 42. ", version: 1 }, headA);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: "ANSWERED",
      version: 2,
      overdue: false,
      answer: { text: "We recalled batch 42.", by: { sub: "dev-bu-head", role: "bu-head" } },
    });
    expect(
      answered.body.audit.map((a: { action: string; actor: { role: string } }) => [a.action, a.actor.role]),
    ).toEqual([
      ["raise", "executive"],
      ["answer", "bu-head"],
    ]);
    const twice = await answer(id, { answer: "Again" }, headA);
    expect(twice.status).toBe(409);
    expect((await answer(id, { answer: "Me too" }, cco)).status).toBe(409);
  });

  it("takes the CCO team's answer for any unit", async () => {
    const answered = await answer(chases.milk?.id as string, { answer: "Cold chain fixed" }, cco);
    expect(answered.body).toMatchObject({
      status: "ANSWERED",
      answer: { by: { sub: "dev-cco", role: "cco" } },
    });
  });
});

describe("GET /v1/chases", () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

  it("lists newest first, by status, each with whether it is overdue", async () => {
    const all = await list(executive);
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([
      chases.milk?.id,
      chases.byOther?.id,
      chases.second?.id,
      chases.kettle?.id,
    ]);
    expect(all.body.items.every((c: { overdue: boolean }) => c.overdue === false)).toBe(true);
    expect(ids((await list(cco, "?status=OPEN")).body)).toEqual([chases.byOther?.id, chases.second?.id]);
    expect(ids((await list(cco, "?status=ANSWERED")).body)).toEqual([chases.milk?.id, chases.kettle?.id]);
    expect(ids((await list(cco, "?businessUnitId=bu-b")).body)).toEqual([chases.milk?.id]);
  });

  it("shows a unit's head their own units only; naming another is a 403", async () => {
    expect(ids((await list(headA)).body)).toEqual([chases.byOther?.id, chases.second?.id, chases.kettle?.id]);
    expect(ids((await list(headB, "?status=OPEN")).body)).toEqual([]);
    const refused = await list(headA, "?businessUnitId=bu-b");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/bu-b/);
  });

  it("pages with a cursor that cannot be forged or carried to another query", async () => {
    const seen: string[] = [];
    let page = await list(cco, "?limit=1");
    for (;;) {
      seen.push(...ids(page.body));
      if (!page.body.nextCursor) break;
      page = await list(cco, `?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    }
    expect(seen).toEqual(ids((await list(cco)).body));
    const cursor: string = (await list(cco, "?limit=1")).body.nextCursor;
    const forged = `${cursor.slice(0, 10)}${cursor[10] === "A" ? "B" : "A"}${cursor.slice(11)}`;
    for (const [token, query] of [
      [cco, `?limit=1&cursor=${encodeURIComponent(forged)}`],
      [cco, "?limit=1&cursor=not-a-cursor"],
      [cco, `?limit=1&status=OPEN&cursor=${encodeURIComponent(cursor)}`],
      [headA, `?limit=1&cursor=${encodeURIComponent(cursor)}`],
    ] as const) {
      const refused = await list(token, query);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toBe("cursor");
    }
  });
});

describe("the answer clock", () => {
  const escalations = () => published("Chase Overdue");
  const run = (at: Date) => runAs("overdueReminders", () => escalateOverdueChases(at));

  it("escalates each open chase past its due date once, however often and concurrently the job runs", async () => {
    const due = Date.parse(chases.second?.dueAt as string);
    expect(await run(new Date(due - 60_000))).toEqual({ overdue: 0, escalated: 0, alreadyEscalated: 0 });
    const at = new Date(due + DAY);
    const runs = await Promise.all([run(at), run(at), run(new Date(at.getTime() + 1))]);
    // The two open chases (the answered ones are not overdue, whatever the day).
    expect(runs.reduce((sum, r) => sum + r.escalated, 0)).toBe(2);
    expect(runs.every((r) => r.overdue === 2 && r.escalated + r.alreadyEscalated === 2)).toBe(true);
    for (const later of [at.getTime() + 3_600_000, at.getTime() + DAY, at.getTime() + 30 * DAY])
      expect(await run(new Date(later))).toEqual({ overdue: 2, escalated: 0, alreadyEscalated: 2 });
    expect(
      escalations()
        .map((e) => e.detail.chaseId)
        .sort(),
    ).toEqual([chases.second?.id, chases.byOther?.id].sort());
  });

  it("shows the escalation on the chase, audited; the owning head can still answer it", async () => {
    const open = (await list(headA, "?status=OPEN")).body.items;
    expect(open).toHaveLength(2);
    for (const chase of open) {
      expect(chase).toMatchObject({ version: 2, escalatedAt: expect.any(String) });
      expect(chase.audit.at(-1)).toMatchObject({ action: "escalate", actor: { role: "system" } });
    }
    const answered = await answer(chases.second?.id as string, { answer: "Late, sorry" }, headA);
    expect(answered.body).toMatchObject({ status: "ANSWERED", version: 3, escalatedAt: open[1].escalatedAt });
    chases.second = answered.body;
  });

  it("runs in the daily job: POST /v1/dev/jobs/DailyOverdue escalates a chase really overdue, once", async () => {
    const principal = { sub: "dev-executive", roles: ["executive" as const], businessUnitIds: [] };
    const old = await runAs("chaseRaise", () =>
      raiseChase(
        { signalId: "ch-toaster", question: "Burnt again?" },
        principal,
        new Date(Date.now() - 4 * DAY),
      ),
    );
    chases.old = old;
    const openOf = async () =>
      (await list(cco, "?businessUnitId=bu-a&status=OPEN")).body.items.find(
        (c: { id: string }) => c.id === old.id,
      );
    expect(await openOf()).toMatchObject({ overdue: true, version: 1 });
    expect((await api.call("POST", "/v1/dev/jobs/DailyOverdue", { token: headA })).status).toBe(403);
    const jobs = await Promise.all(
      [0, 1].map(() => api.call("POST", "/v1/dev/jobs/DailyOverdue", { token: cco })),
    );
    expect(jobs.map((j) => j.status)).toEqual([200, 200]);
    expect(jobs.reduce((sum, j) => sum + j.body.chases.escalated, 0)).toBe(1);
    expect(jobs[0]?.body.notices).toMatchObject({ reminded: 0 });
    expect(escalations().filter((e) => e.detail.chaseId === old.id)).toHaveLength(1);
    expect(await openOf()).toMatchObject({ overdue: true, version: 2, escalatedAt: expect.any(String) });
  });
});

describe("notifications", () => {
  it("tell the unit's head of each chase raised on their units, and nobody else", async () => {
    const raisedA = await notificationsOf(headA, "Chase Raised");
    expect(raisedA.map((n: { chaseId: string }) => n.chaseId).sort()).toEqual(
      [chases.kettle?.id, chases.second?.id, chases.byOther?.id, chases.old?.id].sort(),
    );
    expect(raisedA[0]).toMatchObject({ businessUnitId: "bu-a", dueAt: expect.any(String), read: false });
    expect((await notificationsOf(headB, "Chase Raised")).map((n: { chaseId: string }) => n.chaseId)).toEqual(
      [chases.milk?.id],
    );
    expect(await notificationsOf(cco, "Chase Raised")).toEqual([]);
    expect(await notificationsOf(executive, "Chase Raised")).toEqual([]);
  });

  it("tell the CCO team and the unit's head of each escalation, once", async () => {
    const overdue = await notificationsOf(cco, "Chase Overdue");
    expect(overdue).toHaveLength(3);
    expect(overdue.every((n: { businessUnitId: string }) => n.businessUnitId === "bu-a")).toBe(true);
    expect(await notificationsOf(headA, "Chase Overdue")).toHaveLength(3);
    expect(await notificationsOf(headB, "Chase Overdue")).toEqual([]);
    expect(await notificationsOf(executive, "Chase Overdue")).toEqual([]);
  });
});
