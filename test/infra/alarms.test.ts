/** Alarms on every function's errors and throttles and on the dead-letter queue, e-mailed if asked. */
import { Template } from "aws-cdk-lib/assertions";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { describe, expect, it } from "vitest";
import { Alarms } from "#infra/constructs/alarms";
import { asList, constructStack, resourcesOf, sampleFunction, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

describe("alarms", () => {
  it("alarm on every function's errors and throttles, and on the dead-letter queue", () => {
    const alarms = Object.values(resourcesOf(stages.dev.template, "AWS::CloudWatch::Alarm"));
    const functionIds = [...Object.values(stages.dev.stack.functions), stages.dev.stack.preTokenFunction].map(
      (f) => stages.dev.logicalId(f),
    );
    for (const id of functionIds) {
      for (const metric of ["Errors", "Throttles"]) {
        const found = alarms.some(
          (a) =>
            a.Properties.MetricName === metric && JSON.stringify(a.Properties.Dimensions).includes(`"${id}"`),
        );
        expect(found, `${metric} alarm for ${id}`).toBe(true);
      }
    }
    expect(
      alarms.some(
        (a) =>
          a.Properties.MetricName === "ApproximateNumberOfMessagesVisible" &&
          JSON.stringify(a.Properties.Dimensions).includes(
            stages.dev.logicalId(stages.dev.stack.deadLetterQueue),
          ),
      ),
    ).toBe(true);
    expect(alarms).toHaveLength(2 * functionIds.length + 1);
  });

  it("fire on a single occurrence in five minutes, and not for lack of data", () => {
    stages.dev.template.allResourcesProperties("AWS::CloudWatch::Alarm", {
      Threshold: 1,
      EvaluationPeriods: 1,
      Period: 300,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "notBreaching",
    });
  });

  it("notify the alarm address when one is given", () => {
    stages.prod.template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
    const alarms = Object.values(resourcesOf(stages.prod.template, "AWS::CloudWatch::Alarm"));
    expect(alarms.every((a) => asList(a.Properties.AlarmActions ?? []).length === 1)).toBe(true);
    stages.dev.template.resourceCountIs("AWS::SNS::Topic", 0);
  });

  it.each([
    ["without an address", undefined, 0],
    ["with an address", "ops@example.com", 1],
  ] as const)("standing alone, %s, notify through %i topic(s)", (_, alarmEmail, topics) => {
    // Prepare
    const stack = constructStack();
    const fn = sampleFunction(stack);
    const deadLetterQueue = new Queue(stack, "Dlq");

    // Act
    const alarms = new Alarms(stack, "Alarms", { functions: { health: fn }, deadLetterQueue, alarmEmail });

    // Assess
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 3);
    template.resourceCountIs("AWS::SNS::Topic", topics);
    expect(alarms.alarms.map((a) => a.node.id)).toEqual([
      "HealthErrorsAlarm",
      "HealthThrottlesAlarm",
      "DeadLettersAlarm",
    ]);
    expect(alarms.topic === undefined).toBe(topics === 0);
  });
});
