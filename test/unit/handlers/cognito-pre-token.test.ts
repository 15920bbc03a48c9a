import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { handler, parseBusinessUnitIds } from "#handlers/cognito-pre-token";
import { claimList } from "#http/principal";

const eventWith = (userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent => ({
  version: "2",
  triggerSource: "TokenGeneration_Authentication",
  region: "us-east-1",
  userPoolId: "us-east-1_example",
  userName: "lin.wei",
  callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "client" },
  request: {
    userAttributes: { sub: "0f1e2d3c", ...userAttributes },
    groupConfiguration: { groupsToOverride: ["bu-head"], iamRolesToOverride: [], preferredRole: undefined },
    scopes: ["aws.cognito.signin.user.admin"],
  },
  response: { claimsAndScopeOverrideDetails: {} },
});

describe("parseBusinessUnitIds", () => {
  it.each([
    ["bu-food", ["bu-food"], []],
    ["bu-food,bu-home", ["bu-food", "bu-home"], []],
    [" bu-food , bu-home ;bu-toys ", ["bu-food", "bu-home", "bu-toys"], []],
    ["bu-food bu-home", ["bu-food", "bu-home"], []],
    ['["bu-food","bu-home"]', ["bu-food", "bu-home"], []],
    ["bu-food,bu-food", ["bu-food"], []],
    ["bu-food,,", ["bu-food"], []],
    ["", [], []],
    [undefined, [], []],
    ["bu-food,bad/id,<script>", ["bu-food"], ["bad/id", "<script>"]],
    [`bu-food,${"x".repeat(65)}`, ["bu-food"], ["x".repeat(65)]],
    ['["bu-food",7]', ["bu-food"], ["7"]],
  ] as const)("%j → %j (invalid %j)", (value, ids, invalid) => {
    // Act
    const parsed = parseBusinessUnitIds(value);

    // Assess
    expect(parsed).toEqual({ ids, invalid });
  });
});

describe("handler", () => {
  it("adds businessUnitIds to the access and ID tokens as a list", async () => {
    // Prepare
    const event = eventWith({ "custom:businessUnitIds": "bu-food,bu-home" });

    // Act
    const result = await handler(event);

    // Assess
    const claims = { businessUnitIds: ["bu-food", "bu-home"] };
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: claims },
      idTokenGeneration: { claimsToAddOrOverride: claims },
    });
    expect(result.userName).toBe(event.userName);
    expect(result.request).toEqual(event.request);
  });

  it("adds no claim for a user without units", async () => {
    const result = await handler(eventWith({}));

    expect(result.response.claimsAndScopeOverrideDetails).toEqual({});
  });

  it("drops invalid ids rather than passing them on", async () => {
    const result = await handler(eventWith({ "custom:businessUnitIds": "bu-food, ../etc" }));

    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      businessUnitIds: ["bu-food"],
    });
  });

  it.each([
    ["as a JSON list", ["bu-food", "bu-home"]],
    ["flattened by API Gateway", "[bu-food bu-home]"],
  ])("emits a claim the API reads back (%s)", async (_, claimAsReceived) => {
    // The JWT authorizer hands list claims to the function either way; both must read the same.
    const result = await handler(eventWith({ "custom:businessUnitIds": "bu-food,bu-home" }));
    const emitted =
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride;

    expect(claimList(claimAsReceived)).toEqual(emitted?.businessUnitIds);
  });
});
