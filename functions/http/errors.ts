/**
 * The one error policy of the API. Domain errors (`functions/core/errors.ts`) and the transport's
 * own errors below each carry a code of the contract; this table gives each code its status. Only
 * these errors reach a client, with their message and field details; anything else is a 500 that
 * says nothing about internals.
 */
import { DomainError } from "#core/errors";
import type { ErrorBody, ErrorCode, FieldError } from "#schemas/error";

export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  unavailable: 503,
};

/** An error of the HTTP transport itself (malformed JSON, a forged cursor, a missing token…). */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string, details?: FieldError[]) =>
  new HttpError("bad_request", message, details);

// Errors meaning a service Strawberry depends on is down or overloaded for now: the request may
// succeed if retried, which a 503 says and an opaque 500 does not.
const UNAVAILABLE_NAMES = new Set([
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "TimeoutError",
  // An AWS service's own 500, which its documentation says to retry (DynamoDB Local answers it
  // when a lock wait times out under load).
  "InternalServerError",
]);
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);

/** Whether `error` says a dependency is unavailable for now (retrying later may work). */
export const isUnavailable = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const { code, $metadata } = error as Error & { code?: unknown; $metadata?: { httpStatusCode?: number } };
  return (
    UNAVAILABLE_NAMES.has(error.name) ||
    (typeof code === "string" && UNAVAILABLE_CODES.has(code)) ||
    $metadata?.httpStatusCode === 503
  );
};

/** An error a client may see: its code, message and field details. */
export const clientErrorOf = (error: unknown): DomainError | HttpError | undefined =>
  error instanceof DomainError || error instanceof HttpError ? error : undefined;

/** The status and body answering `error`. */
export const errorAnswer = (error: unknown): { status: number; body: ErrorBody } => {
  const known = clientErrorOf(error);
  if (!known && isUnavailable(error))
    return {
      status: 503,
      body: {
        error: {
          code: "unavailable",
          message: "A service this depends on is unavailable; try again shortly",
        },
      },
    };
  if (!known) return { status: 500, body: { error: { code: "internal", message: "Internal error" } } };
  const body: ErrorBody = { error: { code: known.code, message: known.message } };
  if (known.details?.length) body.error.details = known.details;
  return { status: STATUS_OF[known.code], body };
};
