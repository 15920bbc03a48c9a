/**
 * The pull-and-fix review and its notices through the HTTP contract, on engineered data in the
 * previous quarter: flags and evidence, idempotent and concurrent runs, the what-if, who sees and
 * does what, the lifecycle with optimistic versions, pulled lines, events, and repeats.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScheduledReview } from "#app/scheduled-review";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { dayOfPreviousQuarter, quarterOfDay, shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let headA: string;
let headB: string;

const current = quarterOfDay(shanghaiDay(0));
const pastDay = dayOfPreviousQuarter();
const previous = quarterOfDay(pastDay);
/** The first day of the quarter after `quarter`. */
const nextQuarterStart = (quarter: string) => {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
};

const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Unit A" },
    { id: "bu-b", name: "Unit B" },
  ],
  productLines: [
    ...["pl-bad", "pl-27", "pl-crit", "pl-ok-1", "pl-ok-2", "pl-ok-3", "pl-ok-4"].map((id) => ({
      id,
      name: id,
      businessUnitId: "bu-a",
      category: "kitchen",
    })),
    { id: "pl-b-bad", name: "B bad", businessUnitId: "bu-b", category: "garden" },
    { id: "pl-small", name: "Small", businessUnitId: "bu-b", category: "garden" },
  ],
};

let seq = 0;
/** Noon of a Shanghai day. */
const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);
/** `count` signals of a line at `base`, the first `negatives` of them negative; later ones are older. */
const signalsFor = (
  line: string,
  count: number,
  negatives: number,
  base: Date,
  extra: (i: number) => object = () => ({}),
) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `rv-${line}-${seq++}`,
    productLineId: line,
    channel: "hotline",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    occurredAt: new Date(base.getTime() - i * 1000).toISOString(),
    ...extra(i),
  }));

const complaint = (severity: string, verbatim: string) => ({
  kind: "complaint",
  score: undefined,
  severity,
  verbatim,
  reasons: ["safety"],
});

const send = async (signals: object[]) => {
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body.rejected).toEqual([]);
  }
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  headA = await api.token("bu-head", ["bu-a"]);
  headB = await api.token("bu-head", ["bu-b"]);
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  await send([
    // pl-bad: 400 signals, 160 negative; its 2 critical and 5 major complaints are the most recent.
    ...signalsFor("pl-bad", 400, 160, noon(pastDay), (i) =>
      i < 2
        ? complaint("critical", `插头冒烟 ${i}，电话 138 1234 567${i}`)
        : i < 7
          ? complaint("major", `漏水 ${i}`)
          : {},
    ),
    ...signalsFor("pl-27", 100, 27, noon(pastDay)),
    ...signalsFor("pl-crit", 500, 25, noon(pastDay), (i) =>
      i < 3 ? complaint("critical", `烫伤 ${i}`) : {},
    ),
    ...["pl-ok-1", "pl-ok-2", "pl-ok-3", "pl-ok-4"].flatMap((line) =>
      signalsFor(line, 500, 40, noon(pastDay)),
    ),
    ...signalsFor("pl-b-bad", 300, 150, noon(pastDay)),
    ...signalsFor("pl-small", 20, 15, noon(pastDay)),
  ]);
});
afterAll(async () => runtime?.stop());

const review = (body: object, token = cco) => api.call("POST", "/v1/reviews", { token, body });
const notice = (id: string, token = cco) => api.call("GET", `/v1/notices/${id}`, { token });
const act = (id: string, body: object, token: string) =>
  api.call("POST", `/v1/notices/${id}/actions`, { token, body });
const published = (detailType: string) =>
  runtime.bus.published.filter((e) => e["detail-type"] === detailType);
const flaggedOf = (body: { lines: { productLineId: string; flagged: boolean }[] }) =>
  body.lines
    .filter((l) => l.flagged)
    .map((l) => l.productLineId)
    .sort();
const noticeOf = (line: string, quarter = previous) => `n-${quarter}-${line}`;

