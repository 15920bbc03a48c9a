/** The route factory: what every API function gets from its route entry alone. */
import type { Context } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ConflictError, NotFoundError } from "#core/errors";
import { type ApiResult, apiHandler } from "#http/api-handler";
import type { ApiEvent } from "#http/request";
import { defineRoute } from "#http/route";
import { Id, PeriodText } from "#schemas/common";

const fn = { name: "probe", entry: "functions/handlers/probe.ts", dynamodb: [] } as const;

const itemRoute = defineRoute({
  operationId: "getItem",
  method: "GET",
  path: "/v1/items/{id}",
  tag: "System",
  summary: "An item",
  access: "notices.read",
  params: z.object({ id: Id }),
  query: z.object({ period: PeriodText }),
  response: z.object({ id: z.string(), period: z.string(), caller: z.string() }),
  errors: [404, 409],
  fn,
});

const postRoute = defineRoute({
  operationId: "postItems",
  method: "POST",
  path: "/v1/items",
  tag: "System",
  summary: "Items",
  access: "catalog.write",
  body: z.object({ items: z.array(z.object({ x: z.int() })) }),
  bodyOptional: true,
  response: z.object({ count: z.int() }),
  fn,
});

const pagedRoute = defineRoute({
  operationId: "listThings",
  method: "GET",
  path: "/v1/things",
  tag: "System",
  summary: "Things",
  access: "catalog.read",
  query: z.object({ kind: z.optional(z.string()) }),
  page: { item: z.object({ n: z.int() }), defaultLimit: 2, maxLimit: 5 },
  csv: { filename: "things" },
  fn,
});

const publicRoute = defineRoute({
  operationId: "getPing",
  method: "GET",
  path: "/v1/ping",
  tag: "System",
  summary: "Ping",
  access: "public",
  response: z.object({ pong: z.boolean() }),
  fn,
});

const claimsOf = (roles: string, units = "") => ({
  sub: "u1",
  roles: `[${roles}]`,
  businessUnitIds: `[${units}]`,
});

const event = (
  route: { method: string; path: string },
  options: {
    path?: Record<string, string>;
    query?: Record<string, string>;
    body?: string;
    headers?: Record<string, string>;
    claims?: Record<string, unknown>;
    routeKey?: string;
  } = {},
): ApiEvent =>
  ({
    routeKey: options.routeKey ?? `${route.method} ${route.path}`,
    rawPath: route.path,
    headers: options.headers ?? {},
    ...(options.path ? { pathParameters: options.path } : {}),
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      domainName: "localhost",
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims } } } : {}),
    },
  }) as unknown as ApiEvent;

const context = { functionName: "probe", awsRequestId: "r1" } as Context;
const call = async (handler: (e: ApiEvent, c: Context) => Promise<ApiResult>, e: ApiEvent) => {
  const result = await handler(e, context);
  const json = result.headers["content-type"]?.startsWith("application/json")
    ? JSON.parse(result.body)
    : undefined;
  return { ...result, json };
};

beforeEach(() => {
  process.env.CURSOR_KEY = "test-cursor-key";
  process.env.STAGE = "local";
});
afterEach(() => {
  delete process.env.STAGE;
});

describe("who may call", () => {
  const handler = apiHandler(itemRoute, async ({ params, query, principal }) => ({
    id: params.id,
    period: query.period,
    caller: principal.sub,
  }));
  const valid = { path: { id: "pl-1" }, query: { period: "2026-Q3" } };

  it("hands a signed-in route its parsed input and a principal", async () => {
    const answer = await call(handler, event(itemRoute, { ...valid, claims: claimsOf("executive") }));
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toEqual({ id: "pl-1", period: "2026-Q3", caller: "u1" });
  });

  it.each([
    ["no claims", undefined, 401, "unauthorized"],
    ["a role the action does not grant", claimsOf("ingest"), 403, "forbidden"],
    ["no role at all", claimsOf(""), 403, "forbidden"],
  ])("refuses %s", async (_what, claims, status, code) => {
    const answer = await call(handler, event(itemRoute, { ...valid, ...(claims ? { claims } : {}) }));
    expect(answer.statusCode).toBe(status);
    expect(answer.json.error.code).toBe(code);
  });

  it("answers a route key that is not this function's with 404", async () => {
    const answer = await call(
      handler,
      event(itemRoute, { ...valid, claims: claimsOf("cco"), routeKey: "GET /v1/other" }),
    );
    expect(answer.statusCode).toBe(404);
  });

  it("needs no token on a public route", async () => {
    const ping = apiHandler(publicRoute, async ({ principal }) => ({ pong: principal === undefined }));
    expect((await call(ping, event(publicRoute))).json).toEqual({ pong: true });
  });
});

