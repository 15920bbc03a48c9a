/** Schedules follow the `schedules` prop (SCHEDULES by default): each invokes its function. */
import { Validations } from "aws-cdk-lib";
import type { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { scheduledAwardRuns } from "#core/awards";
import { Schedules } from "#infra/constructs/schedules";
import type { StrawberryFunction } from "#infra/constructs/strawberry-function";
import { localTriggerOf } from "#infra/local/scheduler";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import { SCHEDULES, type ScheduleDeclaration } from "#platform/schedules";
import {
  asList,
  constructStack,
  DECLARED_SCHEDULES,
  fnArn,
  must,
  resourcesOf,
  SYNTH_TIMEOUT_MS,
  sampleFunction,
  statementsOfRole,
  synthesize,
  synthesizeStages,
} from "./fixture";

const stages = synthesizeStages();

/** A schedule of the health function: for wiring checks that need one function only. */
const HEALTH_SCHEDULE: ScheduleDeclaration = {
  id: "Sample",
  description: "A sample schedule",
  expression: "cron(0 2 1 1,4,7,10 ? *)",
  timeZone: "Asia/Shanghai",
  fn: FUNCTIONS.health,
  input: {},
};

describe("schedules (from the stack's schedules prop)", () => {
  it.each(DECLARED_SCHEDULES.map((s) => [s.id, s] as const))(
    "%s invokes its function with its expression in its time zone",
    (_, schedule) => {
      const found = Object.values(resourcesOf(stages.dev.template, "AWS::Scheduler::Schedule")).find(
        (r) => r.Properties.Description === schedule.description,
      );
      expect(found?.Properties).toMatchObject({
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timeZone,
        State: "ENABLED",
        Target: {
          Arn: fnArn(stages.dev, schedule.fn.name as FunctionName),
          Input: JSON.stringify(schedule.input),
          DeadLetterConfig: {
            Arn: { "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.deadLetterQueue), "Arn"] },
          },
          RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 3 }),
        },
      });
      const roleId = (
        must(found, "schedule").Properties.Target as { RoleArn: { "Fn::GetAtt": [string, string] } }
      ).RoleArn["Fn::GetAtt"][0];
      const invoke = statementsOfRole(stages.dev.template, roleId).filter((st) =>
        asList(st.Action).includes("lambda:InvokeFunction"),
      );
      expect(invoke.flatMap((st) => asList(st.Resource))).toContainEqual(
        fnArn(stages.dev, schedule.fn.name as FunctionName),
      );
    },
  );

  it(
    "creates no schedule unless declared",
    () => {
      const plain = synthesize("dev", { schedules: [] });
      plain.template.resourceCountIs("AWS::Scheduler::Schedule", 0);
    },
    SYNTH_TIMEOUT_MS,
  );

  it("uses SCHEDULES when given none", () => {
    // Prepare
    const stack = constructStack();
    // Two schedules may invoke one function (the awards'): one sample per function.
    const names = [...new Set(SCHEDULES.map((s) => s.fn.name))];
    const functions = Object.fromEntries(names.map((name) => [name, sampleFunction(stack, name)])) as Record<
      FunctionName,
      StrawberryFunction
    >;

    // Act
    const schedules = new Schedules(stack, "Schedules", {
      functions,
      deadLetterQueue: new Queue(stack, "Dlq"),
    });

    // Assess
    expect(schedules.schedules.map((s) => s.node.id)).toEqual(
      (SCHEDULES as readonly ScheduleDeclaration[]).map((s) => `${s.id}Schedule`),
    );
  });

  it("acknowledges the scheduler role's invoke permission on its target's versions", () => {
    // Prepare
    const stack = constructStack();
    const health = sampleFunction(stack);
    const functions = { health } as Record<FunctionName, StrawberryFunction>;

    // Act
    new Schedules(stack, "Schedules", {
      functions,
      deadLetterQueue: new Queue(stack, "Dlq"),
      schedules: [HEALTH_SCHEDULE],
    });

    // Assess
    const roles = stack.node.children.filter((c) => c.node.id.startsWith("SchedulerRoleForTarget-"));
    expect(roles).toHaveLength(1);
    const acknowledged = must(roles[0], "scheduler role")
      .node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.keys(m.data as Record<string, string>));
    const healthId = stack.getLogicalId(health.node.defaultChild as CfnFunction);
    expect(acknowledged).toContainEqual(
      expect.stringContaining(`AwsSolutions-IAM5[Resource::<${healthId}.Arn>:*]`),
    );
  });

  it("refuses a schedule targeting a function that is not declared", () => {
    const stack = constructStack();
    const make = () =>
      new Schedules(stack, "Schedules", {
        functions: {} as Record<FunctionName, StrawberryFunction>,
        deadLetterQueue: new Queue(stack, "Dlq"),
        schedules: [HEALTH_SCHEDULE],
      });
    expect(make).toThrow(/Sample targets health, which is not a declared function/);
  });
});

describe("the awards schedules", () => {
  const declared = (id: string) => {
    const schedule = SCHEDULES.find((s) => s.id === id);
    if (!schedule) throw new Error(`No schedule ${id}`);
    return schedule as ScheduleDeclaration;
  };
  /** The next `count` firing times of a schedule after `from`, as the local runtime computes them. */
  const firings = (schedule: ScheduleDeclaration, from: string, count: number) => {
    const trigger = localTriggerOf(schedule.expression, schedule.timeZone);
    if (trigger.kind !== "cron") throw new Error("expected a cron");
    return new Cron(trigger.pattern, { timezone: trigger.timeZone, paused: true }).nextRuns(
      count,
      new Date(from),
    );
  };
  const yearly = declared("YearlyAwards");
  const quarterly = declared("QuarterlyAwardsPreview");

  it("invoke one function, told which run by their input", () => {
    expect(yearly.fn).toBe(quarterly.fn);
    expect(yearly.fn.name).toBe("scheduledAwards");
    expect([yearly.input, quarterly.input]).toEqual([{ kind: "yearly" }, { kind: "quarterly" }]);
    expect(yearly.fn.publishes).toBe(true);
  });

  it("finalize the year just ended at 03:00 on 1 January, Beijing time", () => {
    const runs = firings(yearly, "2026-11-28T00:00:00Z", 2);
    expect(runs.map((d) => d.toISOString())).toEqual([
      "2026-12-31T19:00:00.000Z",
      "2027-12-31T19:00:00.000Z",
    ]);
    expect(scheduledAwardRuns("yearly", runs[0] as Date, yearly.timeZone)).toEqual([
      { period: "2026", finalize: true },
    ]);
  });

  it("preview the quarter just ended and its year at 02:30 on each quarter's first day, before the yearly run", () => {
    const runs = firings(quarterly, "2026-11-28T00:00:00Z", 4);
    expect(runs.map((d) => d.toISOString())).toEqual([
      "2026-12-31T18:30:00.000Z",
      "2027-03-31T18:30:00.000Z",
      "2027-06-30T18:30:00.000Z",
      "2027-09-30T18:30:00.000Z",
    ]);
    expect(
      runs.map((at) => scheduledAwardRuns("quarterly", at, quarterly.timeZone).map((r) => r.period)),
    ).toEqual([
      ["2026-Q4", "2026"],
      ["2027-Q1", "2027"],
      ["2027-Q2", "2027"],
      ["2027-Q3", "2027"],
    ]);
    expect(runs[0]?.getTime()).toBeLessThan(firings(yearly, "2026-11-28T00:00:00Z", 1)[0]?.getTime() ?? 0);
  });
});
