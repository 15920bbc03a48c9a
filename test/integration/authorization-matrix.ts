/**
 * The authorization matrix's machinery: the callers (every role, a unit's head and another unit's,
 * and four tokens that must never pass), the status DESIGN implies for a caller on a route —
 * derived from the grant table and the route's `access`, never restated — and the run of one route.
 */
import { type Action, GRANTS, type Reach } from "#core/authorize";
import type { RouteSpec } from "#http/route";
import { signDevToken } from "#infra/local/jwt";
import type { Runtime } from "#infra/local/runtime";
import type { Role } from "#schemas/common";
import type { Api } from "./harness";

export interface Caller {
  name: string;
  /** The role of a valid token; undefined for a token that must be refused (or none). */
  role?: Role;
  units: string[];
  token?: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Every caller, refused tokens first, then the roles (changes are made by the last ones). */
export const callersOf = async (
  runtime: Runtime,
  api: Api,
  own: string,
  other: string,
): Promise<Caller[]> => {
  const cco = { sub: "az-forger", roles: ["cco"] };
  return [
    { name: "no token", units: [] },
    { name: "expired token", units: [], token: await signDevToken(cco, runtime.devTokenKey, -60) },
    { name: "token of a wrong key", units: [], token: await signDevToken(cco, `${runtime.devTokenKey}x`) },
    {
      name: "alg:none token",
      units: [],
      token: `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...cco, exp: inAnHour() })}.`,
    },
    { name: "ingest", role: "ingest", units: [], token: await api.token("ingest") },
    {
      name: "bu-head of another unit",
      role: "bu-head",
      units: [other],
      token: await api.token("bu-head", [other]),
    },
    { name: "executive", role: "executive", units: [], token: await api.token("executive") },
    {
      name: "bu-head of the owning unit",
      role: "bu-head",
      units: [own],
      token: await api.token("bu-head", [own]),
    },
    { name: "cco", role: "cco", units: [], token: await api.token("cco") },
  ];
};

/** How one route is called in the matrix. */
export interface Setup {
  params?: Record<string, string | number>;
  /** The query, without `?`. */
  query?: string;
  body?: unknown;
  /** The business unit whose data the request touches (its object's, or the unit it names). */
  unit?: string;
  /** Actions the use case checks beyond the route's `access` (a notice's lifecycle action). */
  also?: readonly Action[];
  /** A change that succeeds once: allowed callers after the first may get 409. */
  once?: boolean;
  /** For lists scoped to a head's units: the queries to walk as the head of `unit`. */
  walk?: (side: { unit: string; line: string }) => string[];
  /** The page size of those walks (small, so that every list has pages to walk). @default 1 */
  walkLimit?: number;
}

export type Expected = "allowed" | 401 | 403;

/** The reach a role's grant of `action` has, undefined when the role may not take it. */
export const reachOf = (action: Action, role: Role): Reach | undefined =>
  (GRANTS[action] as Partial<Record<Role, Reach>>)[role];

/** What DESIGN §1/§4 imply for `caller`: from the grant table, the route's access and the unit touched. */
export const expectationOf = (route: RouteSpec, setup: Setup, caller: Caller): Expected => {
  if (route.access === "public") return "allowed";
  if (caller.role === undefined) return 401;
  for (const action of [route.access, ...(setup.also ?? [])]) {
    const reach = reachOf(action, caller.role);
    if (reach === undefined) return 403;
    if (reach === "own" && setup.unit !== undefined && !caller.units.includes(setup.unit)) return 403;
  }
  return "allowed";
};

export const pathOf = (route: RouteSpec, setup: Setup, query = setup.query ?? ""): string =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = setup.params?.[name];
    if (value === undefined) throw new Error(`${route.operationId}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  }) + (query ? `?${query}` : "");

const isOnlyError = (body: unknown, code: string) =>
  typeof body === "object" &&
  body !== null &&
  Object.keys(body).join() === "error" &&
  (body as { error: { code?: string } }).error.code === code;

/** One call of the matrix that did not answer what DESIGN implies. */
export interface Mismatch {
  caller: string;
  variant: string;
  expected: string;
  status: number;
  body: string;
}

/**
 * Calls `route` as every caller (the JSON answer, and the CSV one when the route has it); for a
 * change that succeeds once, the refused callers again after it. Answers the mismatches and how
 * many calls were made.
 */
export const runRoute = async (
  api: Api,
  route: RouteSpec,
  setup: Setup,
  callers: Caller[],
): Promise<{ cases: number; mismatches: Mismatch[] }> => {
  const variants = [["json", setup.query ?? ""]];
  if (route.csv) variants.push(["csv", [setup.query, "format=csv"].filter(Boolean).join("&")]);
  const refused = callers.filter((c) => expectationOf(route, setup, c) !== "allowed");
  const order = setup.once ? [...callers, ...refused] : callers;
  const mismatches: Mismatch[] = [];
  let cases = 0;
  for (const [variant = "", query] of variants) {
    let changed = false;
    for (const [i, caller] of order.entries()) {
      const expected = expectationOf(route, setup, caller);
      const answer = await api.call(route.method, pathOf(route, setup, query), {
        ...(caller.token ? { token: caller.token } : {}),
        ...(setup.body !== undefined ? { body: setup.body } : {}),
      });
      cases++;
      const allowedStatuses = setup.once && changed ? [200, 409] : [200];
      const good =
        expected === 401
          ? answer.status === 401 && isOnlyError(answer.body, "unauthorized")
          : expected === 403
            ? answer.status === 403 && isOnlyError(answer.body, "forbidden")
            : allowedStatuses.includes(answer.status) &&
              // A CSV answer is text (fetch drops its BOM); a JSON one parses.
              (variant === "csv") === (typeof answer.body === "string" && answer.body.includes(","));
      if (expected === "allowed" && answer.status === 200) changed = true;
      if (!good)
        mismatches.push({
          caller: i >= callers.length ? `${caller.name} (after the change)` : caller.name,
          variant,
          expected: expected === "allowed" ? allowedStatuses.join("/") : String(expected),
          status: answer.status,
          body: JSON.stringify(answer.body).slice(0, 200),
        });
    }
  }
  return { cases, mismatches };
};

/** Every item of a list, walking `nextCursor` one small page at a time. */
export const walkList = async (api: Api, path: string, query: string, token: string, limit = 1) => {
  // biome-ignore lint/suspicious/noExplicitAny: list items of many shapes.
  const items: any[] = [];
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 500; page++) {
    const q = [query, `limit=${limit}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : ""];
    const answer = await api.call("GET", `${path}?${q.filter(Boolean).join("&")}`, { token });
    if (answer.status !== 200)
      throw new Error(`${path}?${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor;
    if (!cursor) return { items, cursors };
    cursors.push(cursor);
  }
  throw new Error(`${path}?${query}: more than 500 pages`);
};
