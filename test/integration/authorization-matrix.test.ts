/**
 * The authorization matrix, generated from the route table: every route × every caller (each role,
 * the owning unit's head and another unit's, no token, an expired one, one signed with a wrong key,
 * `alg: none`) answers what DESIGN §1/§4 imply — derived from the grant table and the route's
 * `access` — on a world with real objects of two units. Lists scoped to a head's units are walked
 * page by page for another unit's items, and CSV exports are checked for their rows' units.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteSpec } from "#http/route";
import type { Runtime } from "#infra/local/runtime";
import { ROUTES, type Route } from "#routes/index";
import {
  type Caller,
  callersOf,
  expectationOf,
  reachOf,
  runRoute,
  type Setup,
  walkList,
} from "./authorization-matrix";
import { catalog, OTHER, OWN, type Seeded, seedWorld } from "./authorization-seed";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let callers: Caller[];
let seeded: Seeded;
let policy: Record<string, unknown>;
let cases = 0;
/** The route table, each entry as the general route it is. */
const TABLE: readonly RouteSpec[] = ROUTES;
let pages = 0;

const now = () => new Date(Date.now() - 60_000).toISOString();

/** How each route is called: a route of the table without its entry here fails (and does not compile). */
const setups = (s: Seeded): Record<Route["operationId"], Setup> => ({
  getHealth: {},
  getOpenApi: {},
  getCatalog: {},
  putCatalog: { body: catalog },
  postSignals: {
    body: {
      signals: [
        {
          signalId: "az-matrix",
          productLineId: OWN.line,
          channel: "app",
          kind: "csat",
          score: 4,
          occurredAt: now(),
        },
      ],
    },
  },
  getProductLineMetrics: { params: { id: OWN.line }, query: `period=${s.quarter}` },
  listQuarantine: {},
  replayQuarantine: { body: {} },
  getPolicy: {},
  putPolicy: { body: policy },
  getPolicyVersion: { params: { v: 1 } },
  listRankings: { query: `period=${s.quarter}` },
  getProductLineTrend: { params: { id: OWN.line } },
  getProblemBoard: { query: `period=${s.quarter}` },
  postReview: { body: { quarter: s.quarter, dryRun: true } },
  getReview: { params: { quarter: s.quarter } },
  listNotices: {
    query: `businessUnitId=${OWN.unit}`,
    unit: OWN.unit,
    walk: (side) => ["", `businessUnitId=${side.unit}`, "status=ISSUED"],
  },
  getNotice: { params: { id: s.notice[OWN.unit] as string }, unit: OWN.unit },
  postNoticeAction: {
    params: { id: s.notice[OWN.unit] as string },
    body: { action: "acknowledge", version: 1, comment: "Seen" },
    unit: OWN.unit,
    also: ["notices.acknowledge"],
    once: true,
  },
  listNotifications: { walk: () => ["", "unreadOnly=true"] },
  markNotificationsRead: { body: {} },
  postAwards: { body: { period: s.quarter } },
  getAwards: { params: { period: s.quarter } },
  listVoices: {
    query: `businessUnitId=${OWN.unit}`,
    unit: OWN.unit,
    walk: (side) => [`businessUnitId=${side.unit}`, `productLineId=${side.line}&negativeOnly=true`],
    walkLimit: 3,
  },
  raiseChase: { body: { signalId: s.voice[OWN.unit], question: "What happened here?" }, unit: OWN.unit },
  listChases: {
    query: `businessUnitId=${OWN.unit}`,
    unit: OWN.unit,
    walk: (side) => ["", `businessUnitId=${side.unit}`, "status=OPEN"],
  },
  answerChase: {
    params: { id: s.chase[OWN.unit] as string },
    body: { answer: "A batch of bad plugs; recalled." },
    unit: OWN.unit,
    once: true,
  },
  listAndons: {
    query: `businessUnitId=${OWN.unit}`,
    unit: OWN.unit,
    walk: (side) => ["", `businessUnitId=${side.unit}`, "status=RAISED"],
  },
  getAndon: { params: { id: s.andon[OWN.unit] as string }, unit: OWN.unit },
  postAndonAction: {
    params: { id: s.andon[OWN.unit] as string },
    body: { action: "dismiss", version: 1, comment: "A test rig, not a customer" },
    unit: OWN.unit,
    once: true,
  },
});

const setupOf = (route: RouteSpec): Setup => {
  const setup = setups(seeded)[route.operationId as Route["operationId"]];
  if (!setup) throw new Error(`No matrix entry for ${route.operationId}: add one to setups`);
  return setup;
};
const tokenOf = (name: string) => callers.find((c) => c.name === name)?.token as string;
const headOf = (side: typeof OWN | typeof OTHER) =>
  tokenOf(side === OWN ? "bu-head of the owning unit" : "bu-head of another unit");
