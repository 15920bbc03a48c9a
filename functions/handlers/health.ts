import { checkHealth } from "#app/check-health";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/system";

export const handler = apiHandler(routes.getHealth, () => checkHealth());
