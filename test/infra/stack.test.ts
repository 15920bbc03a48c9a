/**
 * The stack as a whole: the constructs it composes and its outputs. Each construct has its own test
 * file (api, data-table, secret-keys, function-set, sign-in, event-rules, schedules, dashboard,
 * alarms); logical-ids.test.ts pins the resources deployed stacks hold, iam.test.ts the access of
 * every function, nag.test.ts the cdk-nag report.
 */
import { describe, expect, it } from "vitest";
import { synthesizeStages } from "./fixture";

const stages = synthesizeStages();

describe("outputs", () => {
  it.each([
    ["ApiUrl", () => stages.dev.stack.api],
    ["DashboardUrl", () => stages.dev.stack.distribution],
    ["UserPoolId", () => stages.dev.stack.userPool],
    ["UserPoolClientId", () => stages.dev.stack.userPoolClient],
    ["EventBusName", () => stages.dev.stack.bus],
    ["TableName", () => stages.dev.stack.table],
  ] as const)("exports %s, read from its resource", (name, source) => {
    // Act
    const outputs = stages.dev.template.findOutputs(name);

    // Assess
    expect(Object.keys(outputs)).toEqual([name]);
    expect(JSON.stringify(outputs[name]?.Value)).toContain(`"${stages.dev.logicalId(source())}"`);
  });
});

describe("composition", () => {
  it("groups the stateless parts in one construct each, beside the resources deployed stacks hold", () => {
    const ids = stages.dev.stack.node.children.map((c) => c.node.id);
    expect(ids).toEqual(
      expect.arrayContaining(["Functions", "SignIn", "Web", "HttpApi", "EventRules", "Schedules", "Alarms"]),
    );
    expect(ids).toEqual(
      expect.arrayContaining(["Table", "HmacKey", "CursorKey", "GovernanceBus", "DeadLetters"]),
    );
  });
});
