import { listAndons } from "#app/list-andons";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/andons";

export const handler = apiHandler(routes.listAndons, ({ query, principal, page }) =>
  listAndons(query, principal, page),
);
