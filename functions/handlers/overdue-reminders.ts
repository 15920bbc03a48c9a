import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { escalateOverdueChases } from "#app/escalate-overdue-chases";
import { remindOverdueNotices } from "#app/remind-overdue";
import { scheduledHandler } from "#lib/handlers";
import { logger, metrics } from "#lib/powertools";
import { NoInput } from "#schemas/jobs";

/**
 * The daily job: overdue notices reminded (once a day each) and overdue chases escalated (once
 * ever each). Both run even if the other fails; a failure then fails the run so the schedule
 * retries it, which both tolerate (neither repeats what it already did).
 */
export const handler = scheduledHandler(NoInput, async () => {
  const [notices, chases] = await Promise.allSettled([remindOverdueNotices(), escalateOverdueChases()]);
  if (notices.status === "fulfilled") {
    logger.info("Overdue reminders", { ...notices.value });
    metrics.addMetric("OverdueReminders", MetricUnit.Count, notices.value.reminded);
  }
  if (chases.status === "fulfilled") {
    logger.info("Overdue chases escalated", { ...chases.value });
    metrics.addMetric("ChasesEscalated", MetricUnit.Count, chases.value.escalated);
  }
  if (notices.status === "rejected") throw notices.reason;
  if (chases.status === "rejected") throw chases.reason;
  return { notices: notices.value, chases: chases.value };
});
