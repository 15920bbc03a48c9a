import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { relayOutbox } from "#app/relay-outbox";
import { scheduledHandler } from "#lib/handlers";
import { logger, metrics } from "#lib/powertools";
import { NoInput } from "#schemas/jobs";

export const handler = scheduledHandler(NoInput, async () => {
  const report = await relayOutbox();
  if (report.published > 0 || report.refused > 0) logger.info("Outbox relayed", { ...report });
  metrics.addMetric("EventsPublished", MetricUnit.Count, report.published);
  metrics.addMetric("EventsRefused", MetricUnit.Count, report.refused);
  return report;
});
