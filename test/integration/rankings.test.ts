/** Rankings through the HTTP contract: from the period totals, fair, filtered, paged, and as CSV. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

const units = [
  { id: "bu-a", name: "Unit A" },
  { id: "bu-b", name: "Unit B" },
];
const line = (id: string, businessUnitId: string, category: string, name = id) => ({
  id,
  name,
  businessUnitId,
  category,
});
const catalog = {
  businessUnits: units,
  productLines: [
    line("pl-good", "bu-a", "kitchen"),
    line("pl-bad", "bu-a", "kitchen"),
    line("pl-tiny", "bu-b", "garden"),
    line("pl-mid", "bu-b", "kitchen", '=HYPERLINK("http://x")'),
    line("pl-silent", "bu-b", "garden"),
  ],
};
/** [line, signals, negatives] */
const plan: [string, number, number][] = [
  ["pl-good", 400, 20],
  ["pl-bad", 300, 120],
  ["pl-tiny", 10, 0],
  ["pl-mid", 200, 30],
];

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const signals = plan.flatMap(([productLineId, n, negatives]) =>
    Array.from({ length: n }, (_, i) =>
      signal({ signalId: `rk-${productLineId}-${i}`, productLineId, score: i < negatives ? 1 : 5 }),
    ),
  );
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body.rejected).toEqual([]);
  }
});
afterAll(async () => runtime?.stop());

const rankings = async (query: string, token = cco) => api.call("GET", `/v1/rankings?${query}`, { token });

describe("GET /v1/rankings", () => {
  it("ranks every line of the catalog best to worst by shrunk rate, silent lines included", async () => {
    const { status, body } = await rankings(`period=${currentQuarter()}`);
    expect(status).toBe(200);
    expect(body.items.map((l: { productLineId: string }) => l.productLineId)).toEqual([
      "pl-good", // (20 + 50·p0) / 450 ≈ 6.5 %
      "pl-tiny", // (0 + 50·p0) / 60 ≈ 15.6 %: ten spotless signals do not make it the best
      "pl-mid", // (30 + 50·p0) / 250 ≈ 15.7 %
      "pl-silent", // no signals: the pooled rate itself, ≈ 18.7 %
      "pl-bad", // (120 + 50·p0) / 350 ≈ 37.0 %
    ]);
    expect(body.items.map((l: { rank: number }) => l.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(body.pooledRate).toBeCloseTo(170 / 910, 12);
    expect(body).toMatchObject({ period: currentQuarter(), policyVersion: 1, total: 5 });
    expect(body.bar).toBeCloseTo(1.5 * (170 / 910), 12); // the relative bar is above 20 %
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
    const bad = body.items.find((l: { productLineId: string }) => l.productLineId === "pl-bad");
    expect(bad).toMatchObject({ n: 300, negatives: 120, negativeRate: 0.4, pulled: false, andon: false });
    expect(bad.shrunkRate).toBeCloseTo((120 + 50 * (170 / 910)) / 350, 12);
    const silent = body.items.find((l: { productLineId: string }) => l.productLineId === "pl-silent");
    expect(silent).toMatchObject({ n: 0, negativeRate: null, wilson: null });
  });

  it("counts exactly what the day rollups count, line by line", async () => {
    const { body } = await rankings(`period=${currentQuarter()}`);
    const quarter = (
      await api.call("GET", `/v1/product-lines/pl-good/metrics?period=${currentQuarter()}`, { token: cco })
    ).body;
    const range = `${quarter.from}..${quarter.to}`;
    for (const ranked of body.items) {
      const fromRollups = await api.call(
        "GET",
        `/v1/product-lines/${ranked.productLineId}/metrics?period=${range}`,
        {
          token: cco,
        },
      );
      expect([ranked.n, ranked.negatives], ranked.productLineId).toEqual([
        fromRollups.body.n,
        fromRollups.body.negatives,
      ]);
    }
  });

  it("filters by unit and category, keeping each line's rank among all", async () => {
    const { body } = await rankings(`period=${currentQuarter()}&businessUnitId=bu-b&category=kitchen`);
    expect(body.items.map((l: { productLineId: string; rank: number }) => [l.productLineId, l.rank])).toEqual(
      [["pl-mid", 3]],
    );
    expect(body.total).toBe(1);
  });

  it("pages with a signed cursor until every line was listed once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await rankings(
        `period=${currentQuarter()}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...body.items.map((l: { productLineId: string }) => l.productLineId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("answers CSV, with formulas in names neutralised", async () => {
    const response = await fetch(`${runtime.url}/v1/rankings?period=${currentQuarter()}&format=csv`, {
      headers: { authorization: `Bearer ${cco}` },
    });
    const text = await response.text();
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "rank,productLineId,name,nameZh,businessUnitId,category,n,negatives,negativeRate,wilsonLo,wilsonHi,shrunkRate,pulled,atRisk,andon",
    );
    expect(lines).toHaveLength(6);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("is read by every signed-in role, not by machine clients", async () => {
    for (const role of ["bu-head", "executive"])
      expect((await rankings(`period=${currentQuarter()}`, await api.token(role, ["bu-a"]))).status).toBe(
        200,
      );
    expect((await rankings(`period=${currentQuarter()}`, await api.token("ingest"))).status).toBe(403);
  });

  it.each([
    ["a date range", "2026-01-01..2026-01-31"],
    ["no period", ""],
  ])("answers %s with 400 naming the period", async (_what, period) => {
    const response = await rankings(period ? `period=${period}` : "");
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe("period");
  });
});
