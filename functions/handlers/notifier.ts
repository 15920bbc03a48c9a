import * as z from "zod/mini";
import { notifyOf } from "#app/notify";
import { eventHandler } from "#lib/handlers";

export const handler = eventHandler(z.unknown(), async (detail, event) => {
  await notifyOf(event["detail-type"], detail);
});
