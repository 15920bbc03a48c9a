import { openApiDocument } from "#app/openapi-document";
import { apiHandler } from "#http/api-handler";
import { serverUrlOf } from "#http/request";
import * as routes from "#routes/system";

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = apiHandler(routes.getOpenApi, async ({ event }) => {
  document ??= openApiDocument(serverUrlOf(event));
  return document;
});
