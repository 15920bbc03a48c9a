import { rankingsPage } from "#app/rankings";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/rankings";

const COLUMNS = [
  "rank",
  "productLineId",
  "name",
  "nameZh",
  "businessUnitId",
  "category",
  "n",
  "negatives",
  "negativeRate",
  "wilsonLo",
  "wilsonHi",
  "shrunkRate",
  "pulled",
  "atRisk",
  "andon",
] as const;

export const handler = apiHandler(routes.listRankings, ({ query, page }) => rankingsPage(query, page), {
  csv: (body) => ({
    columns: COLUMNS,
    rows: body.items.map((l) => [
      l.rank,
      l.productLineId,
      l.name,
      l.nameZh,
      l.businessUnitId,
      l.category,
      l.n,
      l.negatives,
      l.negativeRate,
      l.wilson?.lo,
      l.wilson?.hi,
      l.shrunkRate,
      l.pulled,
      l.atRisk,
      l.andon,
    ]),
  }),
});
