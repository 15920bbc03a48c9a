/** The governance bus and its rules follow EVENT_RULES: queued targets get SQS with a DLQ. */
import { Template } from "aws-cdk-lib/assertions";
import { EventBus } from "aws-cdk-lib/aws-events";
import { type CfnQueue, Queue } from "aws-cdk-lib/aws-sqs";
import { describe, expect, it } from "vitest";
import { EventRules } from "#infra/constructs/event-rules";
import type { StrawberryFunction } from "#infra/constructs/strawberry-function";
import { EVENT_RULES, type EventRuleDeclaration } from "#platform/events";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import { constructStack, must, resourcesOf, sampleFunction, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

/** A rule invoking its function directly: none is declared today. */
const DIRECT_RULE: EventRuleDeclaration = {
  id: "Direct",
  description: "A sample rule without a queue",
  pattern: { source: ["strawberry.test"] },
  target: { fn: FUNCTIONS.health },
};

/** EventRules alone, on a bus and a dead-letter queue of its own. */
const standalone = (rules: readonly EventRuleDeclaration[]) => {
  const stack = constructStack();
  const functions = { health: sampleFunction(stack) } as Record<FunctionName, StrawberryFunction>;
  const deadLetterQueue = new Queue(stack, "Dlq");
  const bus = new EventBus(stack, "Bus");
  return {
    stack,
    deadLetterQueue,
    make: () => new EventRules(stack, "Rules", { bus, functions, deadLetterQueue, rules }),
  };
};

describe("events", () => {
  it("uses a governance bus named by stage", () => {
    stages.dev.template.hasResourceProperties("AWS::Events::EventBus", { Name: "strawberry-governance-dev" });
    stages.prod.template.hasResourceProperties("AWS::Events::EventBus", {
      Name: "strawberry-governance-prod",
    });
  });

  it("has exactly one rule per declared rule", () => {
    stages.dev.template.resourceCountIs("AWS::Events::Rule", EVENT_RULES.length);
  });

  it.each(EVENT_RULES.map((r) => [r.id, r] as const))("rule %s matches its pattern on the bus", (_, rule) => {
    const rules = Object.values(resourcesOf(stages.dev.template, "AWS::Events::Rule"));
    const found = rules.find((r) => r.Properties.Description === rule.description);
    expect(found?.Properties.EventBusName).toEqual({ Ref: stages.dev.logicalId(stages.dev.stack.bus) });
    expect(found?.Properties.EventPattern).toEqual(rule.pattern);
  });

  const declared: readonly EventRuleDeclaration[] = EVENT_RULES;
  it.each(declared.filter((r) => r.target.queue).map((r) => [r.id, r] as const))(
    "rule %s feeds an encrypted queue with a DLQ to its function, reporting batch item failures",
    (_, rule) => {
      const queue = rule.target.queue!;
      const mapping = Object.values(resourcesOf(stages.dev.template, "AWS::Lambda::EventSourceMapping")).find(
        (m) =>
          JSON.stringify(m.Properties.FunctionName) ===
          JSON.stringify({
            Ref: stages.dev.logicalId(stages.dev.stack.functions[rule.target.fn.name as FunctionName]),
          }),
      );
      expect(mapping?.Properties).toMatchObject({
        BatchSize: queue.batchSize,
        MaximumBatchingWindowInSeconds: queue.maxBatchingWindowSeconds,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
      });
      const queueId = (
        must(mapping, "event source mapping").Properties.EventSourceArn as { "Fn::GetAtt": [string, string] }
      )["Fn::GetAtt"][0];
      expect(resourcesOf(stages.dev.template, "AWS::SQS::Queue")[queueId]?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        // Six times the function's timeout, as AWS advises for SQS event sources.
        VisibilityTimeout: 6 * (rule.target.fn.timeoutSeconds ?? 10),
        RedrivePolicy: {
          deadLetterTargetArn: {
            "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.deadLetterQueue), "Arn"],
          },
          maxReceiveCount: 5,
        },
      });
      const rules = Object.values(resourcesOf(stages.dev.template, "AWS::Events::Rule"));
      const targets = rules.flatMap((r) => r.Properties.Targets as { Arn: unknown }[]);
      expect(targets.map((t) => t.Arn)).toContainEqual({ "Fn::GetAtt": [queueId, "Arn"] });
    },
  );

  it("refuses plain HTTP on every queue", () => {
    const policies = Object.values(resourcesOf(stages.dev.template, "AWS::SQS::QueuePolicy"));
    const queues = Object.keys(resourcesOf(stages.dev.template, "AWS::SQS::Queue"));
    for (const queueId of queues) {
      const denies = policies.some(
        (p) =>
          JSON.stringify(p.Properties.Queues).includes(`"${queueId}"`) &&
          JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
      );
      expect(denies, queueId).toBe(true);
    }
  });

  it("invokes the function of a rule without a queue directly, retrying, then dead-lettering", () => {
    // Prepare
    const { stack, deadLetterQueue, make } = standalone([DIRECT_RULE]);

    // Act
    const rules = make();

    // Assess
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::SQS::Queue", 1);
    template.resourceCountIs("AWS::Lambda::EventSourceMapping", 0);
    const rule = Object.values(resourcesOf(template, "AWS::Events::Rule"))[0];
    expect(rule?.Properties.EventPattern).toEqual(DIRECT_RULE.pattern);
    expect(rule?.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { "Fn::GetAtt": [expect.stringMatching(/^HealthFunction/), "Arn"] },
        DeadLetterConfig: {
          Arn: { "Fn::GetAtt": [stack.getLogicalId(deadLetterQueue.node.defaultChild as CfnQueue), "Arn"] },
        },
        RetryPolicy: { MaximumRetryAttempts: 4 },
      }),
    ]);
    expect(rules.queues).toEqual({});
  });

  it("refuses a rule targeting a function that is not declared", () => {
    const { make } = standalone([
      { ...DIRECT_RULE, target: { fn: { name: "missing", entry: "x.ts", dynamodb: [] } } },
    ]);
    expect(make).toThrow(/Direct targets missing, which is not a declared function/);
  });
});
