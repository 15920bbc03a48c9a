/**
 * Deployed stacks keep their resources: the logical ids below are those the stack had before it was
 * split into constructs, recorded from a synthesis of that stack. A different id is a different
 * resource to CloudFormation, which would delete the old one on the next deploy: the table with its
 * data, a key with the pseudonyms made under it, the user pool with its users, a bucket, the API's
 * or the dashboard's URL. Change an id here only together with a migration of the deployed resource.
 */
import type { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import type { StrawberryStack } from "#infra/stack";
import { ROUTES } from "#routes/index";
import { must, resourcesOf, synthesizeStages } from "./fixture";

const stages = synthesizeStages();

/** What, its recorded logical id, its type, and the stack property it is, if any. */
const STATEFUL: readonly [string, string, string, ((stack: StrawberryStack) => IConstruct) | undefined][] = [
  ["table", "TableCD117FA1", "AWS::DynamoDB::Table", (st) => st.table],
  ["HMAC key", "HmacKey14D2AB00", "AWS::SecretsManager::Secret", (st) => st.hmacSecret],
  ["cursor key", "CursorKey255E8F8A", "AWS::SecretsManager::Secret", (st) => st.cursorSecret],
  ["governance bus", "GovernanceBusB979AA22", "AWS::Events::EventBus", (st) => st.bus],
  ["dead-letter queue", "DeadLettersBBF8BAAB", "AWS::SQS::Queue", (st) => st.deadLetterQueue],
  ["dead-letter queue policy", "DeadLettersPolicy05322138", "AWS::SQS::QueuePolicy", undefined],
  ["signals queue", "SatisfactionSignalsQueue9BBA2959", "AWS::SQS::Queue", undefined],
  ["signals queue policy", "SatisfactionSignalsQueuePolicy08A753F4", "AWS::SQS::QueuePolicy", undefined],
  ["user pool", "UserPool6BA7E5F2", "AWS::Cognito::UserPool", (st) => st.userPool],
  ["app client", "UserPoolClient43258C81", "AWS::Cognito::UserPoolClient", (st) => st.userPoolClient],
  ["group cco", "GroupCco", "AWS::Cognito::UserPoolGroup", undefined],
  ["group bu-head", "GroupBuHead", "AWS::Cognito::UserPoolGroup", undefined],
  ["group executive", "GroupExecutive", "AWS::Cognito::UserPoolGroup", undefined],
  ["group ingest", "GroupIngest", "AWS::Cognito::UserPoolGroup", undefined],
  ["access-log bucket", "AccessLogs8B620ECA", "AWS::S3::Bucket", undefined],
  ["access-log bucket policy", "AccessLogsPolicyABDC4D2D", "AWS::S3::BucketPolicy", undefined],
  ["site bucket", "SiteE53D7754", "AWS::S3::Bucket", (st) => st.siteBucket],
  ["site bucket policy", "SitePolicyC4000D7D", "AWS::S3::BucketPolicy", undefined],
  ["distribution", "Dashboard9E4231ED", "AWS::CloudFront::Distribution", (st) => st.distribution],
  [
    "origin access control",
    "DashboardOrigin1S3OriginAccessControlBA798BB2",
    "AWS::CloudFront::OriginAccessControl",
    undefined,
  ],
  ["HTTP API", "ApiF70053CD", "AWS::ApiGatewayV2::Api", (st) => st.api],
  ["API stage", "ApiStage529D6240", "AWS::ApiGatewayV2::Stage", (st) => st.apiStage],
  ["JWT authorizer", "ApiCognito2A5FE4F0", "AWS::ApiGatewayV2::Authorizer", undefined],
];

/** A route key must be unique in its API: a route under a new id would fail to create. */
const ROUTE_IDS: Readonly<Record<string, string>> = {
  "GET /v1/health": "ApiGETv1healthA8FDCB99",
  "GET /v1/openapi.json": "ApiGETv1openapijson1BD61EE2",
  "GET /v1/catalog": "ApiGETv1catalog9B6248E7",
  "PUT /v1/catalog": "ApiPUTv1catalog7DDCAF1A",
  "POST /v1/signals": "ApiPOSTv1signals5867329B",
  "GET /v1/product-lines/{id}/metrics": "ApiGETv1productlinesidmetrics1585F3A0",
  "GET /v1/quarantine": "ApiGETv1quarantineE61A148A",
  "POST /v1/quarantine/replay": "ApiPOSTv1quarantinereplay5A357EF2",
};

describe("logical ids of the resources deployed stacks hold", () => {
  it.each(STATEFUL.map(([what, id, type, property]) => [what, id, type, property] as const))(
    "the %s is still %s",
    (_, id, type, property) => {
      for (const s of [stages.dev, stages.prod]) {
        // Act
        const resource = s.template.toJSON().Resources[id] as { Type: string } | undefined;

        // Assess
        expect(resource?.Type).toBe(type);
        if (property) expect(s.logicalId(property(s.stack))).toBe(id);
      }
    },
  );

  it.each(Object.entries(ROUTE_IDS))("the route %s is still %s", (routeKey, id) => {
    const route = resourcesOf(stages.dev.template, "AWS::ApiGatewayV2::Route")[id];
    expect(route?.Properties.RouteKey).toBe(routeKey);
  });

  it("adds every declared route to that API", () => {
    const routes = Object.values(resourcesOf(stages.dev.template, "AWS::ApiGatewayV2::Route"));
    expect(routes).toHaveLength(ROUTES.length);
    for (const route of routes) expect(route.Properties.ApiId).toEqual({ Ref: "ApiF70053CD" });
  });

  it("keeps the alarm topic and its confirmed e-mail subscription", () => {
    const resources = stages.prod.template.toJSON().Resources;
    expect(resources.AlarmTopicD01E77F9?.Type).toBe("AWS::SNS::Topic");
    expect(resources.AlarmTopicPolicy309DB5F8?.Type).toBe("AWS::SNS::TopicPolicy");
    expect(must(resources.AlarmTopicopsexamplecom7B0F70A1, "subscription").Properties).toMatchObject({
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
  });
});
