import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { runScheduledAwards } from "#app/scheduled-awards";
import { scheduledHandler } from "#lib/handlers";
import { logger, metrics } from "#lib/powertools";
import { ScheduledAwardsInput } from "#schemas/jobs";

export const handler = scheduledHandler(ScheduledAwardsInput, async (input) => {
  const runs = (await runScheduledAwards(input)).map((awards) => ({
    period: awards.period,
    finalized: awards.finalized,
    policyVersion: awards.policyVersion,
    eligible: awards.eligible,
    red: awards.red.map((a) => a.productLineId),
    rotten: awards.rotten.map((a) => a.productLineId),
  }));
  logger.info("Awards done", { kind: input.kind, runs });
  metrics.addMetric("AwardPeriodsFinal", MetricUnit.Count, runs.filter((r) => r.finalized).length);
  return { kind: input.kind, runs };
});
