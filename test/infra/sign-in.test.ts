/** Sign-in: groups are the roles, the trigger puts units into the token, users cannot grant units. */
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { COGNITO } from "#platform/cognito";
import { ROLES } from "#schemas/common";
import { resourcesOf, type Synthesized, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

const clientOf = (s: Synthesized) =>
  resourcesOf(s.template, "AWS::Cognito::UserPoolClient")[s.logicalId(s.stack.userPoolClient)];

describe("sign-in", () => {
  it("has one group per role and the pre-token-generation V2 trigger", () => {
    const groups = Object.values(resourcesOf(stages.dev.template, "AWS::Cognito::UserPoolGroup")).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
    stages.dev.template.hasResourceProperties("AWS::Cognito::UserPool", {
      UserPoolTier: "ESSENTIALS",
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.preTokenFunction), "Arn"] },
          LambdaVersion: "V2_0",
        },
      },
      Schema: Match.arrayWith([
        Match.objectLike({
          Name: COGNITO.businessUnitIdsAttribute,
          AttributeDataType: "String",
          Mutable: true,
        }),
      ]),
    });
  });

  it("lets Cognito, and only Cognito, invoke the trigger", () => {
    const permissions = Object.values(resourcesOf(stages.dev.template, "AWS::Lambda::Permission")).filter(
      (p) =>
        JSON.stringify(p.Properties.FunctionName) ===
        JSON.stringify({ "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.preTokenFunction), "Arn"] }),
    );
    expect(permissions.map((p) => p.Properties.Principal)).toEqual(["cognito-idp.amazonaws.com"]);
    expect(permissions[0]?.Properties.SourceArn).toEqual({
      "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.userPool), "Arn"],
    });
  });

  it("does not let users write their own business units", () => {
    const client = clientOf(stages.dev);
    const writable = client?.Properties.WriteAttributes as string[];
    expect(writable).toBeDefined();
    expect(writable).not.toContain(`custom:${COGNITO.businessUnitIdsAttribute}`);
  });

  it("signs people in through the hosted UI with the code grant only, back to the dashboard, as a public client", () => {
    const s = stages.dev;
    const origin = {
      "Fn::Join": [
        "",
        ["https://", { "Fn::GetAtt": [s.logicalId(s.stack.distribution), "DomainName"] }, "/"],
      ],
    };
    expect(clientOf(s)?.Properties).toMatchObject({
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: expect.arrayContaining(["openid", "email", "profile"]),
      CallbackURLs: [origin],
      LogoutURLs: [origin],
      SupportedIdentityProviders: ["COGNITO"],
      GenerateSecret: false,
    });
    expect(clientOf(s)?.Properties.AllowedOAuthScopes).toHaveLength(3);
    const domains = Object.values(resourcesOf(s.template, "AWS::Cognito::UserPoolDomain"));
    expect(domains).toHaveLength(1);
    expect(domains[0]?.Properties.Domain).toEqual({
      "Fn::Join": ["-", ["strawberry-dev", { Ref: "AWS::AccountId" }]],
    });
  });

  it("lets the dashboard renew an hour's tokens with the refresh token, which does not rotate", () => {
    // web/src/auth.ts posts grant_type=refresh_token to the token endpoint, keeping the refresh token
    // it has when none comes back (rotation off): both need the client as it is here.
    const client = clientOf(stages.dev)?.Properties;
    expect(client?.ExplicitAuthFlows).toContain("ALLOW_REFRESH_TOKEN_AUTH");
    expect(client?.RefreshTokenRotation).toBeUndefined();
    expect(client).toMatchObject({
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: expect.objectContaining({ AccessToken: "minutes", IdToken: "minutes" }),
    });
  });

  it.each([
    ["dev", () => stages.dev, 7 * 24 * 60, "Delete", "INACTIVE"],
    ["prod", () => stages.prod, 24 * 60, "Retain", "ACTIVE"],
  ] as const)(
    "in %s, keeps refresh tokens %i minutes, and its pool is %s on removal with deletion protection %s",
    (_, synthesized, refreshMinutes, deletionPolicy, deletionProtection) => {
      const s = synthesized();
      expect(clientOf(s)?.Properties).toMatchObject({
        RefreshTokenValidity: refreshMinutes,
        TokenValidityUnits: expect.objectContaining({ RefreshToken: "minutes" }),
      });
      s.template.hasResource("AWS::Cognito::UserPool", {
        DeletionPolicy: deletionPolicy,
        Properties: Match.objectLike({ DeletionProtection: deletionProtection }),
      });
    },
  );
});
