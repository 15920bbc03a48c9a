/**
 * The Red and Rotten Strawberry awards through the HTTP contract, on engineered data: in the previous
 * quarter a field where shrinkage reorders both ends (the raw-rate order would name other lines), with
 * customers' words to cite; in the previous year a tie and a field to finalize — concurrently, then
 * never again, whatever arrives later. Who may run and read them, bad periods, and the schedules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { dayOfPreviousQuarter, quarterOfDay, shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

const pastDay = dayOfPreviousQuarter();
const quarter = quarterOfDay(pastDay);
const currentQuarter = quarterOfDay(shanghaiDay(0));
const currentYear = shanghaiDay(0).slice(0, 4);
const lastYear = String(Number(currentYear) - 1);
/** A day of last year well inside the retention window. */
const lastYearDay = `${lastYear}-12-10`;

const QUARTER_LINES: [id: string, n: number, negatives: number][] = [
  ["big-good", 1_000, 20], // 2.0 %: Red #1 only after shrinkage
  ["mid-good", 110, 1], // 0.9 %: the best raw rate, on a small sample
  ["ok-1", 500, 50],
  ["ok-2", 500, 50],
  ["mid-bad", 110, 37], // 33.6 %: the worst raw rate, on a small sample
  ["big-bad", 1_000, 300], // 30.0 %: Rotten #1 only after shrinkage
  ["tiny-terrible", 20, 18], // not eligible
  ["tiny-perfect", 20, 0], // not eligible
];
const YEAR_LINES: [id: string, n: number, negatives: number][] = [
  ["tie-b", 300, 6],
  ["tie-a", 300, 6],
  ["big-good", 1_000, 100],
  ["ok-1", 500, 50],
  ["mid-bad", 300, 60],
  ["big-bad", 300, 90],
];
const ALL_LINES = [...new Set([...QUARTER_LINES, ...YEAR_LINES].map(([id]) => id))];

const PHONE = "138-1234-5678";
let seq = 0;
const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);
/** csat signals of a line, one a second back from `base`: the first `negatives` score 1, the rest 4. */
const signalsFor = (line: string, n: number, negatives: number, base: Date, words = (_i: number) => ({})) =>
  Array.from({ length: n }, (_, i) => ({
    signalId: `aw-${line}-${seq++}`,
    productLineId: line,
    channel: "app",
    kind: "csat",
    score: i < negatives ? 1 : 4,
    occurredAt: new Date(base.getTime() - i * 1000).toISOString(),
    ...words(i),
  }));

// big-bad's two most recent signals are critical complaints (one with a phone number), the next two
// major ones, then worded low ratings; big-good's are two 5-star words, then two 4-star ones.
const bigBadWords = (i: number) =>
  i < 2
    ? {
        kind: "complaint",
        score: undefined,
        severity: "critical",
        verbatim: `插头冒烟 ${i}，请回电 ${PHONE}`,
        customerRef: `cust-${i}-secret`,
      }
    : i < 4
      ? { kind: "complaint", score: undefined, severity: "major", verbatim: `水壶漏水 ${i}` }
      : i < 10
        ? { verbatim: `不满意 ${i}` }
        : {};
const bigGoodWords = (i: number) =>
  i >= 20 && i < 22
    ? { score: 5, verbatim: `烧水很快，非常满意 ${i}` }
    : i >= 22 && i < 24
      ? { verbatim: `还可以 ${i}` }
      : {};

const send = async (signals: object[]) => {
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body).toMatchObject({ rejected: [], quarantined: 0 });
  }
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  const catalog = {
    businessUnits: [
      { id: "bu-a", name: "Unit A" },
      { id: "bu-b", name: "Unit B" },
    ],
    productLines: ALL_LINES.map((id) => ({
      id,
      name: `Line ${id}`,
      ...(id === "big-good" ? { nameZh: "好水壶" } : {}),
      businessUnitId: id.includes("bad") ? "bu-b" : "bu-a",
      category: "kitchen",
    })),
  };
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  await send([
    ...QUARTER_LINES.flatMap(([id, n, negatives]) =>
      signalsFor(
        id,
        n,
        negatives,
        noon(pastDay),
        id === "big-bad" ? bigBadWords : id === "big-good" ? bigGoodWords : undefined,
      ),
    ),
    ...YEAR_LINES.flatMap(([id, n, negatives]) => signalsFor(id, n, negatives, noon(lastYearDay))),
  ]);
});
afterAll(async () => runtime?.stop());

const post = (body: object, token = cco) => api.call("POST", "/v1/awards", { token, body });
const ids = (awards: { productLineId: string }[]) => awards.map((a) => a.productLineId);
const published = () => runtime.bus.published.filter((e) => e["detail-type"] === "Awards Published");

