import { upsertCatalog } from "#app/upsert-catalog";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/catalog";

export const handler = apiHandler(routes.putCatalog, ({ body }) => upsertCatalog(body));
