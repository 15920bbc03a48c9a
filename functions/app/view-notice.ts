/**
 * A notice as a reader sees it: what is stored, plus what depends on the moment it is read:
 * whether it is overdue, and once a fix was submitted, the fix's effect from the line's rollups
 * (the 28 days before the notice against the days since the fix).
 */
import { addDays } from "#core/calendar-day";
import { BASELINE_DAYS, fixEffect, windowFigures } from "#core/fix-effect";
import { isOverdue } from "#core/notice-lifecycle";
import { dayOf } from "#core/period";
import type { RollupCounts } from "#core/rollup";
import type { Notice, NoticeSummary } from "#schemas/notice";
import type { Policy } from "#schemas/policy";
import type { StoredNotice } from "#store/notice-store";
import { readRollupTotal } from "#store/rollup-store";

const effectOf = async (notice: StoredNotice, fixedAt: string, policy: Policy, now: Date) => {
  const issueDay = dayOf(notice.issuedAt, policy.timeZone);
  const before = { from: addDays(issueDay, -BASELINE_DAYS), to: addDays(issueDay, -1) };
  const since = { from: dayOf(fixedAt, policy.timeZone), to: dayOf(now, policy.timeZone) };
  const [b, s] = await Promise.all([
    readRollupTotal(notice.productLineId, before.from, before.to),
    since.from <= since.to
      ? readRollupTotal(notice.productLineId, since.from, since.to)
      : Promise.resolve<RollupCounts>({}),
  ]);
  return fixEffect(
    windowFigures(before.from, before.to, b.n ?? 0, b.neg ?? 0),
    windowFigures(since.from, since.to, s.n ?? 0, s.neg ?? 0),
    policy.review.minSample,
  );
};

export const viewNotice = async (
  notice: StoredNotice,
  policy: Policy,
  now = new Date(),
): Promise<Notice> => ({
  ...notice,
  overdue: isOverdue(notice, now),
  ...(notice.fix ? { effect: await effectOf(notice, notice.fix.submittedAt, policy, now) } : {}),
});

export const summarizeNotice = (notice: StoredNotice, now = new Date()): NoticeSummary => ({
  id: notice.id,
  productLineId: notice.productLineId,
  businessUnitId: notice.businessUnitId,
  quarter: notice.quarter,
  source: notice.source,
  status: notice.status,
  version: notice.version,
  issuedAt: notice.issuedAt,
  dueAt: notice.dueAt,
  overdue: isOverdue(notice, now),
  ...(notice.repeatOf ? { repeatOf: notice.repeatOf } : {}),
  n: notice.evidence.n,
  negativeRate: notice.evidence.negativeRate,
});
