/**
 * One valid request per route of the route table that takes any input (path, query or body): the
 * starting point the hostile-input tests mutate. A route added to `functions/routes/index.ts` with
 * input but without its entry here fails `hostile-routes.test.ts`.
 */
import { querySchemaOf, type RouteSpec } from "#http/route";
import { ROUTES } from "#routes/index";
import { DEFAULT_POLICY } from "#schemas/policy";
import {
  currentQuarter,
  dayOfPreviousQuarter,
  quarterOfDay,
  shanghaiDay,
  signal,
} from "#test/integration/fixtures";
import type { Json } from "#test/integration/hostile-kit";

export interface ValidRequest {
  /** Path parameters, by name. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Json;
  /** The role that may call it (cco may call everything but ingest-only routes). */
  role?: string;
}

const { version: _v, ...policySettings } = DEFAULT_POLICY;
const fixPlan = {
  rootCause: "Seal supplier changed",
  actions: [{ description: "Return to the old supplier", owner: "Li Lei", dueDate: "2026-12-01" }],
};

/** Valid requests by operationId (built when called: quarters follow the clock). */
export const validRequests = (): Record<string, ValidRequest> => {
  const quarter = currentQuarter();
  const previous = quarterOfDay(dayOfPreviousQuarter());
  return {
    putCatalog: {
      body: {
        businessUnits: [{ id: "bu-hostile", name: "Hostile", nameZh: "敌意" }],
        productLines: [
          {
            id: "pl-hostile",
            name: "Kettle",
            nameZh: "水壶",
            businessUnitId: "bu-hostile",
            category: "small",
          },
        ],
        categories: [{ id: "small", name: "Small", nameZh: "小家电" }],
      },
    },
    postSignals: {
      role: "ingest",
      body: {
        signals: [
          signal(),
          signal({
            kind: "complaint",
            score: undefined,
            severity: "major",
            reasons: ["quality"],
            verbatim: "漏水",
          }),
        ],
      } as unknown as Json,
    },
    getProductLineMetrics: { params: { id: "pl-kettle" }, query: { period: quarter } },
    listQuarantine: { query: { limit: "10" } },
    replayQuarantine: { body: { signalIds: ["sig-never-seen"] } },
    putPolicy: { body: policySettings as unknown as Json },
    getPolicyVersion: { params: { v: "1" } },
    listRankings: {
      query: {
        period: quarter,
        businessUnitId: "bu-home",
        category: "small-appliance",
        limit: "5",
        format: "json",
      },
    },
    getProductLineTrend: {
      params: { id: "pl-kettle" },
      query: { from: shanghaiDay(30), to: shanghaiDay(0), bucket: "week" },
    },
    getProblemBoard: {
      query: {
        period: quarter,
        businessUnitId: "bu-home",
        category: "small-appliance",
        limit: "5",
        format: "json",
      },
    },
    postReview: { body: { quarter: previous, dryRun: true, policy: { review: { absoluteThreshold: 0.3 } } } },
    getReview: { params: { quarter: previous } },
    listNotices: {
      query: { status: "ISSUED", businessUnitId: "bu-home", quarter: previous, overdue: "true", limit: "10" },
    },
    getNotice: { params: { id: "n-none" } },
    postNoticeAction: {
      params: { id: "n-none" },
      body: { action: "submit-fix", version: 1, comment: "Fixed", fix: fixPlan },
    },
    listNotifications: { query: { unreadOnly: "true", limit: "5" } },
    markNotificationsRead: { body: { ids: ["nt-none"] } },
    postAwards: { body: { period: previous, finalize: false } },
    getAwards: { params: { period: previous } },
    listVoices: {
      query: { businessUnitId: "bu-home", productLineId: "pl-kettle", negativeOnly: "true", limit: "5" },
    },
    raiseChase: { body: { signalId: "sig-never-seen", question: "Why did it leak?" } },
    listChases: { query: { status: "OPEN", businessUnitId: "bu-home", limit: "5" } },
    answerChase: { params: { id: "c-none" }, body: { answer: "Supplier changed", version: 1 } },
    listAndons: { query: { status: "RAISED", businessUnitId: "bu-home", limit: "5" } },
    getAndon: { params: { id: "an-none" } },
    postAndonAction: {
      params: { id: "an-none" },
      body: { action: "dismiss", comment: "A test", version: 1 },
    },
  };
};

/** Whether a route takes any input a client could make hostile. */
export const takesInput = (route: RouteSpec): boolean =>
  route.params !== undefined || querySchemaOf(route) !== undefined || route.body !== undefined;

/** The routes that take input, from the route table itself. */
export const ROUTES_WITH_INPUT: readonly RouteSpec[] = ROUTES.filter(takesInput);

/** The route's path with `params` put in (already encoded). */
export const pathOf = (route: RouteSpec, params: Record<string, string>): string =>
  route.path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? "x");

/** The top-level names a 400 of this route may give: its path parameters, query and body fields, or `(root)`. */
export const fieldsOf = (route: RouteSpec): Set<string> => {
  const shapeKeys = (schema: unknown) =>
    Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
  return new Set([
    "(root)",
    ...shapeKeys(route.params),
    ...shapeKeys(querySchemaOf(route)),
    ...shapeKeys(route.body),
  ]);
};
