import { NotFoundError } from "#core/errors";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/awards";
import { readAwards } from "#store/award-store";

export const handler = apiHandler(routes.getAwards, async ({ params }) => {
  const awards = await readAwards(params.period);
  if (!awards) throw new NotFoundError(`No awards of ${params.period} yet`);
  return awards;
});
