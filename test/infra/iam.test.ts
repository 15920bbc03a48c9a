/** Least privilege: each function gets exactly its declared access, each resource named. */

import type { IConstruct } from "constructs";
import { beforeAll, describe, expect, it } from "vitest";
import type { StrawberryFunction } from "#infra/constructs/strawberry-function";
import { COGNITO } from "#platform/cognito";
import { ENV } from "#platform/env";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import type { FunctionDeclaration } from "#platform/lambda";
import { TABLE } from "#platform/table";
import {
  asList,
  resourcesOf,
  type Statement,
  SYNTH_TIMEOUT_MS,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from "./fixture";

let s: Synthesized;
beforeAll(() => {
  s = synthesize("dev");
}, SYNTH_TIMEOUT_MS);

const declared: [string, FunctionDeclaration][] = [
  ...Object.entries(FUNCTIONS),
  ["preTokenGeneration", COGNITO.preTokenGeneration],
];

/** The secrets a function reads: declared, plus the cursor key of paged routes. */
const secretsOf = (name: string): readonly string[] =>
  (FUNCTIONS as Record<string, { secrets: readonly string[] } | undefined>)[name]?.secrets ?? [];

const fnOf = (name: string): StrawberryFunction =>
  name === "preTokenGeneration" ? s.stack.preTokenFunction : s.stack.functions[name as FunctionName];

const statementsOf = (name: string): Statement[] =>
  statementsOfRole(s.template, s.logicalId(fnOf(name).executionRole));

const tableArn = () => ({ "Fn::GetAtt": [s.logicalId(s.stack.table), "Arn"] });
const indexArn = (index: string) => ({
  "Fn::Join": ["", [{ "Fn::GetAtt": [s.logicalId(s.stack.table), "Arn"] }, `/index/${index}`]],
});

const environmentOf = (name: string): Record<string, unknown> => {
  const fn = resourcesOf(s.template, "AWS::Lambda::Function")[s.logicalId(fnOf(name))];
  return ((fn?.Properties.Environment as { Variables?: Record<string, unknown> })?.Variables ?? {}) as Record<
    string,
    unknown
  >;
};

describe.each(declared)("function %s", (name, declaration) => {
  it("is allowed exactly its declared DynamoDB actions, and nothing else on DynamoDB", () => {
    // Prepare
    const dynamo = statementsOf(name).filter((st) =>
      asList(st.Action).some((a) => a.startsWith("dynamodb:")),
    );

    // Act
    const actions = new Set(dynamo.flatMap((st) => asList(st.Action)));

    // Assess
    expect([...actions].sort()).toEqual([...declaration.dynamodb].sort());
    expect(dynamo.every((st) => st.Effect === "Allow")).toBe(true);
  });

  it("reaches the table, and its indexes only when it queries", () => {
    const dynamo = statementsOf(name).filter((st) =>
      asList(st.Action).some((a) => a.startsWith("dynamodb:")),
    );
    const resources = dynamo.flatMap((st) => asList(st.Resource));
    if (declaration.dynamodb.length === 0) {
      expect(resources).toEqual([]);
      return;
    }
    const queries = (declaration.dynamodb as readonly string[]).includes("dynamodb:Query");
    const expected = [
      tableArn(),
      ...TABLE.indexes.filter(() => queries).map((index) => indexArn(index.name)),
    ];
    const named = new Set(resources.map((r) => JSON.stringify(r)));
    expect([...named].sort()).toEqual(expected.map((r) => JSON.stringify(r)).sort());
  });

  it("never names '*' as a resource except for X-Ray, and never a service-wide action", () => {
    const statements = statementsOf(name);
    for (const st of statements) {
      for (const action of asList(st.Action)) expect(action).not.toMatch(/^[a-z0-9-]+:\*$/);
      if (asList(st.Resource).includes("*")) {
        expect(asList(st.Action).sort()).toEqual(["xray:PutTelemetryRecords", "xray:PutTraceSegments"]);
      }
    }
  });

  it("reads the HMAC key only if it declares it, and the cursor key only if it declares it or serves a paged route", () => {
    const reads = (secret: IConstruct) =>
      statementsOf(name).some(
        (st) =>
          asList(st.Action).includes("secretsmanager:GetSecretValue") &&
          asList(st.Resource).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: s.logicalId(secret) })),
      );
    expect(reads(s.stack.hmacSecret)).toBe(secretsOf(name).includes("hmac"));
    expect(reads(s.stack.cursorSecret)).toBe(secretsOf(name).includes("cursor"));
    const env = environmentOf(name);
    expect(ENV.hmacSecretArn in env).toBe(secretsOf(name).includes("hmac"));
    expect(ENV.cursorSecretArn in env).toBe(secretsOf(name).includes("cursor"));
  });

  it("may put events on the governance bus only, and only if it declares publishes", () => {
    const putEvents = statementsOf(name).filter((st) =>
      asList(st.Action).some((a) => a.startsWith("events:")),
    );
    if (!declaration.publishes) {
      expect(putEvents).toEqual([]);
      expect(ENV.busName in environmentOf(name)).toBe(false);
      return;
    }
    expect(putEvents.flatMap((st) => asList(st.Action))).toEqual(["events:PutEvents"]);
    expect(putEvents.flatMap((st) => asList(st.Resource))).toEqual([
      { "Fn::GetAtt": [s.logicalId(s.stack.bus), "Arn"] },
    ]);
  });

  it("writes only to its own log group", () => {
    const logs = statementsOf(name).filter((st) => asList(st.Action).some((a) => a.startsWith("logs:")));
    const logGroup = s.logicalId(fnOf(name).logGroup);
    expect(logs.flatMap((st) => asList(st.Resource))).toEqual([{ "Fn::GetAtt": [logGroup, "Arn"] }]);
    expect(
      s.template.toJSON().Resources[s.logicalId(fnOf(name).executionRole)].Properties.ManagedPolicyArns,
    ).toBe(undefined);
  });
});

describe("secrets", () => {
  it.each([
    ["HMAC key", () => s.stack.hmacSecret, "hmac"],
    ["cursor key", () => s.stack.cursorSecret, "cursor"],
  ] as const)(
    "the %s is generated, and readable by exactly the functions that declare it",
    (_, secret, flag) => {
      const secretId = s.logicalId(secret());
      const secretResource = resourcesOf(s.template, "AWS::SecretsManager::Secret")[secretId];
      expect(secretResource?.Properties.GenerateSecretString).toBeDefined();
      expect(secretResource?.Properties.SecretString).toBeUndefined();

      const readers = Object.entries(resourcesOf(s.template, "AWS::IAM::Policy"))
        .filter(([, p]) =>
          (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement.some((st) =>
            asList(st.Resource).some((r) => JSON.stringify(r).includes(`"${secretId}"`)),
          ),
        )
        .flatMap(([, p]) => (p.Properties.Roles as { Ref: string }[]).map((r) => r.Ref))
        .sort();
      const expected = declared
        .filter(([name]) => secretsOf(name).includes(flag))
        .map(([name]) => s.logicalId(fnOf(name).executionRole))
        .sort();
      expect(readers).toEqual(expected);
    },
  );
});
