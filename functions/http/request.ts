/**
 * Reading an API Gateway HTTP API request (payload 2.0): headers, path parameters, the query and a
 * JSON body, each refused with the status the contract names (400, 413, 415) before a handler sees it.
 */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type * as z from "zod/mini";
import { ValidationError } from "#core/errors";
import { fieldErrorsOf } from "#schemas/error";
import { badRequest, HttpError } from "./errors";

/** API Gateway HTTP API (payload 2.0) event, with the JWT authorizer's claims when present. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2["requestContext"] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
};

/** DESIGN §4: bodies are at most 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Deeper JSON is refused: no payload of the contract nests past a handful of levels. */
export const MAX_JSON_DEPTH = 32;

/** A header by name, whatever its case. */
export const headerOf = (event: ApiEvent, name: string): string | undefined => {
  const headers = event.headers ?? {};
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
};

// `application/json`, optionally with parameters (`; charset=utf-8`), nothing else: look-alikes such
// as `application/json-seq` or `application/jsonx` are other formats.
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** How deeply `value` nests, stopping as soon as it passes `limit` (iterative: no stack to overflow). */
export const depthExceeds = (value: unknown, limit: number): boolean => {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== "object" || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
};

/** A 400 whose field at fault is the body as a whole (`body`), as a client reads every 400's `details`. */
const wholeBody = (message: string) => badRequest(message, [{ path: "body", message }]);

/**
 * A body as JSON: 415 for another media type than `application/json` (parameters allowed; a missing
 * content type is read as JSON), 413 over `maxBytes`, 400 when empty, malformed or nested deeper
 * than {@link MAX_JSON_DEPTH}.
 */
export const parseJsonBody = (
  contentType: string | undefined,
  raw: Buffer,
  maxBytes = MAX_BODY_BYTES,
): unknown => {
  if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType.trim()))
    throw new HttpError("unsupported_media_type", `Expected application/json, got ${contentType}`);
  if (raw.length === 0) throw wholeBody("A JSON body is required");
  if (raw.length > maxBytes)
    throw new HttpError("payload_too_large", `Body is ${raw.length} bytes; the limit is ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw wholeBody(`Malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (depthExceeds(value, MAX_JSON_DEPTH))
    throw wholeBody(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
};

/** The event's body as JSON, by {@link parseJsonBody}'s rules. */
export const jsonBody = (event: ApiEvent, maxBytes = MAX_BODY_BYTES): unknown => {
  const body = event.body ?? "";
  const raw = event.isBase64Encoded ? Buffer.from(body, "base64") : Buffer.from(body, "utf8");
  return parseJsonBody(headerOf(event, "content-type"), raw, maxBytes);
};

/** Whether the request has a body at all. */
export const hasBody = (event: ApiEvent): boolean => event.body !== undefined && event.body !== "";

/** The query string as a plain object (missing → empty). */
export const queryOf = (event: ApiEvent): Record<string, string> =>
  Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );

/** Path parameters as a plain object (missing → empty). */
export const paramsOf = (event: ApiEvent): Record<string, string> =>
  Object.fromEntries(
    Object.entries(event.pathParameters ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  );

/**
 * Parses with a schema or throws a ValidationError naming each field.
 * @param what names the input in the message, e.g. `query` → "Invalid query".
 */
export const parseWith = <S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> => {
  const result = (schema as unknown as z.ZodMiniType).safeParse(value);
  if (!result.success) throw new ValidationError(`Invalid ${what}`, fieldErrorsOf(result.error));
  return result.data as z.output<S>;
};

/** Where this API is served, as the client reached it (API Gateway and the local runtime set the headers). */
export const serverUrlOf = (event: ApiEvent): string =>
  `${headerOf(event, "x-forwarded-proto") ?? "https"}://${event.requestContext.domainName}`;
