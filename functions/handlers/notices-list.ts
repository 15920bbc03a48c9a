import { listNotices } from "#app/list-notices";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/notices";

export const handler = apiHandler(routes.listNotices, ({ query, principal, page }) =>
  listNotices(query, principal, page),
);
