/**
 * The awards of the demo story (DESIGN §6): the last ended quarter previewed by the quarterly
 * schedule at its moment (02:30 on the first day of the next quarter) and finalized by the CCO
 * team's lead a week later, ready for the big meeting; and the year so far previewed today. Through
 * the use cases the API and the schedule run, each as its function, at the story's moments. A
 * period already stored is left as it is, so playing the story again adds nothing.
 */
import { runAwards } from "#app/run-awards";
import { runScheduledAwards } from "#app/scheduled-awards";
import { addDays, parsePeriod, startOfDayInstant, yearOf } from "#core/period";
import { dayOf } from "#core/zoned-time";
import { runAs } from "#infra/local/functions";
import { SCHEDULES } from "#platform/schedules";
import { DEFAULT_POLICY } from "#schemas/policy";
import { readAwards } from "#store/award-store";
import story from "./data/story.json" with { type: "json" };

const HOUR = 3_600_000;
const PREVIEW = SCHEDULES.find((s) => s.id === "QuarterlyAwardsPreview");
const ZONE = PREVIEW?.timeZone ?? DEFAULT_POLICY.timeZone;
const [minute = 0, hour = 0] = (PREVIEW?.expression.match(/^cron\((\d+) (\d+) /) ?? []).slice(1).map(Number);

export interface AwardsReport {
  finalized: { period: string; red: string[]; rotten: string[] } | undefined;
  preview: { period: string; eligible: number } | undefined;
  ranNow: number;
}

const ids = (awards: { productLineId: string }[]) => awards.map((a) => a.productLineId);

/** Plays the awards of `quarter` (the last ended one) and of the year of `now`. */
export const playAwards = async (quarter: string, now: Date): Promise<AwardsReport> => {
  const atMost = (at: Date) => new Date(Math.min(at.getTime(), now.getTime() - 60_000));
  const report: AwardsReport = { finalized: undefined, preview: undefined, ranNow: 0 };
  const scheduled = atMost(
    new Date(
      startOfDayInstant(addDays(parsePeriod(quarter).to, 1), ZONE).getTime() + (hour * 60 + minute) * 60_000,
    ),
  );
  let final = await runAs("awardsRead", () => readAwards(quarter));
  if (!final) {
    await runAs("scheduledAwards", () =>
      runScheduledAwards({ kind: "quarterly", period: quarter }, scheduled),
    );
    report.ranNow++;
  }
  if (!final?.finalized) {
    const { by, daysAfterPreview } = story.awards;
    const at = atMost(new Date(scheduled.getTime() + daysAfterPreview * 24 * HOUR));
    const sub = story.actors[by as keyof typeof story.actors].sub;
    final = await runAs("awards", () => runAwards({ period: quarter, finalize: true }, sub, at));
    report.ranNow++;
  }
  report.finalized = { period: quarter, red: ids(final.red), rotten: ids(final.rotten) };

  const year = yearOf(dayOf(now, ZONE));
  let preview = await runAs("awardsRead", () => readAwards(year));
  if (!preview) {
    const sub = story.actors[story.awards.previewBy as keyof typeof story.actors].sub;
    preview = await runAs("awards", () => runAwards({ period: year }, sub, now));
    report.ranNow++;
  }
  report.preview = { period: year, eligible: preview.eligible };
  return report;
};
