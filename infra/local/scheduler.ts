/**
 * Runs the declared schedules (`SCHEDULES`) in the local runtime, on the expressions EventBridge
 * Scheduler reads when deployed: cron expressions in their time zone (through croner), rates as
 * intervals. A run still going when its next time comes is not started twice, as a Lambda with a
 * reserved concurrency of one would behave; a failed run is reported and the next one goes ahead.
 */
import { Cron } from "croner";
import { SCHEDULES, type ScheduleDeclaration } from "#platform/schedules";
import { invoke } from "./functions";

export type LocalTrigger =
  | { kind: "cron"; pattern: string; timeZone: string }
  | { kind: "rate"; everyMs: number };

const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * An EventBridge Scheduler expression as the local runtime runs it. Scheduler's cron has six fields
 * (minutes hours day-of-month month day-of-week year), `?` for "any" and days of the week numbered
 * 1 (Sunday) to 7; croner has five, `*` and 0 (Sunday) to 6.
 * @throws Error for an expression the local runtime cannot honour (named, with why).
 */
export function localTriggerOf(expression: string, timeZone: string): LocalTrigger {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) {
    const n = Number(rate[1]);
    if (n < 1) throw new Error(`Schedule ${expression}: a rate must be at least 1`);
    return { kind: "rate", everyMs: n * (RATE_UNITS[rate[2] as string] as number) };
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  const fields = cron?.[1]?.trim().split(/\s+/) ?? [];
  if (fields.length !== 6)
    throw new Error(`Schedule ${expression}: expected rate(n unit) or cron() with six fields`);
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (year !== "*" && year !== "?")
    throw new Error(`Schedule ${expression}: the local runtime runs every year; use * for the year`);
  const any = (field: string) => (field === "?" ? "*" : field);
  const weekday = any(dayOfWeek).replace(/\d+/g, (d) => String(Number(d) - 1));
  return { kind: "cron", pattern: [minutes, hours, any(dayOfMonth), month, weekday].join(" "), timeZone };
}

export interface LocalSchedules {
  /** When each schedule runs next (`undefined` for none). */
  next(): { id: string; at: Date | undefined }[];
  stop(): void;
}

export interface ScheduleOptions {
  /** @default SCHEDULES */
  schedules?: readonly ScheduleDeclaration[];
  /** Runs one schedule. @default invoking its function with its input, as Scheduler does */
  run?: (schedule: ScheduleDeclaration) => Promise<unknown>;
  say?: (line: string) => void;
}

export function startSchedules(options: ScheduleOptions = {}): LocalSchedules {
  const say = options.say ?? ((line: string) => console.error(line));
  const run = options.run ?? ((s: ScheduleDeclaration) => invoke(s.fn.name, s.input));
  const stops: (() => void)[] = [];
  const nexts: (() => { id: string; at: Date | undefined })[] = [];
  for (const schedule of options.schedules ?? SCHEDULES) {
    const trigger = localTriggerOf(schedule.expression, schedule.timeZone);
    let running = false;
    const fire = async () => {
      if (running) return;
      running = true;
      try {
        await run(schedule);
      } catch (error) {
        say(`Schedule ${schedule.id} failed: ${(error as Error).message}; it runs again at its next time`);
      } finally {
        running = false;
      }
    };
    if (trigger.kind === "rate") {
      let nextAt = Date.now() + trigger.everyMs;
      const timer = setInterval(() => {
        nextAt = Date.now() + trigger.everyMs;
        void fire();
      }, trigger.everyMs);
      timer.unref();
      stops.push(() => clearInterval(timer));
      nexts.push(() => ({ id: schedule.id, at: new Date(nextAt) }));
    } else {
      const job = new Cron(trigger.pattern, { timezone: trigger.timeZone, unref: true }, fire);
      stops.push(() => job.stop());
      nexts.push(() => ({ id: schedule.id, at: job.nextRun() ?? undefined }));
    }
  }
  return {
    next: () => nexts.map((n) => n()),
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}