describe("a preview of the previous quarter", () => {
  it("ranks by the shrunk rate, which names other lines than the raw rate would", async () => {
    const { status, body } = await post({ period: quarter });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      period: quarter,
      policyVersion: 1,
      finalized: false,
      lines: 8,
      eligible: 6,
      minSample: 100,
      priorStrength: 50,
      count: 3,
      perList: 3,
      computedBy: "dev-cco",
    });
    expect(body.pooledRate).toBeCloseTo(476 / 3_260, 12);
    expect(body).not.toHaveProperty("finalizedAt");
    expect(ids(body.red)).toEqual(["big-good", "mid-good", "ok-1"]);
    expect(ids(body.rotten)).toEqual(["big-bad", "mid-bad", "ok-2"]);
    expect(body.red.map((a: { rank: number }) => a.rank)).toEqual([1, 2, 3]);
    expect(ids(body.ranked)).toEqual(["big-good", "mid-good", "ok-1", "ok-2", "mid-bad", "big-bad"]);
    expect(body.ranked[0]).toEqual({
      rank: 1,
      productLineId: "big-good",
      businessUnitId: "bu-a",
      n: 1_000,
      negatives: 20,
      negativeRate: 0.02,
      shrunkRate: (20 + 50 * (476 / 3_260)) / 1_050,
    });
    // The raw rates alone would have named mid-good and mid-bad first.
    const raw = (id: string) =>
      body.ranked.find((l: { productLineId: string }) => l.productLineId === id).negativeRate;
    expect(raw("mid-good")).toBeLessThan(raw("big-good"));
    expect(raw("mid-bad")).toBeGreaterThan(raw("big-bad"));
  });

  it("explains each award in Chinese and English", async () => {
    const { body } = await api.call("GET", `/v1/awards/${quarter}`, { token: await api.token("executive") });
    const [red] = body.red;
    expect(red).toMatchObject({ name: "Line big-good", nameZh: "好水壶" });
    expect(red.explanation.en).toContain("Red Strawberry #1: Line big-good (big-good).");
    expect(red.explanation.en).toContain(
      "20 negative experiences in 1,000 signals, a raw negative rate of 2.0%",
    );
    expect(red.explanation.en).toContain("all lines together: 14.6%.");
    expect(red.explanation.en).toContain("gives a shrunk rate of 2.6%, +0.6 points from its raw rate.");
    expect(red.explanation.en).toContain(
      "It ranks 1st of 6 eligible lines (at least 100 signals), best first.",
    );
    expect(red.explanation["zh-CN"]).toContain("红草莓第 1 名：好水壶（big-good）。");
    expect(red.explanation["zh-CN"]).toContain("原始负面率 2.0%");
    expect(red.explanation["zh-CN"]).toContain("较原始负面率变动 +0.6 个百分点");
    expect(red.explanation.figures).toMatchObject({ n: 1_000, negatives: 20, standing: 1, eligible: 6 });
    const [rotten] = body.rotten;
    expect(rotten.explanation.en).toContain("Rotten Strawberry #1: Line big-bad (big-bad).");
    expect(rotten.explanation.en).toContain(
      "It ranks 6th of 6 eligible lines (at least 100 signals), the worst.",
    );
    expect(rotten.explanation["zh-CN"]).toContain("烂草莓第 1 名：Line big-bad（big-bad）。");
    expect(rotten.explanation["zh-CN"]).toContain("即倒数第 1。");
  });

  it("cites the customers' words, most severe (or best) first, then most recent, with PII masked", async () => {
    const { body } = await api.call("GET", `/v1/awards/${quarter}`, {
      token: await api.token("bu-head", ["bu-a"]),
    });
    const [rotten] = body.rotten;
    expect(rotten.citation.map((c: { text: string }) => c.text)).toEqual([
      "插头冒烟 0，请回电 [PHONE]",
      "插头冒烟 1，请回电 [PHONE]",
      "水壶漏水 2",
    ]);
    expect(rotten.citation.map((c: { severity?: string }) => c.severity)).toEqual([
      "critical",
      "critical",
      "major",
    ]);
    expect(rotten.citation[0]).toMatchObject({ kind: "complaint", channel: "app" });
    const [red] = body.red;
    expect(red.citation.map((c: { text: string; score: number }) => [c.text, c.score])).toEqual([
      ["烧水很快，非常满意 20", 5],
      ["烧水很快，非常满意 21", 5],
      ["还可以 22", 4],
    ]);
    expect(JSON.stringify(body)).not.toContain(PHONE);
    expect(JSON.stringify(body)).not.toContain("-secret");
    const words = [...body.red, ...body.rotten].flatMap((a: { citation: { text: string }[] }) => a.citation);
    for (const { text } of words) expect(text).not.toMatch(/1[3-9]\d\D?\d{4}\D?\d{4}/);
    for (const cited of words) expect(Object.keys(cited)).not.toContain("customerRef");
    // Lines without words are cited with none rather than with someone else's.
    expect(body.red[2].citation).toEqual([]);
  });

  it("replaces the stored preview with a later one", async () => {
    const first = await api.call("GET", `/v1/awards/${quarter}`, { token: cco });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await post({ period: quarter, finalize: false });
    expect(again.status).toBe(200);
    expect(again.body.computedAt > first.body.computedAt).toBe(true);
    const stored = await api.call("GET", `/v1/awards/${quarter}`, { token: cco });
    expect(stored.body).toEqual(again.body);
    expect(published()).toEqual([]);
  });
});

