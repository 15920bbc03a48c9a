/** The inputs scheduled jobs are invoked with (a schedule sends its fixed input; an operator may send another). */
import * as z from "zod/mini";
import { Quarter, QuarterOrYear } from "./common";
import "./zod";

/** The quarterly review: the quarter just ended, unless an operator names one. */
export const ScheduledReviewInput = z.object({ quarter: z.optional(Quarter) });

/**
 * The awards schedules: `yearly` finalizes the year just ended, `quarterly` previews the quarter
 * just ended and its year. An operator may name the period instead (finalized by `yearly`).
 */
export const ScheduledAwardsInput = z.object({
  kind: z.enum(["yearly", "quarterly"]),
  period: z.optional(QuarterOrYear),
});

/** Jobs that take nothing. */
export const NoInput = z.object({});
