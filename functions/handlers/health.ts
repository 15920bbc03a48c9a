import { apiHandler } from "../lib/http";

export const handler = apiHandler("health", async () => ({ body: { status: "ok" } }));
