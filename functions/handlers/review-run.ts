import { runReview } from "#app/run-review";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/reviews";

export const handler = apiHandler(routes.postReview, ({ body, principal }) => runReview(body, principal.sub));
