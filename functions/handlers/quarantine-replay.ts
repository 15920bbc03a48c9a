import { replayQuarantine } from "#app/replay-quarantine";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/quarantine";

/** All quarantined signals, or the ids given. */
export const handler = apiHandler(routes.replayQuarantine, ({ body }) => replayQuarantine(body?.signalIds));
