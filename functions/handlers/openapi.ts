import { openApiDocument } from "../app/openapi-document";
import { apiHandler } from "../lib/http";

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = apiHandler("openapi", async () => {
  document ??= openApiDocument();
  return { body: document };
});
