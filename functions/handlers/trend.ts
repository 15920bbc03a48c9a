import { productLineTrend } from "#app/product-line-trend";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/product-lines";

export const handler = apiHandler(routes.getProductLineTrend, ({ params, query }) =>
  productLineTrend(params.id, query),
);
