import { listNotifications } from "#app/notifications";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/notifications";

export const handler = apiHandler(routes.listNotifications, ({ query, principal, page }) =>
  listNotifications(query, principal, page),
);
