import { runAwards } from "#app/run-awards";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/awards";

export const handler = apiHandler(routes.postAwards, ({ body, principal }) => runAwards(body, principal.sub));
