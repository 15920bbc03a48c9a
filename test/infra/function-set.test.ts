/** One function per FUNCTIONS entry, each built the same way: Node.js 22, arm64, traced, own logs. */
import { Template } from "aws-cdk-lib/assertions";
import { EventBus } from "aws-cdk-lib/aws-events";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { describe, expect, it } from "vitest";
import { DataTable } from "#infra/constructs/data-table";
import { FunctionSet } from "#infra/constructs/function-set";
import { PROJECT_ROOT } from "#infra/stack";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import { constructStack, must, resourcesOf, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

describe("functions", () => {
  it.each(Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][])(
    "%s runs Node.js 22 on arm64, traced, source-mapped, with Powertools settings",
    (name, declaration) => {
      const fn = resourcesOf(stages.dev.template, "AWS::Lambda::Function")[
        stages.dev.logicalId(stages.dev.stack.functions[name])
      ];
      expect(fn?.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
        Description: declaration.description,
        TracingConfig: { Mode: "Active" },
        Timeout: "timeoutSeconds" in declaration ? declaration.timeoutSeconds : 10,
        MemorySize: "memoryMb" in declaration ? declaration.memoryMb : 256,
        Environment: {
          Variables: expect.objectContaining({
            NODE_OPTIONS: "--enable-source-maps",
            POWERTOOLS_SERVICE_NAME: "strawberry",
            POWERTOOLS_METRICS_NAMESPACE: "Strawberry",
            POWERTOOLS_LOG_LEVEL: "DEBUG",
            STAGE: "dev",
            TABLE_NAME: { Ref: stages.dev.logicalId(stages.dev.stack.table) },
          }),
        },
      });
      const logGroup = resourcesOf(stages.dev.template, "AWS::Logs::LogGroup")[
        stages.dev.logicalId(stages.dev.stack.functions[name].logGroup)
      ];
      expect(logGroup?.Properties.RetentionInDays).toBe(30);
    },
  );

  it("logs at INFO and keeps logs a year in prod", () => {
    const fn = Object.values(resourcesOf(stages.prod.template, "AWS::Lambda::Function")).find(
      (f) =>
        (f.Properties.Environment as { Variables: Record<string, unknown> })?.Variables?.STAGE === "prod",
    );
    expect(
      (must(fn, "function").Properties.Environment as { Variables: Record<string, unknown> }).Variables
        .POWERTOOLS_LOG_LEVEL,
    ).toBe("INFO");
    stages.prod.template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 365 });
    for (const fn of Object.values(stages.prod.stack.functions)) {
      const logGroup = stages.prod.template.toJSON().Resources[stages.prod.logicalId(fn.logGroup)];
      expect(logGroup?.DeletionPolicy, fn.node.id).toBe("Retain");
    }
  });

  it("creates exactly one function per declaration, under its own construct", () => {
    // Prepare
    const stack = constructStack();
    const props = {
      projectRoot: PROJECT_ROOT,
      stage: "dev" as const,
      logRetention: RetentionDays.ONE_WEEK,
      table: new DataTable(stack, "Table", { stage: "dev" }),
      hmacSecret: new Secret(stack, "Hmac"),
      cursorSecret: new Secret(stack, "Cursor"),
      bus: new EventBus(stack, "Bus"),
    };

    // Act
    const set = new FunctionSet(stack, "Functions", props);

    // Assess
    expect(Object.keys(set.functions).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    for (const fn of Object.values(set.functions)) expect(fn.node.scope).toBe(set);
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::Lambda::Function", Object.keys(FUNCTIONS).length);
    template.allResourcesProperties("AWS::Logs::LogGroup", { RetentionInDays: 7 });
  });
});
