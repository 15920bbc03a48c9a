/**
 * `npm run cli -- review` against the real local runtime, on engineered data in the previous quarter:
 * one line clearly worse than the bar, one at risk, three ordinary ones and one too small to judge.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { cliAgainst } from "./cli-harness";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;

const shanghaiDay = (daysAgo: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
// The previous quarter is complete whatever the day the test runs, so its figures are fixed.
const pastDay = (() => {
  const current = quarterOf(shanghaiDay(0));
  for (let back = 1; ; back++) if (quarterOf(shanghaiDay(back)) !== current) return shanghaiDay(back + 3);
})();
const quarter = quarterOf(pastDay);

const LINES: [id: string, n: number, negatives: number][] = [
  ["pl-bad", 200, 90],
  ["pl-risk", 100, 27],
  ["pl-ok-1", 500, 40],
  ["pl-ok-2", 500, 40],
  ["pl-ok-3", 500, 40],
  ["pl-small", 20, 15],
];

const signals = LINES.flatMap(([line, n, negatives]) =>
  Array.from({ length: n }, (_, i) => ({
    signalId: `cr-${line}-${i}`,
    productLineId: line,
    channel: "survey",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    ...(i < negatives ? { reasons: [i % 3 === 0 ? "logistics" : "quality"] } : {}),
    occurredAt: new Date(new Date(`${pastDay}T12:00:00+08:00`).getTime() - i * 1000).toISOString(),
  })),
);

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  const cco = await api.token("cco");
  const catalog = {
    businessUnits: [{ id: "bu-a", name: "Unit A" }],
    productLines: LINES.map(([id]) => ({ id, name: id, businessUnitId: "bu-a", category: "厨房电器" })),
  };
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body).toMatchObject({ rejected: [], quarantined: 0 });
  }
});
afterAll(async () => runtime?.stop());

const cli = cliAgainst(() => runtime);

/** The table row of a line, split into its cells. */
const rowOf = (out: string, line: string) =>
  out
    .split("\n")
    .find((l) => l.startsWith(`${line} `))
    ?.split(/ {2,}/);

it("dry-runs, runs and re-runs the review of a quarter, printing the flagged and at-risk lines", async () => {
  // A dry run: the flag and the line at risk, with nothing issued.
  const dry = await cli("review", "--quarter", quarter, "--dry-run");
  expect(dry.err).toBe("");
  expect(dry.code).toBe(0);
  expect(dry.out).toContain(`Review of ${quarter} (DRY RUN: nothing stored, no notices issued)`);
  // Pooled 252 / 1,820 = 13.8 %, so the relative bar 1.5 × 13.8 % = 20.8 % is above the absolute 20 %.
  expect(dry.out).toContain("  pooled rate     13.8 %  (252 negatives in 1,820 signals)");
  expect(dry.out).toContain(
    "  bar             20.8 %  the relative bar (1.5 x pooled rate), above the absolute 20.0 %",
  );
  expect(dry.out).toContain("  ran             ");
  expect(dry.out).toMatch(/ UTC by dev-cco\n/);
  expect(rowOf(dry.out, "pl-bad")).toEqual([
    "pl-bad",
    "bu-a",
    "200",
    "90",
    "45.0",
    "38.3",
    "20.8",
    "FLAGGED",
    "rate",
    "quality 60, logistics 30",
  ]);
  const risk = rowOf(dry.out, "pl-risk");
  expect(risk?.slice(0, 8)).toEqual(["pl-risk", "bu-a", "100", "27", "27.0", "19.3", "20.8", "AT RISK"]);
  expect(risk?.[8]).toMatch(/^\+\d+ neg$/);
  expect(dry.out).not.toContain("pl-ok-1");
  expect(dry.out).toContain("6 lines reviewed: 1 flagged, 1 at risk, 3 ok, 1 too small (n < 30)");
  expect(
    (await api.call("GET", `/v1/notices/n-${quarter}-pl-bad`, { token: await api.token("cco") })).status,
  ).toBe(404);

  // The run issues the notice and names it in the table.
  const run = await cli("review", "--quarter", quarter);
  expect(run.code).toBe(0);
  expect(run.out).toContain("  notices         1 carries this quarter's flag");
  expect(rowOf(run.out, "pl-bad")).toContain(`n-${quarter}-pl-bad`);
  const notice = await api.call("GET", `/v1/notices/n-${quarter}-pl-bad`, { token: await api.token("cco") });
  expect(notice.body).toMatchObject({ productLineId: "pl-bad", status: "ISSUED" });

  // Re-running answers the stored review: the same notice, and the first run's time.
  const again = await cli("review", "--quarter", quarter, "--json");
  expect(again.code).toBe(0);
  const stored = await api.call("GET", `/v1/reviews/${quarter}`, { token: await api.token("executive") });
  expect(JSON.parse(again.out)).toEqual(stored.body);
  expect(stored.body.noticesIssued).toEqual([`n-${quarter}-pl-bad`]);
  const ranAt = stored.body.ranAt.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  expect(run.out).toContain(`  ran             ${ranAt} by dev-cco\n`);
});

it("says why a token without role cco cannot run a review", async () => {
  const head = await api.token("bu-head", ["bu-a"]);
  const refused = await cli("review", "--quarter", quarter, "--token", head);
  expect(refused.code).toBe(1);
  expect(refused.out).toBe("");
  expect(refused.err).toMatch(
    /^The API answered 403 forbidden: .*\nThe token was refused: pass a valid --token \(role cco\)\.\n$/,
  );
});
