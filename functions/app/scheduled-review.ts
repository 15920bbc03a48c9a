/**
 * The quarterly schedule's review: on the first day of a quarter, the quarter that just ended (in the
 * policy's time zone), run exactly as `POST /v1/reviews` runs it, so a schedule that fires twice, or
 * an operator re-invoking it, issues nothing twice. An operator may name another quarter.
 */
import { lastEndedQuarter } from "#core/period";
import type { Review } from "#schemas/review";
import { currentPolicy } from "#store/policy-store";
import { runReview } from "./run-review";

/** The actor the schedule's reviews and notices are audited under. */
export const SCHEDULE_ACTOR = "schedule:quarterly-review";

export const runScheduledReview = async (
  input: { quarter?: string | undefined },
  now = new Date(),
): Promise<Review> => {
  const quarter = input.quarter ?? lastEndedQuarter(now, (await currentPolicy()).timeZone);
  return runReview({ quarter }, SCHEDULE_ACTOR, now);
};
