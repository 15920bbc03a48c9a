/** `PUT /v1/catalog`: the body checked whole against what is stored, then upserted. */
import { orphanLineErrors, unitsReferencedOutside } from "#core/catalog-rules";
import { ValidationError } from "#core/errors";
import type { Catalog, CatalogUpsertResult } from "#schemas/catalog";
import { findBusinessUnitIds, writeCatalog } from "#store/catalog-store";

export const upsertCatalog = async (catalog: Catalog): Promise<CatalogUpsertResult> => {
  const outside = unitsReferencedOutside(catalog);
  const stored = outside.length > 0 ? await findBusinessUnitIds(outside) : new Set<string>();
  const orphans = orphanLineErrors(catalog, stored);
  if (orphans.length > 0) throw new ValidationError("Product lines refer to unknown business units", orphans);
  return writeCatalog(catalog);
};
