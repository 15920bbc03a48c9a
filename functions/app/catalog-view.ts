/** `GET /v1/catalog`: the catalog, with each line marked pulled while it has an open notice. */
import type { CatalogView } from "#schemas/catalog";
import { readCatalog } from "#store/catalog-store";
import { readPulledLines } from "#store/notice-store";

export const catalogView = async (): Promise<CatalogView> => {
  const [catalog, pulled] = await Promise.all([readCatalog(), readPulledLines()]);
  return {
    businessUnits: catalog.businessUnits,
    productLines: catalog.productLines.map((line) => ({
      ...line,
      pulled: pulled.has(line.id),
      ...(pulled.has(line.id) ? { openNoticeId: pulled.get(line.id) } : {}),
    })),
  };
};
