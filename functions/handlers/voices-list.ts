import { listVoices } from "#app/listen-in";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/voices";

export const handler = apiHandler(routes.listVoices, ({ query, principal, page }) =>
  listVoices(query, principal, page),
);
