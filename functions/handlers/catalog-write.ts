import { Catalog } from "../../schemas/catalog";
import { ValidationError } from "../core/errors";
import { apiHandler, jsonBody, parseWith } from "../lib/http";
import { findBusinessUnitIds, putCatalog } from "../store/catalog-store";

/** Upserts business units and product lines; a line must belong to a unit in the body or the catalog. */
export const handler = apiHandler("catalogWrite", async ({ event }) => {
  const catalog = parseWith(Catalog, jsonBody(event), "catalog");
  const inBody = new Set(catalog.businessUnits.map((bu) => bu.id));
  const elsewhere = catalog.productLines.map((pl) => pl.businessUnitId).filter((id) => !inBody.has(id));
  const stored = elsewhere.length > 0 ? await findBusinessUnitIds(elsewhere) : new Set<string>();
  const orphans = catalog.productLines
    .map((pl, i) => ({ pl, i }))
    .filter(({ pl }) => !inBody.has(pl.businessUnitId) && !stored.has(pl.businessUnitId));
  if (orphans.length > 0)
    throw new ValidationError(
      "Product lines refer to unknown business units",
      orphans.map(({ pl, i }) => ({
        path: `productLines.${i}.businessUnitId`,
        message: `Unknown business unit ${pl.businessUnitId}`,
      })),
    );
  return { body: await putCatalog(catalog) };
});