const keyOf = (item: { id?: string; signalId?: string }) => item.id ?? item.signalId;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  callers = await callersOf(runtime, api, OWN.unit, OTHER.unit);
  const [cco, executive, ingest] = ["cco", "executive", "ingest"].map(tokenOf) as [string, string, string];
  seeded = await seedWorld(api, { cco, executive, ingest });
  const { version: _version, ...settings } = (await api.call("GET", "/v1/policy", { token: cco })).body;
  policy = settings;
}, 60_000);
afterAll(async () => {
  console.log(
    `authorization matrix: ${cases} cases (${ROUTES.length} routes × ${callers?.length} callers, CSV and after-change repeats), ${pages} list pages walked`,
  );
  await runtime?.stop();
});

describe("the matrix's own table", () => {
  it("has exactly one entry per route of the route table", () => {
    expect(Object.keys(setups(seeded)).sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
  });

  it("walks every list a bu-head sees only their own units of", () => {
    const scoped = TABLE.filter(
      (r) => r.page && r.access !== "public" && reachOf(r.access, "bu-head") === "own",
    );
    expect(scoped.length).toBeGreaterThan(0);
    for (const route of scoped) expect(setupOf(route).walk, route.operationId).toBeDefined();
  });
});

describe("lists, walked page by page as each unit's head", () => {
  const walked = TABLE.filter((r) => r.page);
  it.each(walked.map((r) => [r.operationId, r] as const))(
    "%s shows a head no other unit's item",
    async (_id, route) => {
      const { walk, walkLimit } = setupOf(route);
      if (!walk) return;
      const ownOnly = route.access !== "public" && reachOf(route.access, "bu-head") === "own";
      for (const side of [OWN, OTHER]) {
        const other = side === OWN ? OTHER : OWN;
        for (const query of walk(side)) {
          const mine = await walkList(api, route.path, query, headOf(side), walkLimit);
          pages += mine.cursors.length + 1;
          // More than one page: the cursor is walked, not just the first page read.
          expect(mine.cursors.length, `${query} as the head of ${side.unit}`).toBeGreaterThan(0);
          expect(
            mine.items.filter((item) => item.businessUnitId !== side.unit),
            `${query} as the head of ${side.unit}`,
          ).toEqual([]);
          if (ownOnly) {
            // Nothing of their own is hidden either: the CCO team's walk, cut to the unit, is the same.
            const all = await walkList(api, route.path, query, tokenOf("cco"), 50);
            const theirs = all.items.filter((item) => item.businessUnitId === side.unit).map(keyOf);
            expect(mine.items.map(keyOf)).toEqual(theirs);
          }
          // Another head replaying this head's cursor learns nothing of this unit.
          const replayed = await api.call(
            "GET",
            `${route.path}?${[query.replaceAll(side.unit, other.unit).replaceAll(side.line, other.line), `cursor=${encodeURIComponent(mine.cursors[0] ?? "x")}`].filter(Boolean).join("&")}`,
            { token: headOf(other) },
          );
          if (replayed.status === 200)
            expect(
              replayed.body.items.filter(
                (item: { businessUnitId: string }) => item.businessUnitId !== other.unit,
              ),
            ).toEqual([]);
          else expect(replayed.status).toBe(400);
        }
      }
    },
  );
});

describe("CSV exports, as each unit's head", () => {
  const exports = TABLE.filter((r) => r.csv);
  it.each(exports.map((r) => [r.operationId, r] as const))(
    "%s holds the rows the grant table allows",
    async (_id, route) => {
      if (route.access === "public") throw new Error("a public export");
      const setup = setupOf(route);
      for (const side of [OWN, OTHER]) {
        const csv = await api.call(
          "GET",
          `${route.path}?${[setup.query, "format=csv"].filter(Boolean).join("&")}`,
          { token: headOf(side) },
        );
        expect(csv.status).toBe(200);
        const [header = "", ...rows] = String(csv.body)
          .replace(/^\uFEFF/, "")
          .trimEnd()
          .split("\r\n");
        const column = header.split(",").indexOf("businessUnitId");
        expect(column, header).toBeGreaterThanOrEqual(0);
        const units = new Set(rows.map((row) => row.split(",")[column]));
        if (reachOf(route.access, "bu-head") === "own") expect([...units]).toEqual([side.unit]);
        else expect([...units].sort()).toEqual([OWN.unit, OTHER.unit]);
      }
    },
  );
});

describe("every route × every caller", () => {
  it.each(TABLE.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s answers what the grant table implies",
    async (_key, route) => {
      const setup = setupOf(route);
      const { cases: made, mismatches } = await runRoute(api, route, setup, callers);
      cases += made;
      expect(mismatches).toEqual([]);
      // The matrix is not vacuous: someone may call every route, and every signed-in route refuses someone.
      const outcomes = callers.map((c) => expectationOf(route, setup, c));
      expect(outcomes).toContain("allowed");
      if (route.access !== "public") expect(outcomes).toContain(403);
    },
  );
});
