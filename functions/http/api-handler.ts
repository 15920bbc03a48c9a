/**
 * The one way to write an API function: `apiHandler(route, handle)`. From the route entry alone it
 * checks the caller (401) and their role for the route's action (403), parses path, query and body
 * with the route's schemas (400 naming each field, 413, 415), decodes the page cursor, calls
 * `handle` with typed input and a non-optional principal on signed-in routes, and answers JSON (or
 * CSV when asked and the route offers it) with the same headers everywhere. Every error goes
 * through the one error policy (`./errors.ts`).
 */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy, { type MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { authorize, type Principal } from "#core/authorize";
import { stage } from "#lib/config";
import { logger, metrics, tracer } from "#lib/powertools";
import { secretKey } from "#lib/secrets";
import { ENV } from "#platform/env";
import { fieldErrorsOf } from "#schemas/error";
import { type CsvTable, renderCsv, wantsCsv } from "./csv";
import { clientErrorOf, errorAnswer, HttpError } from "./errors";
import { decodeCursor, encodeCursor, scopeText } from "./paging";
import { principalFromClaims } from "./principal";
import { type ApiEvent, hasBody, headerOf, jsonBody, paramsOf, parseWith, queryOf } from "./request";
import {
  type BodyOf,
  type PageRequestOf,
  type ParamsOf,
  type PrincipalOf,
  type QueryOf,
  querySchemaOf,
  type ReplyOf,
  type ResponseOf,
  type RouteSpec,
  responseSchemaOf,
  routeKeyOf,
} from "./route";

/** What a handler receives: the request, parsed and checked by its route's declaration. */
export interface ApiRequest<R extends RouteSpec> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  principal: PrincipalOf<R>;
  page: PageRequestOf<R>;
  event: ApiEvent;
}

export type ApiResult = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};

/** Sent with every answer: API answers are personal and never sniffed as another type. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

export const jsonResult = (status: number, body: unknown): ApiResult => ({
  statusCode: status,
  headers: { "content-type": "application/json; charset=utf-8", ...API_HEADERS },
  body: JSON.stringify(body),
});

/** The answer to a thrown error: its status and body, or a 500 that says nothing. */
export const errorResult = (error: unknown): ApiResult => {
  const { status, body } = errorAnswer(error);
  return jsonResult(status, body);
};

/** Logs server faults with their stack and refused requests briefly, then answers. */
const errorPolicy = (): MiddlewareObj<ApiEvent, ApiResult> => ({
  onError: async (request) => {
    const known = clientErrorOf(request.error);
    if (known) logger.info("Request refused", { code: known.code });
    else logger.error("Request failed", request.error as Error);
    request.response = errorResult(request.error);
  },
});

interface Admitted {
  input: ApiRequest<RouteSpec>;
  /** `?format=` of a CSV route. */
  format: unknown;
  /** Where the next page's cursor is bound and signed, on a paged route. */
  cursor?: { scope: string; key: string };
}

/** Everything the route declares, checked in the order a client can act on: who, then what. */
const admit = async (route: RouteSpec, event: ApiEvent): Promise<Admitted> => {
  if (event.routeKey !== routeKeyOf(route))
    throw new HttpError("not_found", `No route ${event.routeKey} in this function`);
  let principal: Principal | undefined;
  if (route.access !== "public") {
    principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
    const decision = authorize(principal, route.access);
    if (!decision.allowed) throw new HttpError("forbidden", decision.message);
  }
  const params = route.params ? parseWith(route.params, paramsOf(event), "path") : {};
  const schema = querySchemaOf(route);
  const parsed: Record<string, unknown> = schema ? parseWith(schema, queryOf(event), "query") : {};
  const { limit, cursor, format, ...query } = parsed;
  const body =
    route.body && (hasBody(event) || !route.bodyOptional)
      ? parseWith(route.body, jsonBody(event), "request body")
      : undefined;
  const input = {
    params,
    query,
    body,
    principal,
    page: undefined,
    event,
  } as unknown as ApiRequest<RouteSpec>;
  if (!route.page) return { input, format };

  const scope = scopeText({
    operationId: route.operationId,
    caller: principal?.sub ?? "",
    params,
    query: { ...query, limit },
  });
  const key = await secretKey(ENV.cursorKey, ENV.cursorSecretArn);
  const page = {
    limit: typeof limit === "number" ? limit : (route.page.defaultLimit ?? 100),
    after: typeof cursor === "string" ? decodeCursor(cursor, scope, key) : undefined,
  };
  return { input: { ...input, page } as ApiRequest<RouteSpec>, format, cursor: { scope, key } };
};

/** Paths in `sent` that `parsed` (the schema's reading of it) does not have: fields outside the schema. */
const fieldsOutside = (sent: unknown, parsed: unknown, path: string[] = []): string[] => {
  if (typeof sent !== "object" || sent === null || typeof parsed !== "object" || parsed === null) return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    key in parsed
      ? fieldsOutside(value, (parsed as Record<string, unknown>)[key], [...path, key])
      : [[...path, key].join(".")],
  );
};

/**
 * In the local runtime (and so in every integration test) each answer is checked against the
 * route's response schema, extra fields included: a handler drifting from the contract, or about
 * to leak a stored attribute, fails loudly there rather than in a client.
 */
const checkAnswer = (route: RouteSpec, body: unknown): void => {
  if (stage() !== "local") return;
  const result = responseSchemaOf(route).safeParse(body);
  const problems = result.success
    ? fieldsOutside(body, result.data).map((path) => `${path}: not in the response schema`)
    : fieldErrorsOf(result.error).map((i) => `${i.path}: ${i.message}`);
  if (problems.length > 0)
    throw new Error(`${routeKeyOf(route)} answered outside its response schema: ${problems.join("; ")}`);
};

export interface ApiHandlerOptions<R extends RouteSpec> {
  /**
   * The handler records business metrics, published after each call; each request is counted
   * under this name first, so that refused requests show in the metrics too.
   */
  metrics?: { requests: string };
  /** The CSV form of the answer; required when the route declares `csv`. */
  csv?: R extends { csv: object } ? (body: ResponseOf<R>) => CsvTable : never;
}

/** Wraps `handle` as the Lambda handler of `route`. */
export const apiHandler = <const R extends RouteSpec>(
  route: R,
  handle: (request: ApiRequest<R>) => Promise<NoInfer<ReplyOf<R>>>,
  options: ApiHandlerOptions<R> = {},
) => {
  const chain = middy<ApiEvent, ApiResult>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }));
  if (options.metrics) chain.use(logMetrics(metrics));
  return chain.use(errorPolicy()).handler(async (event): Promise<ApiResult> => {
    if (options.metrics) metrics.addMetric(options.metrics.requests, MetricUnit.Count, 1);
    const { input, format, cursor } = await admit(route, event);
    const reply: unknown = await handle(input as unknown as ApiRequest<R>);
    let body = reply;
    if (route.page) {
      const { items, next, ...envelope } = reply as { items: unknown[]; next?: unknown };
      body = {
        ...envelope,
        items,
        ...(next !== undefined && cursor ? { nextCursor: encodeCursor(next, cursor.scope, cursor.key) } : {}),
      };
    }
    checkAnswer(route, body);
    const csv = options.csv as ((answer: unknown) => CsvTable) | undefined;
    if (route.csv && csv && wantsCsv(format, headerOf(event, "accept"))) {
      return {
        statusCode: 200,
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${route.csv.filename}.csv"`,
          ...API_HEADERS,
        },
        body: renderCsv(csv(body)),
      };
    }
    return jsonResult(200, body);
  });
};
