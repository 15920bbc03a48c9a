/**
 * Hostile input on every route of the route table that takes any (issue 13, item 2): each route's
 * valid request (`hostile-requests.ts`) is mutated by fast-check — hostile values of every Unicode
 * plane, prototype keys, arrays for objects, duplicated items, numbers as strings, junk in every
 * query parameter and path parameter — and every answer must be one the route declares (never a
 * 500), every 400 must name a field of the input, and nothing may reach `Object.prototype`.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RouteSpec, statusesOf } from "#http/route";
import type { Runtime } from "#infra/local/runtime";
import { ROUTES } from "#routes/index";
import { catalog } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import {
  hostileBody,
  hostileQueryValue,
  hostileText,
  PROTO_KEYS,
  percentEncode,
  queryString,
  rawQueryJunk,
  unnamed400,
} from "#test/integration/hostile-kit";
import {
  fieldsOf,
  pathOf,
  ROUTES_WITH_INPUT,
  takesInput,
  type ValidRequest,
  validRequests,
} from "#test/integration/hostile-requests";

const RUNS = 25;

let runtime: Runtime;
let api: Api;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  for (const role of ["cco", "ingest"]) tokens[role] = await api.token(role);
  expect((await api.call("PUT", "/v1/catalog", { token: tokens.cco, body: catalog })).status).toBe(200);
});
afterAll(async () => runtime?.stop());

const VALID = validRequests();
const encodeParams = (params: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, percentEncode(v)]));

/** Sends a request and holds its answer to the oracle; the failure message says what was sent. */
const probe = async (
  route: RouteSpec,
  valid: ValidRequest,
  sent: { path?: string; query?: string; raw?: string; what: string; wholeBody?: boolean },
) => {
  const path = sent.path ?? pathOf(route, encodeParams(valid.params));
  const query = sent.query ?? queryString(Object.entries(valid.query ?? {}));
  const response = await api.call(route.method, `${path}${query}`, {
    token: tokens[valid.role ?? "cco"],
    ...(sent.raw !== undefined ? { raw: sent.raw, headers: { "content-type": "application/json" } } : {}),
  });
  const context = `${route.method} ${route.path} after ${sent.what}: ${response.status} ${JSON.stringify(response.body).slice(0, 600)}`;
  const allowed = new Set([200, ...statusesOf(route).filter((s) => s !== 401 && s !== 403)]);
  expect(allowed.has(response.status), context).toBe(true);
  if (response.status === 400) {
    // The local server refuses a path that is not valid percent-encoded UTF-8 before any route, saying so.
    // A body that is not JSON at all, or nests too deep, is wrong as a whole: its field is `body`.
    const message: string = response.body?.error?.message ?? "";
    const fields = sent.wholeBody ? new Set([...fieldsOf(route), "body"]) : fieldsOf(route);
    if (!/percent-encoding in the path/.test(message))
      expect(unnamed400(response.body, fields), context).toBeUndefined();
  }
  expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, "polluted"), context).toBe(false);
  return response;
};

const validBodyOf = (valid: ValidRequest) =>
  valid.body === undefined ? undefined : JSON.stringify(valid.body);

describe("the route table", () => {
  it("has a valid request for every route that takes input, and no stale one", () => {
    const withInput = ROUTES_WITH_INPUT.map((r) => r.operationId).sort();
    expect(Object.keys(VALID).sort()).toEqual(withInput);
    console.info(`hostile input: ${withInput.length} of ${ROUTES.length} routes take input`);
  });
});

describe.each(ROUTES_WITH_INPUT.map((r) => [r.operationId, r] as const))("%s", (operationId, route) => {
  const valid = VALID[operationId] ?? {};

  it("answers its valid request with 200 or a status it declares", async () => {
    await probe(route, valid, { what: "nothing", ...(valid.body ? { raw: validBodyOf(valid) } : {}) });
  });

  if (route.body !== undefined)
    it("answers every hostile body with a declared status, 400s naming the field", async () => {
      await fc.assert(
        fc.asyncProperty(hostileBody(valid.body ?? {}), async ({ how, body }) => {
          await probe(route, valid, { what: how, raw: body === undefined ? "" : JSON.stringify(body) });
        }),
        { numRuns: RUNS },
      );
    });

  if (route.body !== undefined)
    it("refuses deep, huge, malformed and prototype-laden JSON without a 500", async () => {
      const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
      const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
      for (const [what, raw] of [
        ["10,000 levels of arrays", deep(10_000)],
        ["10,000 levels of objects", deepObject(10_000)],
        ["a 2 MiB string", JSON.stringify({ x: "a".repeat(2 * 1024 * 1024) })],
        ["a wide array just under 1 MiB", JSON.stringify(Array.from({ length: 200_000 }, () => 1))],
        ["a truncated body", (validBodyOf(valid) ?? "{}").slice(0, -1)],
      ] as const) {
        const response = await probe(route, valid, { what, raw, wholeBody: true });
        expect([400, 413], what).toContain(response.status);
      }
      // Well-formed JSON whose keys are all outside the schema: stripped, so only the oracle applies.
      await probe(route, valid, {
        what: "a prototype-only body",
        raw: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      });
      await probe(route, valid, { what: "a lone surrogate key", raw: '{"\\ud800":"\\udfff"}' });
    });

  if (route.query !== undefined || route.page !== undefined || route.csv !== undefined)
    it("answers junk in every query parameter with a declared status, 400s naming the parameter", async () => {
      const names = [...fieldsOf(route)].filter((n) => n !== "(root)");
      const pair = fc.tuple(
        fc.oneof(fc.constantFrom(...names, ...PROTO_KEYS), hostileText(20)),
        hostileQueryValue,
      );
      await fc.assert(
        fc.asyncProperty(fc.array(pair, { minLength: 1, maxLength: 4 }), rawQueryJunk, async (junk, raw) => {
          const pairs = Object.entries({ ...(valid.query ?? {}), ...Object.fromEntries(junk) });
          await probe(route, valid, {
            what: `query ${JSON.stringify(junk).slice(0, 200)} + ${raw}`,
            query: queryString(pairs, raw),
            ...(valid.body ? { raw: validBodyOf(valid) } : {}),
          });
        }),
        { numRuns: RUNS },
      );
    });

  if (route.params !== undefined)
    it("answers junk in every path parameter with a declared status", async () => {
      const names = Object.keys(valid.params ?? {});
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          hostileText(250).filter((t) => t.length > 0),
          async (name, value) => {
            const params = { ...encodeParams(valid.params), [name]: percentEncode(value) };
            await probe(route, valid, {
              what: `path ${name}=${JSON.stringify(value).slice(0, 100)}`,
              path: pathOf(route, params),
              ...(valid.body ? { raw: validBodyOf(valid) } : {}),
            });
          },
        ),
        { numRuns: RUNS },
      );
    });
});

describe("routes without input", () => {
  it.each(ROUTES.filter((r) => !takesInput(r)).map((r) => [r.operationId, r] as const))(
    "%s ignores a junk query",
    async (_id, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(hostileText(50), hostileQueryValue), { maxLength: 3 }),
          rawQueryJunk,
          async (junk, raw) => {
            await probe(route, {}, { what: `query ${JSON.stringify(junk)}`, query: queryString(junk, raw) });
          },
        ),
        { numRuns: 10 },
      );
    },
  );
});
