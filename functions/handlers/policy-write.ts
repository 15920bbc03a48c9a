import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/policy";
import { writePolicyVersion } from "#store/policy-store";

export const handler = apiHandler(routes.putPolicy, ({ body: { expectedVersion, ...settings }, principal }) =>
  writePolicyVersion(settings, principal.sub, new Date(), expectedVersion),
);
