/**
 * The daily overdue job (DESIGN §2): every open notice past its due date gets one `Notice Overdue`
 * event a day, at most, however often the job runs that day (a retried schedule, an operator). The
 * reminder of the day and its event are written in one transaction, conditional on no reminder of
 * that day, so two runs at once send it once too. Open notices are read from the pulled lines (one
 * item per open notice), never by scanning notices.
 */
import { isOverdue } from "#core/notice-lifecycle";
import { dayOf } from "#core/period";
import { readNotices, readPulledLines, recordOverdueReminder } from "#store/notice-store";
import { currentPolicy } from "#store/policy-store";
import { relayOutboxSoon } from "./relay-outbox";

export interface OverdueReport {
  /** The policy-zone day the reminders are for. */
  day: string;
  open: number;
  overdue: number;
  /** Reminders sent by this run. */
  reminded: number;
  /** Overdue notices already reminded of today (by an earlier run). */
  alreadyReminded: number;
}

const CONCURRENCY = 8;

export const remindOverdueNotices = async (now = new Date()): Promise<OverdueReport> => {
  const policy = await currentPolicy();
  const day = dayOf(now, policy.timeZone);
  const open = await readNotices([...(await readPulledLines()).values()]);
  const overdue = open.filter((notice) => isOverdue(notice, now));
  const report: OverdueReport = {
    day,
    open: open.length,
    overdue: overdue.length,
    reminded: 0,
    alreadyReminded: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < overdue.length) {
      const notice = overdue[next++];
      if (!notice) continue;
      const sent = await recordOverdueReminder(notice.id, day, {
        eventId: `${notice.id}:overdue:${day}`,
        createdAt: now.toISOString(),
        detailType: "Notice Overdue",
        detail: {
          noticeId: notice.id,
          productLineId: notice.productLineId,
          businessUnitId: notice.businessUnitId,
          dueAt: notice.dueAt,
          day,
        },
      });
      if (sent) report.reminded++;
      else report.alreadyReminded++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, overdue.length) }, worker));
  if (report.reminded > 0) await relayOutboxSoon();
  return report;
};
