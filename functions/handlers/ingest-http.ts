import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { ingestSignals } from "#app/ingest-signals";
import { apiHandler } from "#http/api-handler";
import { metrics } from "#lib/powertools";
import * as routes from "#routes/signals";

/** `POST /v1/signals`: each valid signal lands, each invalid one is rejected by its index. */
export const handler = apiHandler(
  routes.postSignals,
  async ({ body }) => {
    const { requests, andonRequests: _a, andonsRaised, ...result } = await ingestSignals(body.signals);
    metrics.addMetric("SignalsAccepted", MetricUnit.Count, result.accepted);
    metrics.addMetric("SignalsDuplicate", MetricUnit.Count, result.duplicates);
    metrics.addMetric("SignalsQuarantined", MetricUnit.Count, result.quarantined);
    metrics.addMetric("SignalsRejected", MetricUnit.Count, result.rejected.length);
    metrics.addMetric("IngestDynamoRequests", MetricUnit.Count, requests);
    metrics.addMetric("AndonsRaised", MetricUnit.Count, andonsRaised.length);
    return result;
  },
  { metrics: { requests: "IngestBatches" } },
);
