/**
 * The HTTP side of every API function: middy with Powertools, route access from the one route
 * declaration, JSON bodies with a size limit, and the single error policy (DomainError → its
 * status with field details; anything else → a 500 that says nothing about internals).
 */
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy, { type MiddlewareObj } from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type * as z from "zod/mini";
import { type FunctionName, ROUTES } from "../../infra/declarations";
import type { ErrorBody } from "../../schemas/error";
import {
  BadRequestError,
  DomainError,
  fieldPath,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "../core/errors";
import { type Principal, principalFromClaims, requireRole } from "./auth";
import { logger, metrics, tracer } from "./powertools";

/** API Gateway HTTP API (payload 2.0) event, with the JWT authorizer's claims when present. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2["requestContext"] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
};

export interface ApiRequest {
  event: ApiEvent;
  /** The caller; absent only on public routes. */
  principal: Principal | undefined;
}

export interface ApiReply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ({
    statusCode: status,
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  }) satisfies APIGatewayProxyStructuredResultV2;

export const errorResponse = (error: unknown): ReturnType<typeof jsonResponse> => {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details?.length) body.error.details = error.details;
    return jsonResponse(error.status, body);
  }
  return jsonResponse(500, { error: { code: "internal", message: "Internal error" } } satisfies ErrorBody);
};

/** Maps thrown errors to responses, logging server faults with their stack and client faults briefly. */
const errorPolicy = (): MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    const { error } = request;
    if (error instanceof DomainError)
      logger.info("Request refused", { status: error.status, code: error.code });
    else logger.error("Request failed", error as Error);
    request.response = errorResponse(error);
  },
});

const routeOf = (event: ApiEvent) => ROUTES.find((r) => `${r.method} ${r.path}` === event.routeKey);

/**
 * Authenticates and checks the route's roles (from the route declaration). Object-level checks
 * stay in each use case, where the object is known.
 */
const routeAccess = (fn: FunctionName): MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2> => ({
  before: async (request) => {
    const route = routeOf(request.event);
    if (!route || route.fn !== fn) throw new NotFoundError(`No route ${request.event.routeKey}`);
    if (route.access === "public") return;
    const principal = principalFromClaims(request.event.requestContext.authorizer?.jwt?.claims);
    requireRole(principal, route.access);
    (request.context as Context & { principal?: Principal }).principal = principal;
  },
});

/**
 * Wraps a use case as an API Gateway handler. `options.metrics`: the use case records business
 * metrics, published after each call (API Gateway already counts requests and latency).
 */
export const apiHandler = (
  fn: FunctionName,
  useCase: (request: ApiRequest) => Promise<ApiReply>,
  options: { metrics?: boolean } = {},
) => {
  const handler = middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }));
  if (options.metrics) handler.use(logMetrics(metrics));
  return handler
    .use(errorPolicy())
    .use(routeAccess(fn))
    .handler(async (event, context) => {
      const reply = await useCase({
        event,
        principal: (context as Context & { principal?: Principal }).principal,
      });
      return jsonResponse(reply.status ?? 200, reply.body, reply.headers);
    });
};

/** Zod issues as field errors (`signals.3.score`). */
export const fieldIssues = (error: z.core.$ZodError, prefix: PropertyKey[] = []) =>
  error.issues.map((i) => ({ path: fieldPath([...prefix, ...i.path]), message: i.message }));

/** Parses with a schema or throws a ValidationError naming each field. */
export const parseWith = <S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> => {
  const result = (schema as unknown as z.ZodMiniType).safeParse(value);
  if (!result.success) throw new ValidationError(`Invalid ${what}`, fieldIssues(result.error));
  return result.data as z.output<S>;
};

/** The request body as JSON: 413 over the limit, 415 for another media type, 400 when malformed. */
export const jsonBody = (event: ApiEvent, maxBytes = MAX_BODY_BYTES): unknown => {
  const contentType = event.headers?.["content-type"] ?? event.headers?.["Content-Type"];
  if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType))
    throw new UnsupportedMediaTypeError(`Expected application/json, got ${contentType}`);
  if (event.body === undefined || event.body === "") throw new BadRequestError("A JSON body is required");
  const raw = event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
  if (raw.length > maxBytes)
    throw new PayloadTooLargeError(`Body is ${raw.length} bytes; the limit is ${maxBytes} bytes`);
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw new BadRequestError(`Malformed JSON: ${(error as Error).message}`);
  }
};

/** The query string as a plain object (missing → empty). */
export const queryOf = (event: ApiEvent): Record<string, string> =>
  Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );
