import * as z from "zod/mini";
import { Id, text } from "./common";
import "./zod";

export const BusinessUnit = z.object({
  id: Id,
  name: text(1, 200),
  /** Its name in Chinese, shown when the dashboard speaks Chinese (`name` otherwise). */
  nameZh: z.optional(text(1, 200)),
});
export type BusinessUnit = z.infer<typeof BusinessUnit>;

export const ProductLine = z.object({
  id: Id,
  name: text(1, 200),
  nameZh: z.optional(text(1, 200)),
  businessUnitId: Id,
  category: text(1, 100),
});
export type ProductLine = z.infer<typeof ProductLine>;

/** A category code (a product line's `category`) and its names in English and Chinese. */
export const Category = z.object({
  id: text(1, 100),
  name: text(1, 200),
  nameZh: z.optional(text(1, 200)),
});
export type Category = z.infer<typeof Category>;

/** `PUT /v1/catalog` body and `GET /v1/catalog` answer. A PUT upserts; nothing is deleted. */
export const Catalog = z
  .object({
    businessUnits: z.array(BusinessUnit).check(z.maxLength(10_000)),
    productLines: z.array(ProductLine).check(z.maxLength(200_000)),
    /** The names of category codes, for showing them; a line's category need not be listed here. */
    categories: z.optional(z.array(Category).check(z.maxLength(10_000))),
  })
  .check(
    // A body is checked whole before anything is stored, duplicates included: DynamoDB refuses two
    // writes of one key in a batch, and half a catalog must never be left behind.
    z.superRefine((c, ctx) => {
      for (const list of ["businessUnits", "productLines", "categories"] as const) {
        const seen = new Set<string>();
        (c[list] ?? []).forEach((entry, i) => {
          if (seen.has(entry.id))
            ctx.addIssue({ code: "custom", path: [list, i, "id"], message: `Duplicate id ${entry.id}` });
          seen.add(entry.id);
        });
      }
    }),
  );
export type Catalog = z.infer<typeof Catalog>;

/**
 * `GET /v1/catalog`: the catalog, each line saying whether it is pulled (has an open notice) and
 * whether it has an undecided Andon (`andonId` its newest).
 */
export const CatalogView = z.object({
  businessUnits: z.array(BusinessUnit),
  categories: z.optional(z.array(Category)),
  productLines: z.array(
    z.extend(ProductLine, {
      pulled: z.boolean(),
      openNoticeId: z.optional(z.string()),
      andon: z.boolean(),
      andonId: z.optional(z.string()),
    }),
  ),
});
export type CatalogView = z.infer<typeof CatalogView>;

/** `PUT /v1/catalog` answer: how many units and lines were upserted. */
export const CatalogUpsertResult = z.object({ businessUnits: z.int(), productLines: z.int() });
export type CatalogUpsertResult = z.infer<typeof CatalogUpsertResult>;
