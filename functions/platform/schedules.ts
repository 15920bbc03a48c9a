/**
 * EventBridge Scheduler schedules, declared once: the CDK stack creates them and the local runtime
 * runs them on the same expressions (`npm start -- --no-schedules` turns them off locally).
 */
import { AWARDS_ACCESS } from "#routes/awards";
import { REVIEW_ACCESS } from "#routes/reviews";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { DynamoAction, FunctionDeclaration } from "./lambda";

export interface ScheduleDeclaration {
  readonly id: string;
  readonly description: string;
  /** A Scheduler expression: `cron(min hour day-of-month month day-of-week year)` or `rate(n unit)`. */
  readonly expression: string;
  /** The zone a cron expression is read in. */
  readonly timeZone: string;
  readonly fn: FunctionDeclaration;
  /** Sent as the event to the function. */
  readonly input: Record<string, unknown>;
}

/** What relaying the outbox does: read it, claim and release events, delete what was published. */
const RELAY_ACCESS = ["dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"] as const;

/**
 * What the overdue job does: read the policy, open notices and reminders, write reminders; read the
 * overdue open chases (`Query`) and the chases (`BatchGetItem`, `GetItem` after a lost race), write
 * escalations (`PutItem` in a transaction); for spikes, read period totals and the candidate lines'
 * day rollups (`Query`) and the spiking lines (`BatchGetItem`), write the weekly marker with its
 * event (`PutItem` in a transaction); relay.
 */
const OVERDUE_ACCESS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:PutItem",
  ...RELAY_ACCESS,
] as const satisfies readonly DynamoAction[];

/**
 * Deployed schedules read their cron expressions in the default policy's zone: a policy moved to
 * another zone later moves the days reviews count, not these firing times (README, "Schedules").
 */
const SCHEDULE_ZONE = DEFAULT_POLICY.timeZone;

/** Both awards schedules invoke this one function, with their `kind` as input. */
const SCHEDULED_AWARDS = {
  name: "scheduledAwards",
  entry: "functions/handlers/scheduled-awards.ts",
  description: "Yearly awards and quarterly award previews (schedule)",
  dynamodb: AWARDS_ACCESS,
  publishes: true,
  timeoutSeconds: 900,
  memoryMb: 1024,
} as const satisfies FunctionDeclaration;

export const SCHEDULES = [
  {
    id: "QuarterlyReview",
    description: "Reviews the quarter that just ended, at 02:00 on the first day of each quarter",
    expression: "cron(0 2 1 1,4,7,10 ? *)",
    timeZone: SCHEDULE_ZONE,
    fn: {
      name: "quarterlyReview",
      entry: "functions/handlers/quarterly-review.ts",
      description: "The quarterly pull-and-fix review (schedule)",
      dynamodb: REVIEW_ACCESS,
      publishes: true,
      timeoutSeconds: 900,
      memoryMb: 1024,
    },
    input: {},
  },
  {
    id: "DailyOverdue",
    description:
      "Reminds units of their overdue notices (once a day per notice), escalates overdue chases to the CCO team (once per chase) and warns units of spiking lines (once a week per line), at 01:00 every day",
    expression: "cron(0 1 * * ? *)",
    timeZone: SCHEDULE_ZONE,
    fn: {
      name: "overdueReminders",
      entry: "functions/handlers/overdue-reminders.ts",
      description:
        "Notice Overdue reminders, Chase Overdue escalations and Spike Detected warnings (schedule)",
      dynamodb: OVERDUE_ACCESS,
      publishes: true,
      timeoutSeconds: 300,
    },
    input: {},
  },
  {
    id: "OutboxRelay",
    description: "Publishes governance events whose first publication failed",
    expression: "rate(1 minute)",
    timeZone: SCHEDULE_ZONE,
    fn: {
      name: "outboxRelay",
      entry: "functions/handlers/outbox-relay.ts",
      description: "Outbox relay (schedule)",
      dynamodb: RELAY_ACCESS,
      publishes: true,
      timeoutSeconds: 60,
    },
    input: {},
  },
  {
    id: "YearlyAwards",
    description:
      "Finalizes the Red and Rotten Strawberries of the year that just ended, at 03:00 on 1 January",
    expression: "cron(0 3 1 1 ? *)",
    timeZone: SCHEDULE_ZONE,
    fn: SCHEDULED_AWARDS,
    input: { kind: "yearly" },
  },
  {
    id: "QuarterlyAwardsPreview",
    description:
      "Previews the awards of the quarter that just ended and of its year, at 02:30 on the first day of each quarter",
    expression: "cron(30 2 1 1,4,7,10 ? *)",
    timeZone: SCHEDULE_ZONE,
    fn: SCHEDULED_AWARDS,
    input: { kind: "quarterly" },
  },
] as const satisfies readonly ScheduleDeclaration[];
