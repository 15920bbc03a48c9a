import * as z from "zod/mini";
import { Id } from "./common";
import "./zod";

export const BusinessUnit = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type BusinessUnit = z.infer<typeof BusinessUnit>;

export const ProductLine = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  nameZh: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  businessUnitId: Id,
  category: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type ProductLine = z.infer<typeof ProductLine>;

/** `PUT /v1/catalog` body and `GET /v1/catalog` answer. A PUT upserts; nothing is deleted. */
export const Catalog = z
  .object({
    businessUnits: z.array(BusinessUnit).check(z.maxLength(10_000)),
    productLines: z.array(ProductLine).check(z.maxLength(200_000)),
  })
  .check(
    z.superRefine((c, ctx) => {
      const seen = new Set<string>();
      c.productLines.forEach((pl, i) => {
        if (seen.has(pl.id))
          ctx.addIssue({ code: "custom", path: ["productLines", i, "id"], message: `Duplicate id ${pl.id}` });
        seen.add(pl.id);
      });
    }),
  );
export type Catalog = z.infer<typeof Catalog>;

/** `PUT /v1/catalog` answer: how many units and lines were upserted. */
export const CatalogUpsertResult = z.object({ businessUnits: z.int(), productLines: z.int() });
export type CatalogUpsertResult = z.infer<typeof CatalogUpsertResult>;
