import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { runScheduledReview } from "#app/scheduled-review";
import { scheduledHandler } from "#lib/handlers";
import { logger, metrics } from "#lib/powertools";
import { ScheduledReviewInput } from "#schemas/jobs";

export const handler = scheduledHandler(ScheduledReviewInput, async (input) => {
  const review = await runScheduledReview(input);
  const summary = {
    quarter: review.quarter,
    policyVersion: review.policyVersion,
    lines: review.lines.length,
    noticesIssued: review.noticesIssued.length,
  };
  logger.info("Quarterly review done", summary);
  metrics.addMetric("NoticesIssued", MetricUnit.Count, summary.noticesIssued);
  return summary;
});
