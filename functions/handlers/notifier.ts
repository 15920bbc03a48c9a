import { MetricUnit } from "@aws-lambda-powertools/metrics";
import * as z from "zod/mini";
import { notifyOf } from "#app/notify";
import { eventHandler } from "#lib/handlers";
import { metrics } from "#lib/powertools";

export const handler = eventHandler(z.unknown(), async (detail, event) => {
  const written = await notifyOf(event["detail-type"], detail);
  metrics.addMetric("NotificationsWritten", MetricUnit.Count, written);
});
