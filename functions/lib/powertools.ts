/**
 * The one observability module: every function logs, counts and traces through these instances,
 * configured by the standard Powertools environment variables (set by the CDK function construct
 * and by the local runtime).
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? "strawberry";

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({
  serviceName,
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "Strawberry",
});
export const tracer = new Tracer({ serviceName });
