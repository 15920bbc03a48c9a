import { answerChase } from "#app/answer-chase";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/chases";

export const handler = apiHandler(routes.answerChase, ({ params, body, principal }) =>
  answerChase(params.id, body, principal),
);