describe("what they send", () => {
  const handler = apiHandler(itemRoute, async ({ params, query }) => ({
    id: params.id,
    period: query.period,
    caller: "x",
  }));
  const claims = claimsOf("cco");

  it.each([
    ["a path parameter breaking the id rules", { id: "a/b" }, { period: "2026" }, "id"],
    ["a path parameter longer than an id may be", { id: "x".repeat(1000) }, { period: "2026" }, "id"],
    ["a period of another shape", { id: "pl-1" }, { period: "Q3-2026" }, "period"],
    ["a missing period", { id: "pl-1" }, {}, "period"],
  ])("answers %s with 400 naming it", async (_what, path, query, field) => {
    const answer = await call(handler, event(itemRoute, { path, query, claims }));
    expect(answer.statusCode).toBe(400);
    expect(answer.json.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  const post = apiHandler(postRoute, async ({ body }) => ({ count: body?.items.length ?? -1 }));

  it.each([
    ["a body with a bad field", '{"items":[{"x":"1"}]}', 400, "items.0.x"],
    ["malformed JSON", "{", 400, undefined],
  ])("answers %s with %i", async (_what, body, status, field) => {
    const answer = await call(post, event(postRoute, { body, claims }));
    expect(answer.statusCode).toBe(status);
    if (field) expect(answer.json.error.details[0].path).toBe(field);
  });

  it("gives an optional body as undefined when absent, and parsed when present", async () => {
    expect((await call(post, event(postRoute, { claims }))).json).toEqual({ count: -1 });
    expect((await call(post, event(postRoute, { claims, body: '{"items":[{"x":1}]}' }))).json).toEqual({
      count: 1,
    });
  });

  it("refuses a body that is not application/json with 415", async () => {
    const headers = { "content-type": "text/plain" };
    expect((await call(post, event(postRoute, { claims, body: "{}", headers }))).statusCode).toBe(415);
  });
});

describe("what they get back", () => {
  const claims = claimsOf("cco");

  it.each([
    ["a not-found", new NotFoundError("No item"), 404, "not_found"],
    ["a conflict", new ConflictError("Stale version"), 409, "conflict"],
    ["anything else", new Error("ECONNREFUSED secret"), 500, "internal"],
  ])("maps %s to %i", async (_what, error, status, code) => {
    const failing = apiHandler(publicRoute, async () => {
      throw error;
    });
    const answer = await call(failing, event(publicRoute));
    expect(answer.statusCode).toBe(status);
    expect(answer.json.error.code).toBe(code);
    expect(answer.body).not.toContain("ECONNREFUSED");
  });

  it("sends no-store and nosniff on every answer", async () => {
    const ping = apiHandler(publicRoute, async () => ({ pong: true }));
    expect((await call(ping, event(publicRoute))).headers).toMatchObject({
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });

  it.each([
    ["a wrong type", { pong: "yes" }],
    ["a field outside the schema", { pong: true, customerRef: "138 1234 5678" }],
  ])("fails loudly in the local runtime when a handler answers %s", async (_what, reply) => {
    const drifting = apiHandler(publicRoute, async () => reply as { pong: boolean });
    expect((await call(drifting, event(publicRoute))).statusCode).toBe(500);
    process.env.STAGE = "prod";
    expect((await call(drifting, event(publicRoute))).statusCode).toBe(200);
  });

  it("pages with a signed cursor bound to the query, and refuses one that was tampered with", async () => {
    const all = [1, 2, 3, 4, 5].map((n) => ({ n }));
    const handler = apiHandler(pagedRoute, async ({ page }) => {
      const from = typeof page.after === "number" ? page.after : 0;
      const items = all.slice(from, from + page.limit);
      return { items, ...(from + page.limit < all.length ? { next: from + page.limit } : {}) };
    });
    const first = await call(handler, event(pagedRoute, { claims }));
    expect(first.json.items).toEqual([{ n: 1 }, { n: 2 }]);
    const next = first.json.nextCursor as string;
    const second = await call(handler, event(pagedRoute, { claims, query: { cursor: next } }));
    expect(second.json.items).toEqual([{ n: 3 }, { n: 4 }]);
    const filtered = await call(handler, event(pagedRoute, { claims, query: { cursor: next, kind: "x" } }));
    expect(filtered.statusCode).toBe(400);
    const tooMany = await call(handler, event(pagedRoute, { claims, query: { limit: "6" } }));
    expect(tooMany.json.error.details[0].path).toBe("limit");
  });

  it.each([
    ["?format=csv", { query: { format: "csv" } }, true],
    ["Accept: text/csv", { headers: { accept: "text/csv" } }, true],
    [
      "Accept: text/csv;q=0.5, application/json",
      { headers: { accept: "text/csv;q=0.5, application/json" } },
      false,
    ],
    ["Accept: */*", { headers: { accept: "*/*" } }, false],
  ])("answers CSV when asked by %s: %s", async (_what, options, csv) => {
    const handler = apiHandler(pagedRoute, async () => ({ items: [{ n: 1 }, { n: -2 }] }), {
      csv: (body) => ({ columns: ["n", "note"], rows: body.items.map((i) => [i.n, "=HYPERLINK(1)"]) }),
    });
    const answer = await call(handler, event(pagedRoute, { claims, ...options }));
    if (!csv) {
      expect(answer.json.items).toHaveLength(2);
      return;
    }
    expect(answer.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(answer.headers["content-disposition"]).toContain("things.csv");
    expect(answer.body).toBe("\uFEFFn,note\r\n1,'=HYPERLINK(1)\r\n-2,'=HYPERLINK(1)\r\n");
  });
});
