import * as z from "zod/mini";
import "./zod";

/**
 * Every code an error answer may carry. Domain errors (in `functions/core`) and transport errors
 * (in `functions/http`) each name one; the HTTP kit maps codes to statuses in one table.
 */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One offending field: its dotted path (`signals.3.score`) and what is wrong with it. */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** Every error answer: `{"error":{"code","message","details"?}}`, details naming field paths. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.optional(z.array(FieldError)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Turns an issue path (`["signals", 3, "score"]`) into `signals.3.score`; the empty path is `(root)`. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? "(root)" : path.map(String).join(".");

/** What {@link fieldErrorsOf} reads of a zod error (structural, so callers need not import zod). */
export interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * The field errors of a failed parse, each path prefixed with `prefix` (e.g. `["signals", 3]`).
 * The one place where zod issues become the `details` of an error answer.
 */
export const fieldErrorsOf = (error: IssueList, prefix: readonly PropertyKey[] = []): FieldError[] =>
  error.issues.map((issue) => ({ path: fieldPath([...prefix, ...issue.path]), message: issue.message }));
