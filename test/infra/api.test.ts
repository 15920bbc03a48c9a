/** The HTTP API follows ROUTES: one route each, its function, the JWT authorizer unless public. */
import { Validations } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { HttpRoute } from "aws-cdk-lib/aws-apigatewayv2";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import { describe, expect, it } from "vitest";
import { routeKeyOf } from "#http/route";
import { ROUTES } from "#routes/index";
import { fnArn, must, resourcesOf, SYNTH_TIMEOUT_MS, synthesize, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

describe("HTTP API", () => {
  it("has exactly one route per declared route", () => {
    const keys = Object.values(resourcesOf(stages.dev.template, "AWS::ApiGatewayV2::Route"))
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(keys).toEqual(ROUTES.map((r) => routeKeyOf(r)).sort());
  });

  it.each(ROUTES.map((r) => [routeKeyOf(r), r] as const))(
    "%s invokes its declared function, behind the JWT authorizer unless public",
    (routeKey, route) => {
      // Prepare
      const routes = resourcesOf(stages.dev.template, "AWS::ApiGatewayV2::Route");
      const integrations = resourcesOf(stages.dev.template, "AWS::ApiGatewayV2::Integration");
      const authorizers = resourcesOf(stages.dev.template, "AWS::ApiGatewayV2::Authorizer");

      // Act
      const found = Object.values(routes).find((r) => r.Properties.RouteKey === routeKey);
      const target = JSON.stringify(found?.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));

      // Assess
      expect(integrationId).toBeDefined();
      expect(integrations[integrationId ?? ""]?.Properties).toMatchObject({
        IntegrationType: "AWS_PROXY",
        PayloadFormatVersion: "2.0",
        IntegrationUri: fnArn(stages.dev, route.fn.name),
      });
      if (route.access === "public") {
        expect(found?.Properties.AuthorizationType).toBe("NONE");
        expect(found?.Properties.AuthorizerId).toBeUndefined();
      } else {
        expect(found?.Properties.AuthorizationType).toBe("JWT");
        const authorizerId = (must(found, "route").Properties.AuthorizerId as { Ref: string }).Ref;
        expect(authorizers[authorizerId]?.Properties).toMatchObject({ AuthorizerType: "JWT" });
      }
    },
  );

  it("lets API Gateway invoke each routed function, for its own route only", () => {
    // Prepare
    const permissions = Object.values(resourcesOf(stages.dev.template, "AWS::Lambda::Permission")).filter(
      (p) => p.Properties.Principal === "apigateway.amazonaws.com",
    );

    // Act
    const targets = permissions.map((p) => JSON.stringify(p.Properties.FunctionName)).sort();

    // Assess
    expect(targets).toEqual(ROUTES.map((r) => JSON.stringify(fnArn(stages.dev, r.fn.name))).sort());
    for (const permission of permissions) {
      expect(JSON.stringify(permission.Properties.SourceArn)).toContain(
        stages.dev.logicalId(stages.dev.stack.api),
      );
    }
  });

  it("acknowledges AwsSolutions-APIG4 (no authorizer) on exactly the public routes", () => {
    // Prepare
    const routes = stages.dev.stack.api.node.children.filter((c): c is HttpRoute => c instanceof HttpRoute);

    // Act
    const acknowledged = routes
      .filter((route) =>
        route.node.metadata.some(
          (m) =>
            m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
            Object.keys(m.data as Record<string, string>).some((rule) => rule.endsWith("AwsSolutions-APIG4")),
        ),
      )
      .map((route) => route.node.id)
      .sort();

    // Assess
    const expected = ROUTES.filter((r) => r.access === "public").map(
      (r) => `${r.method}${r.path.replaceAll("/", "--")}`,
    );
    expect(acknowledged).toEqual(expected.sort());
    expect(acknowledged.length).toBeGreaterThan(0);
  });

  it("verifies tokens of the user pool's app client", () => {
    stages.dev.template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [{ Ref: stages.dev.logicalId(stages.dev.stack.userPoolClient) }],
        Issuer: Match.objectLike({
          "Fn::Join": ["", Match.arrayWith([{ Ref: stages.dev.logicalId(stages.dev.stack.userPool) }])],
        }),
      },
    });
  });

  it("throttles, logs access and allows the dashboard origin", () => {
    stages.dev.template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
      AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp("requestId") }),
    });
    stages.dev.template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          {
            "Fn::Join": [
              "",
              [
                "https://",
                { "Fn::GetAtt": [stages.dev.logicalId(stages.dev.stack.distribution), "DomainName"] },
              ],
            ],
          },
        ],
        AllowHeaders: Match.arrayWith(["authorization", "content-type"]),
      }),
    });
  });

  it(
    "takes the throttle, the extra CORS origins and the log retention from the stack's props",
    () => {
      // Prepare
      const extra = {
        throttle: { rateLimit: 10, burstLimit: 20 },
        extraCorsOrigins: ["http://127.0.0.1:3000"],
        logRetention: RetentionDays.ONE_WEEK,
      };

      // Act
      const s = synthesize("dev", extra);

      // Assess
      s.template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
        DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      });
      s.template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
        CorsConfiguration: Match.objectLike({
          AllowOrigins: Match.arrayWith(["http://127.0.0.1:3000"]),
        }),
      });
      const stage = Object.values(resourcesOf(s.template, "AWS::ApiGatewayV2::Stage"))[0];
      const logGroupId = (
        must(stage, "stage").Properties.AccessLogSettings as {
          DestinationArn: { "Fn::GetAtt": [string, string] };
        }
      ).DestinationArn["Fn::GetAtt"][0];
      expect(resourcesOf(s.template, "AWS::Logs::LogGroup")[logGroupId]?.Properties.RetentionInDays).toBe(7);
    },
    SYNTH_TIMEOUT_MS,
  );
});
