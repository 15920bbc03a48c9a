/**
 * Domain errors: what went wrong, in the domain's words, with the fields it concerns. They carry
 * an error code of the public contract but no HTTP status: the HTTP kit maps codes to statuses in
 * one table (`functions/http/errors.ts`), and only these errors reach a client with their message.
 */
import type { ErrorCode, FieldError } from "#schemas/error";

export type { FieldError };

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule; `details` name the fields. */
export class ValidationError extends DomainError {
  readonly code = "validation_failed" as const;
}

/** The caller may not do this (their role, or the object's business unit). */
export class ForbiddenError extends DomainError {
  readonly code = "forbidden" as const;
}

export class NotFoundError extends DomainError {
  readonly code = "not_found" as const;
}

/** The object's state does not allow this, or the caller saw an older version of it. */
export class ConflictError extends DomainError {
  readonly code = "conflict" as const;
}

/** A service the platform depends on (its database) is down or overloaded for now. */
export class UnavailableError extends DomainError {
  readonly code = "unavailable" as const;
}
