import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy from "@middy/core";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { processSignalMessages } from "../app/process-signal-messages";
import { logger, metrics, tracer } from "../lib/powertools";

/** SQS → signals; reports partial batch failures so only the failed messages come back. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async (event) => {
    const { batchItemFailures, ...counts } = await processSignalMessages(event.Records);
    metrics.addMetric("SignalsAccepted", MetricUnit.Count, counts.accepted);
    metrics.addMetric("SignalsDuplicate", MetricUnit.Count, counts.duplicates);
    metrics.addMetric("SignalsQuarantined", MetricUnit.Count, counts.quarantined);
    metrics.addMetric("SignalMessagesFailed", MetricUnit.Count, batchItemFailures.length);
    return { batchItemFailures };
  });
