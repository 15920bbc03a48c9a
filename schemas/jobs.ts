/** The inputs scheduled jobs are invoked with (a schedule sends its fixed input; an operator may send another). */
import * as z from "zod/mini";
import { Quarter } from "./common";
import "./zod";

/** The quarterly review: the quarter just ended, unless an operator names one. */
export const ScheduledReviewInput = z.object({ quarter: z.optional(Quarter) });

/** Jobs that take nothing. */
export const NoInput = z.object({});
