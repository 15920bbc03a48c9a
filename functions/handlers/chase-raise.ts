import { raiseChase } from "#app/raise-chase";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/chases";

export const handler = apiHandler(routes.raiseChase, ({ body, principal }) => raiseChase(body, principal));