describe("finalizing the previous year", () => {
  it("refuses to finalize a period that has not ended, naming finalize", async () => {
    for (const period of [currentQuarter, currentYear]) {
      const refused = await post({ period, finalize: true });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([
        { path: "finalize", message: expect.stringContaining(period) },
      ]);
    }
    expect((await api.call("GET", `/v1/awards/${currentYear}`, { token: cco })).status).toBe(404);
  });

  it("finalizes once under 8 concurrent calls: one result for all, one event", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post({ period: lastYear, finalize: true })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    const final = answers[0]?.body;
    expect(final).toMatchObject({
      period: lastYear,
      finalized: true,
      finalizedAt: final.computedAt,
      eligible: 6,
    });
    // A tie on identical counts goes to the smaller id.
    expect(ids(final.red)).toEqual(["tie-a", "tie-b", "big-good"]);
    expect(ids(final.rotten)).toEqual(["big-bad", "mid-bad", "ok-1"]);
    expect(published()).toHaveLength(1);
    expect(published()[0]?.detail).toMatchObject({
      eventId: `awards:${lastYear}:published`,
      period: lastYear,
      policyVersion: 1,
      red: [
        { rank: 1, productLineId: "tie-a", businessUnitId: "bu-a" },
        { rank: 2, productLineId: "tie-b", businessUnitId: "bu-a" },
        { rank: 3, productLineId: "big-good", businessUnitId: "bu-a" },
      ],
    });
    const relay = await api.call("POST", "/v1/dev/jobs/OutboxRelay", { token: cco });
    expect(relay.body).toEqual({ published: 0, refused: 0 });
  });

  it("answers the final awards unchanged ever after, even when late signals arrive, and 409 to a preview", async () => {
    const final = (await api.call("GET", `/v1/awards/${lastYear}`, { token: await api.token("executive") }))
      .body;
    expect(final.finalized).toBe(true);
    await send(signalsFor("tie-b", 300, 300, noon(`${lastYear}-12-20`)));
    expect(await post({ period: lastYear })).toEqual({ status: 200, body: final });
    expect(await post({ period: lastYear, finalize: true })).toEqual({ status: 200, body: final });
    const refused = await post({ period: lastYear, finalize: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ path: "finalize", message: expect.any(String) }]);
    expect((await api.call("GET", `/v1/awards/${lastYear}`, { token: cco })).body).toEqual(final);
    expect(published()).toHaveLength(1);
  });
});

describe("who may run and read the awards", () => {
  it("lets only the CCO team run them", async () => {
    for (const token of [
      await api.token("bu-head", ["bu-a"]),
      await api.token("executive"),
      await api.token("ingest"),
    ]) {
      const refused = await post({ period: quarter }, token);
      expect(refused.status).toBe(403);
    }
    expect((await api.call("POST", "/v1/awards", { body: { period: quarter } })).status).toBe(401);
  });

  it("lets any signed-in role read them, not an ingest client", async () => {
    for (const token of [cco, await api.token("bu-head", ["bu-b"]), await api.token("executive")])
      expect((await api.call("GET", `/v1/awards/${lastYear}`, { token })).status).toBe(200);
    expect(
      (await api.call("GET", `/v1/awards/${lastYear}`, { token: await api.token("ingest") })).status,
    ).toBe(403);
    expect((await api.call("GET", "/v1/awards/2019", { token: cco })).status).toBe(404);
  });

  it.each([["2026-Q5"], ["26"], ["2026-09-01..2026-09-30"], [""]])(
    "refuses the period %j, naming it",
    async (period) => {
      const refused = await post({ period });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(["period"]);
    },
  );

  it("refuses a bad period in the path, naming it", async () => {
    const refused = await api.call("GET", "/v1/awards/2026-Q0", { token: cco });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(["period"]);
  });
});

describe("the awards schedules (POST /v1/dev/jobs/{id})", () => {
  it("previews the quarter just ended and its year, and re-answers the final year", async () => {
    const quarterly = await api.call("POST", "/v1/dev/jobs/QuarterlyAwardsPreview", { token: cco });
    expect(quarterly.status).toBe(200);
    expect(quarterly.body).toMatchObject({
      kind: "quarterly",
      runs: [
        { period: quarter, finalized: false, red: ["big-good", "mid-good", "ok-1"] },
        { period: quarter.slice(0, 4), finalized: false },
      ],
    });
    const stored = await api.call("GET", `/v1/awards/${quarter}`, { token: cco });
    expect(stored.body.computedBy).toBe("schedule:quarterly-awards");

    const before = (await api.call("GET", `/v1/awards/${lastYear}`, { token: cco })).body;
    const yearly = await api.call("POST", "/v1/dev/jobs/YearlyAwards", { token: cco });
    expect(yearly.body).toMatchObject({ kind: "yearly", runs: [{ period: lastYear, finalized: true }] });
    expect((await api.call("GET", `/v1/awards/${lastYear}`, { token: cco })).body).toEqual(before);
    expect(published()).toHaveLength(1);

    const bad = await api.call("POST", "/v1/dev/jobs/YearlyAwards", {
      token: cco,
      body: { kind: "monthly" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/kind/);
  });
});
