import { defineRoute } from "#http/route";
import { Policy, PolicyUpdate, PolicyVersionPath } from "#schemas/policy";

export const getPolicy = defineRoute({
  operationId: "getPolicy",
  method: "GET",
  path: "/v1/policy",
  tag: "Policy",
  summary: "The policy in force: thresholds, windows, time zone, with its version",
  access: "policy.read",
  response: Policy,
  fn: { name: "policyRead", entry: "functions/handlers/policy-read.ts", dynamodb: ["dynamodb:GetItem"] },
});

export const putPolicy = defineRoute({
  operationId: "putPolicy",
  method: "PUT",
  path: "/v1/policy",
  tag: "Policy",
  summary: "Make a new version of the policy",
  description:
    "The body is the whole policy (every setting); it becomes the next version and the one in force. " +
    "Versions are immutable: reviews and awards cite the version they used. A setting out of range " +
    "(a confidence of 1.2, a fix window of 0 days) is a 400 naming the field. With `expectedVersion` " +
    "(the version the editor started from), a save is refused with 409 once another version has " +
    "replaced it.",
  access: "policy.write",
  body: PolicyUpdate,
  response: Policy,
  errors: [409],
  fn: {
    name: "policyWrite",
    entry: "functions/handlers/policy-write.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:PutItem"],
  },
});

export const getPolicyVersion = defineRoute({
  operationId: "getPolicyVersion",
  method: "GET",
  path: "/v1/policy/versions/{v}",
  tag: "Policy",
  summary: "One version of the policy, as reviews and awards cite it",
  access: "policy.read",
  params: PolicyVersionPath,
  response: Policy,
  errors: [404],
  fn: {
    name: "policyVersion",
    entry: "functions/handlers/policy-version.ts",
    dynamodb: ["dynamodb:GetItem"],
  },
});
