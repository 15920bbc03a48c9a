import { markNotificationsRead } from "#app/notifications";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/notifications";

export const handler = apiHandler(routes.markNotificationsRead, ({ body, principal }) =>
  markNotificationsRead(body, principal),
);
