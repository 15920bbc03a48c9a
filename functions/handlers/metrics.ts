import { productLineMetrics } from "#app/product-line-metrics";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/product-lines";

export const handler = apiHandler(routes.getProductLineMetrics, ({ params, query }) =>
  productLineMetrics(params.id, query.period),
);
