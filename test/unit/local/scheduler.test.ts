/** The local runtime runs the declared Scheduler expressions as EventBridge Scheduler reads them. */
import { Cron } from "croner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { localTriggerOf, startSchedules } from "#infra/local/scheduler";
import { SCHEDULES, type ScheduleDeclaration } from "#platform/schedules";

describe("localTriggerOf", () => {
  it.each([
    ["cron(0 2 1 1,4,7,10 ? *)", "0 2 1 1,4,7,10 *"],
    ["cron(0 1 * * ? *)", "0 1 * * *"],
    // Scheduler numbers the days of the week from 1 (Sunday); croner from 0.
    ["cron(30 9 ? * 2-6 *)", "30 9 * * 1-5"],
    ["cron(0 8 ? * 1,7 *)", "0 8 * * 0,6"],
    ["cron(15 10 ? * MON-FRI *)", "15 10 * * MON-FRI"],
  ])("reads %s as %s", (expression, pattern) => {
    expect(localTriggerOf(expression, "Asia/Shanghai")).toEqual({
      kind: "cron",
      pattern,
      timeZone: "Asia/Shanghai",
    });
  });

  it.each([
    ["rate(1 minute)", 60_000],
    ["rate(5 minutes)", 300_000],
    ["rate(2 hours)", 7_200_000],
    ["rate(1 day)", 86_400_000],
  ])("reads %s as every %d ms", (expression, everyMs) => {
    expect(localTriggerOf(expression, "UTC")).toEqual({ kind: "rate", everyMs });
  });

  it.each([
    ["rate(0 minutes)", /at least 1/],
    ["rate(1 week)", /expected rate/],
    ["cron(0 2 * * ?)", /six fields/],
    ["cron(0 2 1 1 ? 2027)", /every year/],
    ["at(2026-12-01T00:00:00)", /expected rate/],
  ])("refuses %s, saying why", (expression, why) => {
    expect(() => localTriggerOf(expression, "UTC")).toThrow(why);
  });

  it("fires the quarterly review at 02:00 Beijing time on the first day of each quarter", () => {
    const review = SCHEDULES.find((s) => s.id === "QuarterlyReview")!;
    const trigger = localTriggerOf(review.expression, review.timeZone);
    if (trigger.kind !== "cron") throw new Error("expected a cron");
    const runs = new Cron(trigger.pattern, { timezone: trigger.timeZone, paused: true }).nextRuns(
      4,
      new Date("2026-11-28T00:00:00Z"),
    );
    expect(runs.map((d) => d.toISOString())).toEqual([
      "2026-12-31T18:00:00.000Z",
      "2027-03-31T18:00:00.000Z",
      "2027-06-30T18:00:00.000Z",
      "2027-09-30T18:00:00.000Z",
    ]);
  });

  it("reads every declared schedule", () => {
    for (const s of SCHEDULES) expect(() => localTriggerOf(s.expression, s.timeZone)).not.toThrow();
  });
});

describe("startSchedules", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const every = (id: string, expression: string): ScheduleDeclaration => ({
    id,
    description: id,
    expression,
    timeZone: "UTC",
    fn: SCHEDULES[0].fn,
    input: {},
  });

  it("runs a rate schedule each period, never twice at once, and goes on after a failure", async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    const said: string[] = [];
    const schedules = startSchedules({
      schedules: [every("Relay", "rate(1 minute)")],
      say: (line) => said.push(line),
      run: async () => {
        runs++;
        running++;
        most = Math.max(most, running);
        await new Promise((done) => setTimeout(done, 90_000));
        running--;
        if (runs === 1) throw new Error("boom");
      },
    });
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 1);
    schedules.stop();
    // Runs take 1.5 periods: the ones falling due meanwhile are skipped.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(3);
    expect(most).toBe(1);
    expect(said).toEqual([expect.stringMatching(/Relay failed: boom/)]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toBeLessThanOrEqual(3);
  });

  it("tells when each schedule runs next", () => {
    const schedules = startSchedules({ schedules: SCHEDULES, run: async () => undefined });
    const next = schedules.next();
    schedules.stop();
    expect(next.map((n) => n.id)).toEqual(SCHEDULES.map((s) => s.id));
    for (const n of next) expect(n.at?.getTime()).toBeGreaterThan(Date.now());
  });
});
