import { readAndonFor } from "#app/list-andons";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/andons";

export const handler = apiHandler(routes.getAndon, ({ params, principal }) =>
  readAndonFor(params.id, principal),
);
