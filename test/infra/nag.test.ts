/** cdk-nag (AwsSolutions) over the app: no unacknowledged error, every acknowledgement explained. */
import { App, Stack, Validations } from "aws-cdk-lib";
import { Queue } from "aws-cdk-lib/aws-sqs";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { SYNTH_TIMEOUT_MS, synthesize } from "./fixture";

const acknowledgementsIn = (root: IConstruct): { path: string; id: string; reason: string }[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );

describe("cdk-nag AwsSolutions", () => {
  it.each([
    ["dev", {}],
    ["prod with alarm e-mail", { alarmEmail: "ops@example.com" }],
  ] as const)(
    "finds no unacknowledged error in %s",
    (label, extra) => {
      // Prepare
      const { app } = synthesize(label.startsWith("prod") ? "prod" : "dev", extra);

      // Act
      const report = new AwsSolutionsChecks().validateScope(app);

      // Assess
      const errors = report.violations
        .filter((v) => v.severity === "error")
        .map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(", ")}`);
      expect(errors).toEqual([]);
    },
    SYNTH_TIMEOUT_MS,
  );

  it(
    "runs as a validation plugin: synthesis passes with the stack, and fails on a violation",
    () => {
      const { app } = synthesize("dev");
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      expect(() => app.synth({ force: true })).not.toThrow();

      const bad = new App();
      new Queue(new Stack(bad, "Bad"), "Plain");
      Validations.of(bad).addPlugins(new AwsSolutionsChecks(bad));
      expect(() => bad.synth()).toThrow(/AwsSolutions-SQS4/);
    },
    SYNTH_TIMEOUT_MS,
  );

  it(
    "explains every acknowledgement",
    () => {
      const { app } = synthesize("prod", { alarmEmail: "ops@example.com" });
      const acknowledgements = acknowledgementsIn(app);
      expect(acknowledgements.length).toBeGreaterThan(0);
      for (const { path, id, reason } of acknowledgements) {
        expect(reason.length, `${path} ${id}`).toBeGreaterThanOrEqual(40);
      }
    },
    SYNTH_TIMEOUT_MS,
  );
});
