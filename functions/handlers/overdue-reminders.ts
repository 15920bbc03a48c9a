import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { detectSpikes } from "#app/detect-spikes";
import { escalateOverdueChases } from "#app/escalate-overdue-chases";
import { remindOverdueNotices } from "#app/remind-overdue";
import { scheduledHandler } from "#lib/handlers";
import { logger, metrics } from "#lib/powertools";
import { NoInput } from "#schemas/jobs";

/**
 * The daily job: overdue notices reminded (once a day each), overdue chases escalated (once ever
 * each) and spikes announced (once a week per line at most). All run even if another fails; a
 * failure then fails the run so the schedule retries it, which all tolerate (none repeats what it
 * already did).
 */
export const handler = scheduledHandler(NoInput, async () => {
  const [notices, chases, spikes] = await Promise.allSettled([
    remindOverdueNotices(),
    escalateOverdueChases(),
    detectSpikes(),
  ]);
  if (notices.status === "fulfilled") {
    logger.info("Overdue reminders", { ...notices.value });
    metrics.addMetric("OverdueReminders", MetricUnit.Count, notices.value.reminded);
  }
  if (chases.status === "fulfilled") {
    logger.info("Overdue chases escalated", { ...chases.value });
    metrics.addMetric("ChasesEscalated", MetricUnit.Count, chases.value.escalated);
  }
  if (spikes.status === "fulfilled") {
    logger.info("Spikes detected", { ...spikes.value });
    metrics.addMetric("SpikesDetected", MetricUnit.Count, spikes.value.announced);
  }
  if (notices.status === "rejected") throw notices.reason;
  if (chases.status === "rejected") throw chases.reason;
  if (spikes.status === "rejected") throw spikes.reason;
  return { notices: notices.value, chases: chases.value, spikes: spikes.value };
});
