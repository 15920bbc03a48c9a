/**
 * The stack as a whole: the constructs it composes and its outputs. Each construct has its own test
 * file (api, data-table, secret-keys, function-set, sign-in, event-rules, schedules, dashboard,
 * alarms); logical-ids.test.ts pins the resources deployed stacks hold, iam.test.ts the access of
 * every function, nag.test.ts the cdk-nag report.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesize } from "./fixture";

let dev: Synthesized;
beforeAll(() => {
  dev = synthesize("dev");
}, SYNTH_TIMEOUT_MS);

describe("outputs", () => {
  it.each([
    ["ApiUrl", () => dev.stack.api],
    ["DashboardUrl", () => dev.stack.distribution],
    ["UserPoolId", () => dev.stack.userPool],
    ["UserPoolClientId", () => dev.stack.userPoolClient],
    ["EventBusName", () => dev.stack.bus],
    ["TableName", () => dev.stack.table],
  ] as const)("exports %s, read from its resource", (name, source) => {
    // Act
    const outputs = dev.template.findOutputs(name);

    // Assess
    expect(Object.keys(outputs)).toEqual([name]);
    expect(JSON.stringify(outputs[name]?.Value)).toContain(`"${dev.logicalId(source())}"`);
  });
});

describe("composition", () => {
  it("groups the stateless parts in one construct each, beside the resources deployed stacks hold", () => {
    const ids = dev.stack.node.children.map((c) => c.node.id);
    expect(ids).toEqual(
      expect.arrayContaining(["Functions", "SignIn", "Web", "HttpApi", "EventRules", "Schedules", "Alarms"]),
    );
    expect(ids).toEqual(
      expect.arrayContaining(["Table", "HmacKey", "CursorKey", "GovernanceBus", "DeadLetters"]),
    );
  });
});
