import * as z from "zod/mini";
import "./zod";

// A lone UTF-16 surrogate cannot be encoded in UTF-8 (DynamoDB refuses the whole transaction that
// holds one), and a NUL ends strings in half the tools that read an export.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text can be stored and read back as written: no NUL, no unpaired surrogate. */
export const isStorableText = (value: string): boolean =>
  !value.includes("\u0000") && !LONE_SURROGATE.test(value);

/**
 * Free text of `min` to `max` UTF-16 units that can be stored as written: every free-text field of
 * every schema is one of these, so a NUL or a lone surrogate is a 400 naming the field, everywhere.
 */
export const text = (min: number, max: number) =>
  z
    .string()
    .check(
      z.minLength(min),
      z.maxLength(max),
      z.refine(isStorableText, "Must not contain NUL characters or unpaired UTF-16 surrogates"),
    );

/** Opaque identifiers used for business units, product lines and categories. */
export const Id = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9._:-]+$/, "Must use only letters, digits and . _ : -"),
  );

export const ROLES = ["cco", "bu-head", "executive", "ingest"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A calendar date `YYYY-MM-DD` (a day in the policy time zone). */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date YYYY-MM-DD"));

// The period grammar (DESIGN §2), written once: the schema checks the shape, and
// `functions/core/period.ts` reads the same patterns to give a period its days.
const QUARTER = String.raw`(\d{4})-Q([1-4])`;
const YEAR = String.raw`(\d{4})`;
const RANGE = String.raw`(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})`;

/** One pattern per form of a period, anchored, with the parts captured. */
export const PERIOD_PATTERNS = {
  quarter: new RegExp(`^${QUARTER}$`),
  year: new RegExp(`^${YEAR}$`),
  range: new RegExp(`^${RANGE}$`),
} as const;

export const PERIOD_HINT =
  "Expected a quarter (2026-Q3), a year (2026) or a date range (2026-09-01..2026-09-30)";

/** A quarter (`2026-Q3`), a year (`2026`) or an inclusive date range (`2026-09-01..2026-09-30`). */
export const PeriodText = z
  .string()
  .check(z.regex(new RegExp(`^(?:${QUARTER}|${YEAR}|${RANGE})$`), PERIOD_HINT));

/** A quarter or a year: the periods that have totals (rankings, the problem board, awards). */
export const QuarterOrYear = z
  .string()
  .check(z.regex(new RegExp(`^(?:${QUARTER}|${YEAR})$`), "Expected a quarter (2026-Q3) or a year (2026)"));

/** A quarter, e.g. `2026-Q3` (reviews). */
export const Quarter = z
  .string()
  .check(z.regex(new RegExp(`^${QUARTER}$`), "Expected a quarter such as 2026-Q3"));

/** Every list answers with this envelope; the cursor is opaque and signed. */
export const pageOf = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
