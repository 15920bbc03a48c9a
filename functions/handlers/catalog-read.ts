import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/catalog";
import { readCatalog } from "#store/catalog-store";

export const handler = apiHandler(routes.getCatalog, () => readCatalog());
