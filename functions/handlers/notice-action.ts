import { actOnNotice } from "#app/notice-actions";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/notices";

export const handler = apiHandler(routes.postNoticeAction, ({ params, body, principal }) =>
  actOnNotice(params.id, body, principal),
);