describe("the review of a quarter", () => {
  it("runs dry and as a what-if without storing or issuing anything", async () => {
    const dry = await review({ quarter: previous, dryRun: true });
    expect(dry.status).toBe(200);
    expect(flaggedOf(dry.body)).toEqual(["pl-b-bad", "pl-bad", "pl-crit"]);
    expect(dry.body.pooledRate).toBeCloseTo(537 / 3320, 12);
    expect(dry.body.bar).toMatchObject({ from: "relative" });
    expect(dry.body.bar.value).toBeCloseTo(1.5 * (537 / 3320), 12);
    const at27 = dry.body.lines.find((l: { productLineId: string }) => l.productLineId === "pl-27");
    expect(at27).toMatchObject({ flagged: false, atRisk: true });
    expect(at27.negativesToFlag).toBeGreaterThan(0);

    const whatIf = await review({
      quarter: previous,
      dryRun: true,
      policy: { review: { absoluteThreshold: 0.15, relativeThreshold: 0.9 } },
    });
    expect(whatIf.body.changes).toEqual([{ productLineId: "pl-27", wasFlagged: false, wouldFlag: true }]);

    expect((await api.call("GET", `/v1/reviews/${previous}`, { token: cco })).status).toBe(404);
    expect((await api.call("GET", "/v1/notices", { token: cco })).body.items).toEqual([]);
    expect(published("Notice Issued")).toEqual([]);
  });

  it("refuses a proposed policy outside a dry run, and a review by anyone but the CCO team", async () => {
    const real = await review({ quarter: previous, policy: { review: { minSample: 10 } } });
    expect(real.status).toBe(400);
    expect(real.body.error.details[0].path).toBe("policy");
    expect((await review({ quarter: previous }, headA)).status).toBe(403);
    expect((await review({ quarter: "2026-Q5" })).status).toBe(400);
  });

  it("refuses to store the review of a quarter that has not ended, and previews it as a dry run", async () => {
    const early = await review({ quarter: current });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0]).toMatchObject({ path: "quarter" });
    expect(early.body.error.details[0].message).toMatch(/has not ended/);
    expect((await review({ quarter: current, dryRun: true })).status).toBe(200);
    expect((await api.call("GET", `/v1/reviews/${current}`, { token: cco })).status).toBe(404);
  });

  it("issues one notice per flagged line and stores one review, however many runs at once", async () => {
    const [a, b] = await Promise.all([review({ quarter: previous }), review({ quarter: previous })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const ids = [noticeOf("pl-b-bad"), noticeOf("pl-bad"), noticeOf("pl-crit")];
    expect([...a.body.noticesIssued].sort()).toEqual(ids);
    expect([...b.body.noticesIssued].sort()).toEqual(ids);
    const listed = (await api.call("GET", "/v1/notices", { token: cco })).body.items;
    expect(listed.map((n: { id: string }) => n.id).sort()).toEqual(ids);
    expect(
      published("Notice Issued")
        .map((e) => (e.detail as { noticeId: string }).noticeId)
        .sort(),
    ).toEqual(ids);
    expect(published("Product Line Pulled")).toHaveLength(3);
  });

  it("answers a re-run with the stored review, unchanged", async () => {
    const stored = await api.call("GET", `/v1/reviews/${previous}`, { token: await api.token("executive") });
    const again = await review({ quarter: previous });
    expect(again.body).toEqual(stored.body);
    expect(published("Notice Issued")).toHaveLength(3);
  });
});

describe("a notice", () => {
  it("carries its evidence: figures, bar, policy version, reasons and the most severe recent words, masked", async () => {
    const { status, body } = await notice(noticeOf("pl-bad"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ISSUED",
      version: 1,
      source: "review",
      overdue: false,
      policyVersion: 1,
    });
    expect(body.evidence).toMatchObject({
      n: 400,
      negatives: 160,
      flaggedBy: ["rate"],
      criticalComplaints: 2,
    });
    expect(body.evidence.verbatims.map((v: { text: string }) => v.text)).toEqual([
      "插头冒烟 0，电话 [PHONE]",
      "插头冒烟 1，电话 [PHONE]",
      "漏水 2",
      "漏水 3",
      "漏水 4",
    ]);
    expect(body.audit).toEqual([
      expect.objectContaining({ action: "issue", to: "ISSUED", actor: "dev-cco" }),
    ]);
  });

  it("is pulled in the rankings, the metrics and the catalog while it is open", async () => {
    const ranked = await api.call("GET", `/v1/rankings?period=${previous}`, { token: cco });
    const pulled = ranked.body.items
      .filter((l: { pulled: boolean }) => l.pulled)
      .map((l: { productLineId: string }) => l.productLineId);
    expect(pulled.sort()).toEqual(["pl-b-bad", "pl-bad", "pl-crit"]);
    const metrics = await api.call("GET", `/v1/product-lines/pl-bad/metrics?period=${previous}`, {
      token: cco,
    });
    expect(metrics.body).toMatchObject({ pulled: true, openNoticeId: noticeOf("pl-bad") });
    const catalogView = await api.call("GET", "/v1/catalog", { token: cco });
    expect(catalogView.body.productLines.find((l: { id: string }) => l.id === "pl-ok-1")).toMatchObject({
      pulled: false,
    });
  });

  it("is seen by its own unit's head only", async () => {
    const listed = await api.call("GET", "/v1/notices", { token: headB });
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([noticeOf("pl-b-bad")]);
    expect((await notice(noticeOf("pl-bad"), headB)).status).toBe(403);
    expect((await api.call("GET", "/v1/notices?businessUnitId=bu-a", { token: headB })).status).toBe(403);
    const all = await api.call("GET", "/v1/notices?status=ISSUED", { token: await api.token("executive") });
    expect(all.body.items).toHaveLength(3);
    const paged = await api.call("GET", "/v1/notices?limit=2", { token: cco });
    const rest = await api.call("GET", `/v1/notices?limit=2&cursor=${paged.body.nextCursor}`, { token: cco });
    expect([...paged.body.items, ...rest.body.items].map((n: { id: string }) => n.id).sort()).toHaveLength(3);
  });
});

