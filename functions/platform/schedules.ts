/**
 * EventBridge Scheduler schedules, declared once (the CDK stack creates them; the local runtime can
 * run each job on demand). None yet: the review, awards and overdue jobs come with their features.
 */
import type { FunctionDeclaration } from "./lambda";

export interface ScheduleDeclaration {
  readonly id: string;
  readonly description: string;
  /** A Scheduler expression, e.g. `cron(0 2 1 1,4,7,10 ? *)`. */
  readonly expression: string;
  /** The zone the expression is read in: the policy's default zone. */
  readonly timeZone: string;
  readonly fn: FunctionDeclaration;
  /** Sent as the event to the function. */
  readonly input: Record<string, unknown>;
}

export const SCHEDULES = [] as const satisfies readonly ScheduleDeclaration[];
