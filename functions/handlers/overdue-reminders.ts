import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { remindOverdueNotices } from "#app/remind-overdue";
import { scheduledHandler } from "#lib/handlers";
import { logger, metrics } from "#lib/powertools";
import { NoInput } from "#schemas/jobs";

export const handler = scheduledHandler(NoInput, async () => {
  const report = await remindOverdueNotices();
  logger.info("Overdue reminders", { ...report });
  metrics.addMetric("OverdueReminders", MetricUnit.Count, report.reminded);
  return report;
});
