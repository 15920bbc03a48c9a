import { apiHandler } from "../lib/http";
import { readCatalog } from "../store/catalog-store";

export const handler = apiHandler("catalogRead", async () => ({ body: await readCatalog() }));
