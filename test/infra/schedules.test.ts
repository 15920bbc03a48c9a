/** Schedules follow the `schedules` prop (SCHEDULES by default): each invokes its function. */
import { Validations } from "aws-cdk-lib";
import type { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { describe, expect, it } from "vitest";
import { Schedules } from "#infra/constructs/schedules";
import type { StrawberryFunction } from "#infra/constructs/strawberry-function";
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
    const functions = Object.fromEntries(
      SCHEDULES.map((s) => [s.fn.name, sampleFunction(stack, s.fn.name)]),
    ) as Record<FunctionName, StrawberryFunction>;

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
