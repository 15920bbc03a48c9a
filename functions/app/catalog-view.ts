/**
 * `GET /v1/catalog`: the catalog, with each line marked pulled while it has an open notice, and
 * marked `andon` while it has an Andon the CCO team has not decided.
 */
import type { CatalogView } from "#schemas/catalog";
import { readRaisedAndons } from "#store/andon-marks";
import { readCatalog } from "#store/catalog-store";
import { readPulledLines } from "#store/notice-store";

export const catalogView = async (): Promise<CatalogView> => {
  const [catalog, pulled, andons] = await Promise.all([readCatalog(), readPulledLines(), readRaisedAndons()]);
  return {
    businessUnits: catalog.businessUnits,
    ...(catalog.categories ? { categories: catalog.categories } : {}),
    productLines: catalog.productLines.map((line) => ({
      ...line,
      pulled: pulled.has(line.id),
      ...(pulled.has(line.id) ? { openNoticeId: pulled.get(line.id) } : {}),
      andon: andons.has(line.id),
      ...(andons.has(line.id) ? { andonId: andons.get(line.id) } : {}),
    })),
  };
};
