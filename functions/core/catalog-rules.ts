/**
 * What a catalog upsert must satisfy beyond its shape: every product line belongs to a business
 * unit, one given in the same body or one already in the catalog.
 */
import type { Catalog } from "#schemas/catalog";
import type { FieldError } from "#schemas/error";

/** The unit ids the lines refer to that the body does not define: they must already be stored. */
export function unitsReferencedOutside(catalog: Catalog): string[] {
  const inBody = new Set(catalog.businessUnits.map((bu) => bu.id));
  return [...new Set(catalog.productLines.map((pl) => pl.businessUnitId).filter((id) => !inBody.has(id)))];
}

/**
 * One error per product line whose unit is neither in the body nor among `storedUnitIds`, at
 * `productLines.<index>.businessUnitId`.
 */
export function orphanLineErrors(catalog: Catalog, storedUnitIds: ReadonlySet<string>): FieldError[] {
  const known = new Set([...catalog.businessUnits.map((bu) => bu.id), ...storedUnitIds]);
  return catalog.productLines.flatMap((pl, i) =>
    known.has(pl.businessUnitId)
      ? []
      : [{ path: `productLines.${i}.businessUnitId`, message: `Unknown business unit ${pl.businessUnitId}` }],
  );
}
