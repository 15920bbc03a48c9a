/**
 * A route, declared once with everything the platform needs to know of it: method and path, the
 * function that serves it (with its AWS access), who may call it (an action of the authorization
 * table), the schemas of its path, query, body and answer, and the statuses it can answer. The
 * handler (`apiHandler`), the local router, the CDK stack and the OpenAPI document all read the same
 * entry, and the compiler checks a handler's reply against the route's response schema.
 */
import * as z from "zod/mini";
import type { Action, Principal } from "#core/authorize";
import type { FunctionDeclaration } from "#platform/lambda";
import type { Tag } from "#routes/tags";
import { pageOf } from "#schemas/common";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE";

/** Statuses a route answers beyond those its shape implies (see {@link statusesOf}). */
export type DomainStatus = 404 | 409 | 503;

/** A list answered a page at a time, with an opaque signed cursor (DESIGN §4, "Lists"). */
export interface PageSpec {
  item: z.ZodMiniType;
  /** @default 100 */
  defaultLimit?: number;
  maxLimit: number;
  /** Fields answered beside `items` and `nextCursor` (a ranking's pooled rate, its `asOf`…). */
  envelope?: z.ZodMiniObject;
}

interface RouteBase {
  /** A readable, unique method name for generated clients, e.g. `listQuarantine`. */
  operationId: string;
  method: HttpMethod;
  /** API Gateway path syntax: `{id}` for a path parameter. */
  path: string;
  tag: Tag;
  /** One line, shown in the OpenAPI document. */
  summary: string;
  /** More words when the summary is not enough. @default the summary */
  description?: string;
  /** `"public"`: no token. Otherwise the action taken, whose grants decide the roles. */
  access: "public" | Action;
  fn: FunctionDeclaration;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** The body may be absent (it is then `undefined`). */
  bodyOptional?: boolean;
  /** Also answers `text/csv` (`Accept: text/csv` or `?format=csv`) as `<filename>.csv`. */
  csv?: { filename: string };
  errors?: readonly DomainStatus[];
}

export interface PlainRoute extends RouteBase {
  response: z.ZodMiniType;
  page?: undefined;
}

export interface PagedRoute extends RouteBase {
  /** The answer is `{"items":[…],"nextCursor"?}`; `limit` and `cursor` join the query. */
  page: PageSpec;
  response?: undefined;
}

export type RouteSpec = PlainRoute | PagedRoute;

/** Declares a route, keeping its literal types so the handler's types follow from it. */
export const defineRoute = <const R extends RouteSpec>(route: R): R => route;

/** `GET /v1/catalog`: the key API Gateway puts in `routeKey`. */
export const routeKeyOf = (route: Pick<RouteSpec, "method" | "path">): string =>
  `${route.method} ${route.path}`;

type Output<S> = S extends z.core.$ZodType ? z.output<S> : never;

/** The parsed path parameters of a route's requests. */
export type ParamsOf<R> = R extends { params: infer S } ? Output<S> : Record<string, never>;
/** The parsed query of a route's requests (its `limit` and `cursor` go to {@link PageRequest}). */
export type QueryOf<R> = R extends { query: infer S } ? Output<S> : Record<string, never>;
/** The parsed body of a route's requests. */
export type BodyOf<R> = R extends { body: infer S }
  ? R extends { bodyOptional: true }
    ? Output<S> | undefined
    : Output<S>
  : undefined;
/** Signed-in routes always have a caller. */
export type PrincipalOf<R> = R extends { access: "public" } ? undefined : Principal;

/** Where a page starts: `after` is the position a previous page ended at (undefined at first). */
export interface PageRequest {
  limit: number;
  after: unknown;
}
export type PageRequestOf<R> = R extends { page: PageSpec } ? PageRequest : undefined;

type EnvelopeOf<R> = R extends { page: { envelope: infer E } } ? Output<E> : unknown;

/** What a handler returns: the answer, or for a paged route its items and where the next page starts. */
export type ReplyOf<R> = R extends { page: { item: infer I } }
  ? { items: Output<I>[]; next?: unknown } & EnvelopeOf<R>
  : R extends { response: infer S }
    ? Output<S>
    : never;

/** What the client receives as JSON. */
export type ResponseOf<R> = R extends { page: { item: infer I } }
  ? { items: Output<I>[]; nextCursor?: string } & EnvelopeOf<R>
  : R extends { response: infer S }
    ? Output<S>
    : never;

const pagingShape = (page: PageSpec) => ({
  limit: z.optional(
    z.coerce
      .number()
      .check(
        z.int("Expected a whole number"),
        z.minimum(1),
        z.maximum(page.maxLimit, `At most ${page.maxLimit}`),
      ),
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});

const FORMAT = z.optional(z.enum(["json", "csv"]));

const querySchemas = new WeakMap<RouteSpec, z.ZodMiniObject | null>();

/**
 * The query a route accepts: its own, plus `limit` and `cursor` when it is paged and `format`
 * when it answers CSV. Read by the handler and by the OpenAPI document alike.
 */
export const querySchemaOf = (route: RouteSpec): z.ZodMiniObject | undefined => {
  let schema = querySchemas.get(route);
  if (schema === undefined) {
    const shape = {
      ...(route.query?.shape ?? {}),
      ...(route.page ? pagingShape(route.page) : {}),
      ...(route.csv ? { format: FORMAT } : {}),
    };
    schema = Object.keys(shape).length > 0 ? z.object(shape) : null;
    querySchemas.set(route, schema);
  }
  return schema ?? undefined;
};

/** The JSON answer's schema: the page envelope of a paged route. */
export const responseSchemaOf = (route: RouteSpec): z.ZodMiniType => {
  if (!route.page) return route.response;
  const page = pageOf(route.page.item);
  return route.page.envelope ? z.extend(page, route.page.envelope.shape) : page;
};

/** Every status a route can answer besides 200 and 500: implied by its shape, plus its own. */
export const statusesOf = (route: RouteSpec): number[] => {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.params || querySchemaOf(route) || route.body) statuses.add(400);
  if (route.access !== "public") {
    statuses.add(401);
    statuses.add(403);
  }
  if (route.body) {
    statuses.add(413);
    statuses.add(415);
  }
  return [...statuses].sort((a, b) => a - b);
};
