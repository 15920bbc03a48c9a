import { ReplayRequest } from "../../schemas/quarantine";
import { replayQuarantine } from "../app/replay-quarantine";
import { apiHandler, jsonBody, parseWith } from "../lib/http";

/** `POST /v1/quarantine/replay`: all quarantined signals, or the ids given. */
export const handler = apiHandler("quarantineReplay", async ({ event }) => {
  const body = event.body ? jsonBody(event) : {};
  const { signalIds } = parseWith(ReplayRequest, body, "request");
  return { body: await replayQuarantine(signalIds) };
});
