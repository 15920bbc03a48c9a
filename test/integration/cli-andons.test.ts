/**
 * `npm run cli -- andons` against the real local runtime: the Andons the ingest raised, listed as a
 * table with the complaints of a raised one, filtered by status, as JSON, and a unit's head seeing
 * only their own unit's.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { cliAgainst } from "./cli-harness";
import { shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
const day = shanghaiDay(3);

const critical = (id: string, line: string, hour: number, words: string) => ({
  signalId: id,
  productLineId: line,
  channel: "hotline",
  kind: "complaint",
  severity: "critical",
  reasons: ["safety"],
  verbatim: words,
  occurredAt: `${day}T${String(hour).padStart(2, "0")}:15:00+08:00`,
});

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  const cco = await api.token("cco");
  const catalog = {
    businessUnits: [
      { id: "bu-a", name: "Unit A" },
      { id: "bu-b", name: "Unit B" },
    ],
    productLines: [
      { id: "pl-heater", name: "Heater", businessUnitId: "bu-a", category: "home" },
      { id: "pl-charger", name: "Charger", businessUnitId: "bu-b", category: "digital" },
    ],
  };
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const signals = [
    critical("h-1", "pl-heater", 9, "取暖器外壳烧焦了，电话 13812345678"),
    critical("h-2", "pl-heater", 20, "插头冒烟"),
    critical("c-1", "pl-charger", 10, "充电器爆裂"),
    critical("c-2", "pl-charger", 11, "充电器发烫起火"),
  ];
  expect((await api.call("POST", "/v1/signals", { token: cco, body: { signals } })).body.rejected).toEqual(
    [],
  );
  const raised = (await api.call("GET", "/v1/andons?businessUnitId=bu-b", { token: cco })).body.items;
  expect(raised).toHaveLength(1);
  const dismissed = await api.call("POST", `/v1/andons/${raised[0].id}/actions`, {
    token: cco,
    body: { action: "dismiss", comment: "A counterfeit charger, not ours", version: raised[0].version },
  });
  expect(dismissed.status).toBe(200);
});
afterAll(async () => runtime?.stop());

const cli = cliAgainst(() => runtime);

it("lists the Andons the ingest raised, with a raised one's complaints and a dismissal's reason", async () => {
  const { code, out, err } = await cli("andons");
  expect([code, err]).toEqual([0, ""]);
  const rows = out.split("\n");
  expect(rows[0]).toMatch(/^day +line +unit +critical +status +notice +decided by$/);
  expect(rows.some((r) => new RegExp(`^${day} +pl-heater +bu-a +2 +RAISED$`).test(r))).toBe(true);
  expect(rows.some((r) => new RegExp(`^${day} +pl-charger +bu-b +2 +DISMISSED +\\S+$`).test(r))).toBe(true);
  expect(out).toContain("插头冒烟");
  expect(out).not.toContain("13812345678");
  expect(out).toContain("dismissed: A counterfeit charger, not ours");
});

it("filters by status and prints JSON", async () => {
  const { code, out } = await cli("andons", "--status", "DISMISSED", "--json");
  expect(code).toBe(0);
  const andons = JSON.parse(out) as { productLineId: string; status: string }[];
  expect(andons.map((a) => [a.productLineId, a.status])).toEqual([["pl-charger", "DISMISSED"]]);
});

it("shows a unit's head their own unit's only", async () => {
  const head = await api.token("bu-head", ["bu-a"]);
  const { code, out } = await cli("andons", "--token", head);
  expect(code).toBe(0);
  expect(out).toContain("pl-heater");
  expect(out).not.toContain("pl-charger");
});
