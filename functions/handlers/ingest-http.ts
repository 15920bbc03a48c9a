import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { SignalBatch } from "../../schemas/signal";
import { ingestSignals } from "../app/ingest-signals";
import { apiHandler, jsonBody, parseWith } from "../lib/http";
import { metrics } from "../lib/powertools";

/** `POST /v1/signals`: 1..500 signals; each valid one lands, each invalid one is rejected by index. */
export const handler = apiHandler(
  "ingest",
  async ({ event }) => {
    // Counted first so that refused batches are visible in metrics too.
    metrics.addMetric("IngestBatches", MetricUnit.Count, 1);
    const { signals } = parseWith(SignalBatch, jsonBody(event), "request");
    const { requests, ...result } = await ingestSignals(signals);
    metrics.addMetric("SignalsAccepted", MetricUnit.Count, result.accepted);
    metrics.addMetric("SignalsDuplicate", MetricUnit.Count, result.duplicates);
    metrics.addMetric("SignalsQuarantined", MetricUnit.Count, result.quarantined);
    metrics.addMetric("SignalsRejected", MetricUnit.Count, result.rejected.length);
    metrics.addMetric("IngestDynamoRequests", MetricUnit.Count, requests);
    return { body: result };
  },
  { metrics: true },
);
