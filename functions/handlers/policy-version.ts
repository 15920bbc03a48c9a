import { NotFoundError } from "#core/errors";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/policy";
import { policyVersion } from "#store/policy-store";

export const handler = apiHandler(routes.getPolicyVersion, async ({ params }) => {
  const policy = await policyVersion(params.v);
  if (!policy) throw new NotFoundError(`No policy version ${params.v}`);
  return policy;
});
