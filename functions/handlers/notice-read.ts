import { readNoticeFor } from "#app/notice-actions";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/notices";

export const handler = apiHandler(routes.getNotice, ({ params, principal }) =>
  readNoticeFor(params.id, principal),
);
