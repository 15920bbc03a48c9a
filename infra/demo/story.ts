/**
 * The pull-and-fix part of the demo story (DESIGN §6), played after the demo signals are stored:
 * the three last ended quarters reviewed as the schedule reviews them (02:00 in the policy's zone on
 * the first day of the next quarter), the units and the CCO team acting on the notices on believable
 * days, a second policy version that raised the absolute bar before the last review, and the daily
 * overdue job run now — so notices wait in every state, with their audit trails, a fix with its
 * effect, a repeat line, and notifications for each role.
 *
 * Everything goes through the use cases the API and the schedules run (in-process, each as the
 * function that runs it), with the story's moments as their `now`. Every step first looks at what is
 * stored and skips what is done, so playing it again adds nothing; a step whose notice is missing
 * (a small `--seed-count` that flags fewer lines) is skipped and said.
 */

import { detectSpikes } from "#app/detect-spikes";
import { actOnNotice } from "#app/notice-actions";
import { relayOutbox } from "#app/relay-outbox";
import { remindOverdueNotices } from "#app/remind-overdue";
import { runScheduledReview } from "#app/scheduled-review";
import type { Principal } from "#core/authorize";
import { addDays, lastEndedQuarter, parsePeriod, previousPeriod, startOfDayInstant } from "#core/period";
import { runAs } from "#infra/local/functions";
import { SCHEDULES } from "#platform/schedules";
import { type FixPlan, NOTICE_ACTIONS, type NoticeActionRequest } from "#schemas/notice";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { Review } from "#schemas/review";
import { readNotice } from "#store/notice-store";
import { currentPolicy, forgetCachedPolicy, writePolicyVersion } from "#store/policy-store";
import { readReview } from "#store/review-store";
import story from "./data/story.json" with { type: "json" };
import { type AndonsReport, playAndons } from "./story-andons";
import { type AwardsReport, playAwards } from "./story-awards";
import { type ChasesReport, playChases } from "./story-chases";

