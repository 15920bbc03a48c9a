import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/policy";
import { currentPolicy } from "#store/policy-store";

export const handler = apiHandler(routes.getPolicy, () => currentPolicy());
