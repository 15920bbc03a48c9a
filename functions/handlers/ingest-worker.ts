import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { processSignalMessages } from "#app/process-signal-messages";
import { sqsHandler } from "#lib/handlers";
import { metrics } from "#lib/powertools";

/** SQS → signals; reports partial batch failures so only the failed messages come back. */
export const handler = sqsHandler(async (records) => {
  const { batchItemFailures, ...counts } = await processSignalMessages(records);
  metrics.addMetric("SignalsAccepted", MetricUnit.Count, counts.accepted);
  metrics.addMetric("SignalsDuplicate", MetricUnit.Count, counts.duplicates);
  metrics.addMetric("SignalsQuarantined", MetricUnit.Count, counts.quarantined);
  metrics.addMetric("SignalMessagesFailed", MetricUnit.Count, batchItemFailures.length);
  return { batchItemFailures };
});
