import { NotFoundError } from "#core/errors";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/reviews";
import { readReview } from "#store/review-store";

export const handler = apiHandler(routes.getReview, async ({ params }) => {
  const review = await readReview(params.quarter);
  if (!review) throw new NotFoundError(`No review of ${params.quarter} yet`);
  return review;
});
