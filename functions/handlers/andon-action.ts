import { decideAndon } from "#app/decide-andon";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/andons";

export const handler = apiHandler(routes.postAndonAction, ({ params, body, principal }) =>
  decideAndon(params.id, body, principal),
);
