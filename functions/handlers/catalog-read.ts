import { catalogView } from "#app/catalog-view";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/catalog";

export const handler = apiHandler(routes.getCatalog, () => catalogView());
