import * as z from "zod/mini";
import "./zod";

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

/** A quarter (`2026-Q3`), a year (`2026`) or an inclusive date range (`2026-09-01..2026-09-30`). */
export const PeriodText = z
  .string()
  .check(
    z.regex(
      /^(\d{4}(-Q[1-4])?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/,
      "Expected a quarter (2026-Q3), a year (2026) or a date range (2026-09-01..2026-09-30)",
    ),
  );

/** Every list answers with this envelope; the cursor is opaque and signed. */
export const pageOf = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
