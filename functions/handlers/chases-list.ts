import { listChases } from "#app/list-chases";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/chases";

export const handler = apiHandler(routes.listChases, ({ query, principal, page }) =>
  listChases(query, principal, page),
);
