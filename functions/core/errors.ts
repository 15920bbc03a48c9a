/**
 * Domain errors. The HTTP layer maps each class to one status in one place
 * (`functions/lib/http.ts`); only these reach the client with their message and field details.
 */
import type { ErrorCode } from "../../schemas/error";

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `signals.3.score`. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly code = "bad_request" as const;
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = "validation_failed" as const;
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = "unauthorized" as const;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = "forbidden" as const;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = "not_found" as const;
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = "conflict" as const;
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = "payload_too_large" as const;
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly code = "unsupported_media_type" as const;
}

/** Turns zod-style issue paths (`["signals", 3, "score"]`) into `signals.3.score`. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? "(root)" : path.map(String).join(".");
