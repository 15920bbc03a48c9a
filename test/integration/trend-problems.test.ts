/** Trends and the problem board through the HTTP contract, on engineered signals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

/** A day in Shanghai, `days` before today, and an instant at its noon. */
const shanghaiDay = (daysAgo: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
const noonOf = (day: string) => `${day}T12:00:00+08:00`;
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
const previousQuarterOf = (q: string) => {
  const [year, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
};

const today = shanghaiDay(0);
/** An instant of today in Shanghai that is not in the future: a minute ago, or just after midnight. */
const todayInstant = new Date(
  Math.max(Date.parse(`${today}T00:01:00+08:00`), Date.now() - 60_000),
).toISOString();
const quarter = quarterOf(today);
/** A day in the previous quarter: before the first day of this one. */
const earlier = (() => {
  for (let back = 1; ; back++) if (quarterOf(shanghaiDay(back)) !== quarter) return shanghaiDay(back + 3);
})();

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
  const signals = [
    // Today: 4 kettle signals, 3 negative (2 for quality, 1 for logistics and price).
    ...[1, 1, 1, 5].map((score, i) =>
      signal({
        signalId: `tp-today-${i}`,
        score,
        occurredAt: todayInstant,
        reasons: i < 2 ? ["quality"] : ["logistics", "price"],
      }),
    ),
    // Two days ago: 2 kettle signals, none negative.
    ...[5, 4].map((score, i) =>
      signal({ signalId: `tp-2d-${i}`, score, occurredAt: noonOf(shanghaiDay(2)) }),
    ),
    // Milk (another unit and category): 1 safety complaint today.
    signal({
      signalId: "tp-milk",
      productLineId: "pl-milk",
      kind: "complaint",
      score: undefined,
      severity: "major",
      reasons: ["safety"],
      occurredAt: todayInstant,
    }),
    // The previous quarter: 5 kettle quality complaints.
    ...Array.from({ length: 5 }, (_, i) =>
      signal({
        signalId: `tp-before-${i}`,
        kind: "complaint",
        score: undefined,
        severity: "minor",
        reasons: ["quality"],
        occurredAt: noonOf(earlier),
      }),
    ),
  ];
  const sent = await api.call("POST", "/v1/signals", { token: cco, body: { signals } });
  expect(sent.body).toMatchObject({ accepted: signals.length, rejected: [] });
});
afterAll(async () => runtime?.stop());

describe("GET /v1/product-lines/{id}/trend", () => {
  it("counts each day, keeping days without signals", async () => {
    const { status, body } = await api.call(
      "GET",
      `/v1/product-lines/pl-kettle/trend?from=${shanghaiDay(3)}&to=${today}&bucket=day`,
      { token: cco },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ productLineId: "pl-kettle", bucket: "day", timeZone: "Asia/Shanghai" });
    expect(body.points).toEqual([
      { start: shanghaiDay(3), n: 0, negatives: 0, negativeRate: null },
      { start: shanghaiDay(2), n: 2, negatives: 0, negativeRate: 0 },
      { start: shanghaiDay(1), n: 0, negatives: 0, negativeRate: null },
      { start: today, n: 4, negatives: 3, negativeRate: 0.75 },
    ]);
  });

  it("shows the last 12 weeks by week when asked nothing", async () => {
    const { body } = await api.call("GET", "/v1/product-lines/pl-kettle/trend", {
      token: await api.token("executive"),
    });
    expect(body.bucket).toBe("week");
    expect(body.to).toBe(today);
    expect(body.points.length).toBeGreaterThanOrEqual(12);
    // Six kettle signals this week; the previous quarter's five when they fall in the 12 weeks.
    const expected = 6 + (earlier >= shanghaiDay(83) ? 5 : 0);
    expect(body.points.reduce((sum: number, p: { n: number }) => sum + p.n, 0)).toBe(expected);
  });

  it.each([
    ["a day that does not exist", "from=2026-02-30&to=2026-03-01", "from"],
    ["an end before the start", `from=${today}&to=2020-01-01`, "to"],
    ["more than three years", "from=2020-01-01&to=2026-01-01", "from"],
    ["an unknown bucket", "bucket=hour", "bucket"],
  ])("answers %s with 400 naming the field", async (_what, query, field) => {
    const response = await api.call("GET", `/v1/product-lines/pl-kettle/trend?${query}`, { token: cco });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it("answers a line not in the catalog with 404", async () => {
    expect((await api.call("GET", "/v1/product-lines/pl-none/trend", { token: cco })).status).toBe(404);
  });
});

describe("GET /v1/problems", () => {
  it("counts negative signals by reason per line, unit and category, against the previous quarter", async () => {
    const { status, body } = await api.call("GET", `/v1/problems?period=${quarter}`, { token: cco });
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: quarter, previousPeriod: previousQuarterOf(quarter) });
    expect(body.total).toMatchObject({ negatives: 4, negativesChange: -1 });
    expect(body.total.byReason).toMatchObject({ quality: 2, logistics: 1, price: 1, safety: 1 });
    expect(body.total.byReasonChange).toMatchObject({ quality: -3, logistics: 1, safety: 1 });
    expect(
      body.productLines.map((l: { productLineId: string; negatives: number }) => [
        l.productLineId,
        l.negatives,
      ]),
    ).toEqual([
      ["pl-kettle", 3],
      ["pl-milk", 1],
    ]);
    expect(
      body.businessUnits.map((u: { businessUnitId: string; negatives: number }) => [
        u.businessUnitId,
        u.negatives,
      ]),
    ).toEqual([
      ["bu-home", 3],
      ["bu-fresh", 1],
    ]);
    expect(body.categories.find((c: { category: string }) => c.category === "dairy").byReason.safety).toBe(1);
  });

  it("filters by unit and category", async () => {
    const { body } = await api.call("GET", `/v1/problems?period=${quarter}&businessUnitId=bu-fresh`, {
      token: cco,
    });
    expect(body.productLines.map((l: { productLineId: string }) => l.productLineId)).toEqual(["pl-milk"]);
    expect(body.total.negatives).toBe(1);
  });

  it("answers CSV, one row per line", async () => {
    const response = await fetch(`${runtime.url}/v1/problems?period=${quarter}`, {
      headers: { authorization: `Bearer ${cco}`, accept: "text/csv" },
    });
    const rows = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toMatch(
      /^productLineId,name,nameZh,businessUnitId,category,n,negatives,negativesChange,quality,/,
    );
    expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual(["pl-kettle", "pl-milk"]);
  });

  it("is read by every signed-in role and answers a date range with 400 naming the period", async () => {
    const head = await api.token("bu-head", ["bu-fresh"]);
    expect((await api.call("GET", `/v1/problems?period=${quarter}`, { token: head })).status).toBe(200);
    const range = await api.call("GET", "/v1/problems?period=2026-01-01..2026-01-31", { token: cco });
    expect(range.status).toBe(400);
    expect(range.body.error.details[0].path).toBe("period");
  });
});