const HOUR = 3_600_000;
const QUARTERLY = SCHEDULES.find((s) => s.id === "QuarterlyReview");
const ZONE = QUARTERLY?.timeZone ?? DEFAULT_POLICY.timeZone;
// The review's time of day, read off the schedule's `cron(minute hour …)`.
const [minute = 0, hour = 0] = (QUARTERLY?.expression.match(/^cron\((\d+) (\d+) /) ?? [])
  .slice(1)
  .map(Number);
const REVIEW_TIME_MS = (hour * 60 + minute) * 60_000;

type Actor = keyof typeof story.actors;
interface Step {
  /** The review whose notice for `line` the step acts on: 0, 1, 2 = the three last ended quarters. */
  review: number;
  line: string;
  action: NoticeActionRequest["action"];
  by: Actor;
  /** After that review ran (the schedule's moment). */
  days: number;
  hours?: number;
  comment: string;
  fix?: keyof typeof story.fixes;
}

const actor = (key: Actor): Principal => story.actors[key] as Principal;
const STEPS: readonly Step[] = story.steps.map((step) => {
  if (!(NOTICE_ACTIONS as readonly string[]).includes(step.action))
    throw new Error(`infra/demo/data/story.json: unknown action "${step.action}"`);
  return step as Step;
});

/** The absolute bar of policy version 2 (version 1 is the default, 20 %). */
export const RAISED_ABSOLUTE_BAR = story.policyV2.absoluteThreshold;

export interface StoryReport {
  reviews: { quarter: string; policyVersion: number; flagged: number; ranNow: boolean }[];
  actions: number;
  skipped: string[];
  policyVersion: number;
  overdueReminded: number;
  /** Spikes the daily job announced today. */
  spikes?: number;
  awards?: AwardsReport;
  chases?: ChasesReport;
  andons?: AndonsReport;
}

/** A fix plan of the story, its due dates counted from the day it is submitted. */
const fixPlan = (key: keyof typeof story.fixes, at: Date): FixPlan => {
  const { rootCause, actions } = story.fixes[key];
  const day = at.toISOString().slice(0, 10);
  return {
    rootCause,
    actions: actions.map(({ dueInDays, ...rest }) => ({ ...rest, dueDate: addDays(day, dueInDays) })),
  };
};

/** When the schedule reviews `quarter`: its time of day on the first day of the next quarter. */
const reviewMoment = (quarter: string): Date =>
  new Date(startOfDayInstant(addDays(parsePeriod(quarter).to, 1), ZONE).getTime() + REVIEW_TIME_MS);

export const playDemoStory = async (now = new Date()): Promise<StoryReport> => {
  // Never a moment after now: in the first hours of a quarter its review would otherwise lie ahead.
  const atMost = (at: Date) => new Date(Math.min(at.getTime(), now.getTime() - 60_000));
  const last = lastEndedQuarter(now, ZONE);
  const quarters = [previousPeriod(previousPeriod(last)), previousPeriod(last), last];
  const report: StoryReport = { reviews: [], actions: 0, skipped: [], policyVersion: 1, overdueReminded: 0 };
  const reviews: Review[] = [];

  const review = async (quarter: string) => {
    const stored = await runAs("reviewRead", () => readReview(quarter));
    const done =
      stored ??
      (await runAs("quarterlyReview", () => runScheduledReview({ quarter }, atMost(reviewMoment(quarter)))));
    reviews.push(done);
    report.reviews.push({
      quarter,
      policyVersion: done.policyVersion,
      flagged: done.lines.filter((l) => l.flagged).length,
      ranNow: !stored,
    });
  };

  const act = async (step: Step) => {
    const quarter = quarters[step.review] as string;
    const what = `${step.action} on ${step.line}'s ${quarter} notice`;
    const noticeId = reviews[step.review]?.lines.find((l) => l.productLineId === step.line)?.noticeId;
    const notice = noticeId ? await runAs("noticeRead", () => readNotice(noticeId)) : undefined;
    if (!notice) return void report.skipped.push(`${what}: the review did not flag the line`);
    if (notice.audit.some((entry) => entry.action === step.action)) return;
    const after = (step.days * 24 + (step.hours ?? 0)) * HOUR;
    const at = atMost(new Date(reviewMoment(quarter).getTime() + after));
    const fix = step.fix ? { fix: fixPlan(step.fix, at) } : {};
    try {
      await runAs("noticeAction", () =>
        actOnNotice(
          notice.id,
          { action: step.action, version: notice.version, comment: step.comment, ...fix },
          actor(step.by),
          at,
        ),
      );
      report.actions++;
    } catch (error) {
      report.skipped.push(`${what}: ${(error as Error).message}`);
    }
  };

  const playReview = async (index: number) => {
    await review(quarters[index] as string);
    for (const step of STEPS.filter((s) => s.review === index)) await act(step);
  };

  await playReview(0);
  await playReview(1);
  // Policy version 2, some weeks into the last ended quarter: the CCO team raised the bar.
  const policy = await runAs("policyRead", () => currentPolicy());
  if (policy.version === 1) {
    const { version: _v, updatedAt: _u, updatedBy: _b, ...settings } = policy;
    const { by, daysIntoLastQuarter, absoluteThreshold } = story.policyV2;
    const day = addDays(parsePeriod(last).from, daysIntoLastQuarter);
    const at = atMost(new Date(startOfDayInstant(day, ZONE).getTime() + 10 * HOUR));
    const raised = { ...settings, review: { ...settings.review, absoluteThreshold } };
    await runAs("policyWrite", () => writePolicyVersion(raised, actor(by as Actor).sub, at));
    forgetCachedPolicy();
  }
  report.policyVersion = (await runAs("policyRead", () => currentPolicy())).version;
  await playReview(2);

  // Whatever the relays left (a refused event), then today's overdue reminders.
  await runAs("outboxRelay", () => relayOutbox());
  report.overdueReminded = (await runAs("overdueReminders", () => remindOverdueNotices(now))).reminded;
  report.spikes = (await runAs("overdueReminders", () => detectSpikes(now))).announced;
  report.awards = await playAwards(last, now);
  report.chases = await playChases(now);
  report.andons = await playAndons(now);
  return report;
};

/** One line for `npm start`. */
export const describeStory = (r: StoryReport): string =>
  `Story: reviews ${r.reviews.map((x) => `${x.quarter} (policy v${x.policyVersion}, ${x.flagged} flagged${x.ranNow ? "" : ", stored"})`).join(", ")}; ` +
  `${r.actions} notice actions, policy v${r.policyVersion}, ${r.overdueReminded} overdue reminders and ${r.spikes ?? 0} spikes today` +
  (r.awards?.finalized
    ? `; awards ${r.awards.finalized.period} final (Red ${r.awards.finalized.red.join(", ")}; Rotten ${r.awards.finalized.rotten.join(", ")}), ${r.awards.preview?.period} previewed`
    : "") +
  (r.chases
    ? `; chases ${r.chases.raised} raised, ${r.chases.answered} answered, ${r.chases.escalated} escalated`
    : "") +
  (r.andons ? `; Andons ${r.andons.raised.length} raised, ${r.andons.dismissed} dismissed now` : "") +
  (r.skipped.length || r.chases?.skipped.length
    ? `\n  Skipped: ${[...r.skipped, ...(r.chases?.skipped ?? [])].join("; ")}`
    : "");
