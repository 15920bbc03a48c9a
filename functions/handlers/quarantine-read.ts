import { ENV } from "../../infra/declarations";
import { QuarantineQuery } from "../../schemas/quarantine";
import { decodeCursor, encodeCursor } from "../lib/cursor";
import { apiHandler, parseWith, queryOf } from "../lib/http";
import { secretKey } from "../lib/secrets";
import type { Item } from "../store/attributes";
import { listQuarantine } from "../store/quarantine-store";

const SCOPE = "quarantine";

/** `GET /v1/quarantine`: quarantined signals, oldest first, PII already masked at ingest. */
export const handler = apiHandler("quarantineRead", async ({ event }) => {
  const query = parseWith(QuarantineQuery, queryOf(event), "query");
  const key = await secretKey(ENV.cursorKey, ENV.cursorSecretArn);
  const start = query.cursor ? (decodeCursor(query.cursor, SCOPE, key) as Item) : undefined;
  const page = await listQuarantine(query.limit ?? 100, start);
  return {
    body: { items: page.items, ...(page.next ? { nextCursor: encodeCursor(page.next, SCOPE, key) } : {}) },
  };
});
