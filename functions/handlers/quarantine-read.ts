import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/quarantine";
import { readQuarantinePage } from "#store/quarantine-store";

/** Quarantined signals, oldest first, PII already masked at ingest. */
export const handler = apiHandler(routes.listQuarantine, ({ page }) =>
  readQuarantinePage(page.limit, page.after),
);