describe("the lifecycle", () => {
  const id = noticeOf("pl-b-bad");
  const fix = {
    rootCause: "A seal supplier changed",
    actions: [{ description: "Back to the old seal", owner: "Wang Li", dueDate: "2026-12-31" }],
  };

  it("goes from issued to relisted with the right roles, versions and a fix plan, every step audited", async () => {
    expect((await act(id, { action: "acknowledge", version: 1 }, await api.token("executive"))).status).toBe(
      403,
    );
    expect((await act(id, { action: "acknowledge", version: 1 }, headA)).status).toBe(403);
    const acknowledged = await act(
      id,
      { action: "acknowledge", version: 1, comment: "Looking into it" },
      headB,
    );
    expect(acknowledged.body).toMatchObject({ status: "ACKNOWLEDGED", version: 2 });
    expect((await act(id, { action: "acknowledge", version: 1 }, headB)).status).toBe(409);
    const noPlan = await act(id, { action: "submit-fix", version: 2 }, headB);
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.error.details[0].path).toBe("fix");
    const fixed = await act(id, { action: "submit-fix", version: 2, fix }, headB);
    expect(fixed.body).toMatchObject({
      status: "FIX_SUBMITTED",
      version: 3,
      fix: { rootCause: fix.rootCause, submittedBy: "dev-bu-head" },
    });
    expect(fixed.body.effect).toMatchObject({ label: "too-early", before: { n: expect.any(Number) } });
    expect((await act(id, { action: "relist", version: 3 }, headB)).status).toBe(403);
    const relisted = await act(id, { action: "relist", version: 3, comment: "Seals back to spec" }, cco);
    expect(relisted.body).toMatchObject({ status: "RELISTED", version: 4 });
    expect(relisted.body.audit.map((a: { action: string; actor: string }) => [a.action, a.actor])).toEqual([
      ["issue", "dev-cco"],
      ["acknowledge", "dev-bu-head"],
      ["submit-fix", "dev-bu-head"],
      ["relist", "dev-cco"],
    ]);
    expect(
      (await api.call("GET", `/v1/product-lines/pl-b-bad/metrics?period=${previous}`, { token: cco })).body
        .pulled,
    ).toBe(false);
    expect(published("Product Line Relisted").map((e) => e.detail)).toEqual([
      expect.objectContaining({ noticeId: id, reason: "relisted" }),
    ]);
  });

  it("lets one of two concurrent actions on the same version through and answers the other 409", async () => {
    const both = await Promise.all([
      act(noticeOf("pl-bad"), { action: "acknowledge", version: 1 }, headA),
      act(noticeOf("pl-bad"), { action: "acknowledge", version: 1 }, cco),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("withdraws an upheld appeal and releases the line", async () => {
    const appealed = await act(
      noticeOf("pl-crit"),
      { action: "appeal", version: 1, comment: "Burns were misuse" },
      headA,
    );
    expect(appealed.body.status).toBe("APPEALED");
    const upheld = await act(noticeOf("pl-crit"), { action: "uphold-appeal", version: 2 }, cco);
    expect(upheld.body.status).toBe("WITHDRAWN");
    expect(published("Product Line Relisted").map((e) => (e.detail as { reason: string }).reason)).toContain(
      "withdrawn",
    );
  });
});

describe("repeats", () => {
  it("marks a line flagged again after its relist, and links its new notice to the earlier one", async () => {
    // Bad again this quarter, after the relist (an hour ago), among ordinary lines.
    const recently = new Date(Date.now() - 3_600_000);
    await send([
      ...signalsFor("pl-b-bad", 100, 60, recently),
      ...["pl-ok-1", "pl-ok-2", "pl-ok-3", "pl-ok-4"].flatMap((line) => signalsFor(line, 500, 40, recently)),
    ]);
    // Through the contract, the quarter still running previews the repeat…
    const preview = await review({ quarter: current, dryRun: true });
    expect(
      preview.body.lines.find((l: { productLineId: string }) => l.productLineId === "pl-b-bad"),
    ).toMatchObject({
      flagged: true,
      repeat: true,
    });
    // …and its review, run when it has ended (by the schedule's use case, on the clock of that day),
    // issues the repeat notice linked to the earlier one.
    const afterTheQuarter = new Date(Date.parse(`${nextQuarterStart(current)}T02:00:00+08:00`));
    const body = await runAs("quarterlyReview", () =>
      runScheduledReview({ quarter: current }, afterTheQuarter),
    );
    const line = body.lines.find((l) => l.productLineId === "pl-b-bad");
    expect(line).toMatchObject({ flagged: true, repeat: true, noticeId: noticeOf("pl-b-bad", current) });
    const repeatNotice = await notice(noticeOf("pl-b-bad", current));
    expect(repeatNotice.body).toMatchObject({ repeatOf: noticeOf("pl-b-bad"), status: "ISSUED" });
    expect(published("Notice Issued").map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ noticeId: noticeOf("pl-b-bad", current), repeatOf: noticeOf("pl-b-bad") }),
    );
  });
});
