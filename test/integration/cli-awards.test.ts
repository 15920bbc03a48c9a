/**
 * `npm run cli -- awards` against the real local runtime: a preview of the previous quarter printed as
 * Red and Rotten tables with explanations and citations, then the previous year finalized, re-run
 * unchanged and printed as JSON, and a bu-head's token refused with the role it needs.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { cliAgainst } from "./cli-harness";
import { dayOfPreviousQuarter, quarterOfDay, shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;

const pastDay = dayOfPreviousQuarter();
const quarter = quarterOfDay(pastDay);
const lastYear = String(Number(shanghaiDay(0).slice(0, 4)) - 1);

const LINES: [id: string, n: number, negatives: number][] = [
  ["pl-best", 400, 8],
  ["pl-good", 300, 15],
  ["pl-mid", 300, 30],
  ["pl-poor", 300, 60],
  ["pl-worst", 400, 120],
  ["pl-small", 20, 19],
];

const signalsOn = (day: string, prefix: string) =>
  LINES.flatMap(([line, n, negatives]) =>
    Array.from({ length: n }, (_, i) => ({
      signalId: `${prefix}-${line}-${i}`,
      productLineId: line,
      channel: "survey",
      kind: "csat",
      score: i < negatives ? 1 : 5,
      ...(i === 0 && line === "pl-worst" ? { verbatim: "客服不理人，电话 13812345678" } : {}),
      ...(i === n - 1 && line === "pl-best" ? { verbatim: "非常好用" } : {}),
      occurredAt: new Date(new Date(`${day}T12:00:00+08:00`).getTime() - i * 1000).toISOString(),
    })),
  );

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  const cco = await api.token("cco");
  const catalog = {
    businessUnits: [{ id: "bu-a", name: "Unit A" }],
    productLines: LINES.map(([id]) => ({
      id,
      name: id === "pl-best" ? "Best kettle" : id,
      businessUnitId: "bu-a",
      category: "厨房电器",
    })),
  };
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const signals = [...signalsOn(pastDay, "q"), ...signalsOn(`${lastYear}-11-15`, "y")];
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

const rowOf = (out: string, line: string) =>
  out
    .split("\n")
    .find((l) => new RegExp(`^ *\\d+  ${line} `).test(l))
    ?.trim()
    .split(/ {2,}/);

it("previews a quarter's awards as two tables with explanations and citations", async () => {
  const { code, out, err } = await cli("awards", "--period", quarter);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out).toContain(`Awards of ${quarter} (PREVIEW: not final; the next run replaces it)`);
  expect(out).toContain("  eligible        5 lines with n >= 100, ranked by shrunk rate (m = 50)");
  expect(out).toContain("2 per list, not 3: only 5 eligible lines, and no line is both Red and Rotten.");
  expect(out).toMatch(/RED STRAWBERRIES[^\n]*\nrank +line +name +unit +n +neg +rate % +shrunk % +standing\n/);
  expect(rowOf(out, "pl-best")).toEqual([
    "1",
    "pl-best",
    "Best kettle",
    "bu-a",
    "400",
    "8",
    "2.0",
    expect.any(String),
    "1 of 5",
  ]);
  expect(rowOf(out, "pl-worst")).toEqual([
    "1",
    "pl-worst",
    "pl-worst",
    "bu-a",
    "400",
    "120",
    "30.0",
    expect.any(String),
    "5 of 5",
  ]);
  expect(out.indexOf("ROTTEN STRAWBERRIES")).toBeGreaterThan(out.indexOf("RED STRAWBERRIES"));
  expect(out).not.toMatch(/^ *\d+ {2}pl-mid /m);
  expect(out).toContain(
    "Red Strawberry #1  pl-best\n  Red Strawberry #1: Best kettle (pl-best). 8 negative experiences in 400 signals",
  );
  expect(out).toMatch(/ {2}"非常好用" \(survey, csat 5, \d{4}-\d{2}-\d{2}\)/);
  expect(out).toMatch(/ {2}"客服不理人，电话 \[PHONE\]" \(survey, csat 1, /);
  expect(out).not.toContain("13812345678");
  expect(out).toContain("  (no customer words to cite in the period)");
});

it("finalizes a year, and a re-run answers the same final awards", async () => {
  const final = await cli("awards", "--period", lastYear, "--finalize");
  expect(final.code).toBe(0);
  expect(final.out).toMatch(
    new RegExp(`^Awards of ${lastYear} \\(FINAL since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\)\\n`),
  );
  const again = await cli("awards", "--period", lastYear, "--json");
  expect(again.code).toBe(0);
  const stored = await api.call("GET", `/v1/awards/${lastYear}`, { token: await api.token("executive") });
  expect(JSON.parse(again.out)).toEqual(stored.body);
  expect(stored.body.finalized).toBe(true);
  expect((await cli("awards", "--period", lastYear)).out).toBe(final.out);
});

it("says why a token without role cco cannot run the awards", async () => {
  const head = await api.token("bu-head", ["bu-a"]);
  const refused = await cli("awards", "--period", quarter, "--token", head);
  expect(refused.code).toBe(1);
  expect(refused.out).toBe("");
  expect(refused.err).toMatch(
    /^The API answered 403 forbidden: .*\nThe token was refused: pass a valid --token \(role cco\)\.\n$/,
  );
});

it("says why a quarter that has not ended cannot be finalized", async () => {
  const current = quarterOfDay(shanghaiDay(0));
  const refused = await cli("awards", "--period", current, "--finalize");
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(
    /^The API answered 400 validation_failed: Only a period that has ended can be finalized\n {2}finalize: /,
  );
});
