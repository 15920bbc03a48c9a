/** The synthesized template follows the declarations: routes, events, schedules, data, dashboard. */
import { Match } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { COGNITO } from "#platform/cognito";
import { EVENT_RULES } from "#platform/events";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import { TABLE } from "#platform/table";
import { ROUTES } from "#routes/index";
import { ROLES } from "#schemas/common";
import {
  asList,
  must,
  resourcesOf,
  SAMPLE_SCHEDULES,
  SYNTH_TIMEOUT_MS,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from "./fixture";

let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synthesize("dev");
  prod = synthesize("prod", { alarmEmail: "ops@example.com" });
}, SYNTH_TIMEOUT_MS);

const fnArn = (s: Synthesized, name: FunctionName) => ({
  "Fn::GetAtt": [s.logicalId(s.stack.functions[name]), "Arn"],
});

describe("HTTP API", () => {
  it("has exactly one route per declared route", () => {
    const keys = Object.values(resourcesOf(dev.template, "AWS::ApiGatewayV2::Route"))
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(keys).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s invokes its declared function, behind the JWT authorizer unless public",
    (routeKey, route) => {
      // Prepare
      const routes = resourcesOf(dev.template, "AWS::ApiGatewayV2::Route");
      const integrations = resourcesOf(dev.template, "AWS::ApiGatewayV2::Integration");
      const authorizers = resourcesOf(dev.template, "AWS::ApiGatewayV2::Authorizer");

      // Act
      const found = Object.values(routes).find((r) => r.Properties.RouteKey === routeKey);
      const target = JSON.stringify(found?.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`));

      // Assess
      expect(integrationId).toBeDefined();
      expect(integrations[integrationId ?? ""]?.Properties).toMatchObject({
        IntegrationType: "AWS_PROXY",
        PayloadFormatVersion: "2.0",
        IntegrationUri: fnArn(dev, route.fn.name),
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

  it("verifies tokens of the user pool's app client", () => {
    dev.template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [{ Ref: dev.logicalId(dev.stack.userPoolClient) }],
        Issuer: Match.objectLike({
          "Fn::Join": ["", Match.arrayWith([{ Ref: dev.logicalId(dev.stack.userPool) }])],
        }),
      },
    });
  });

  it("throttles, logs access and allows the dashboard origin", () => {
    dev.template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
      AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp("requestId") }),
    });
    dev.template.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          {
            "Fn::Join": [
              "",
              ["https://", { "Fn::GetAtt": [dev.logicalId(dev.stack.distribution), "DomainName"] }],
            ],
          },
        ],
        AllowHeaders: Match.arrayWith(["authorization", "content-type"]),
      }),
    });
  });
});

describe("functions", () => {
  it.each(Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][])(
    "%s runs Node.js 22 on arm64, traced, source-mapped, with Powertools settings",
    (name, declaration) => {
      const fn = resourcesOf(dev.template, "AWS::Lambda::Function")[dev.logicalId(dev.stack.functions[name])];
      expect(fn?.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
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
            TABLE_NAME: { Ref: dev.logicalId(dev.stack.table) },
          }),
        },
      });
      const logGroup = resourcesOf(dev.template, "AWS::Logs::LogGroup")[
        dev.logicalId(dev.stack.functions[name].logGroup)
      ];
      expect(logGroup?.Properties.RetentionInDays).toBe(30);
    },
  );

  it("logs at INFO and keeps logs a year in prod", () => {
    const fn = Object.values(resourcesOf(prod.template, "AWS::Lambda::Function")).find(
      (f) =>
        (f.Properties.Environment as { Variables: Record<string, unknown> })?.Variables?.STAGE === "prod",
    );
    expect(
      (must(fn, "function").Properties.Environment as { Variables: Record<string, unknown> }).Variables
        .POWERTOOLS_LOG_LEVEL,
    ).toBe("INFO");
    prod.template.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: 365 });
  });

  it("alarms on every function's errors and throttles, and on the dead-letter queue", () => {
    const alarms = Object.values(resourcesOf(dev.template, "AWS::CloudWatch::Alarm"));
    const functionIds = [...Object.values(dev.stack.functions), dev.stack.preTokenFunction].map((f) =>
      dev.logicalId(f),
    );
    for (const id of functionIds) {
      for (const metric of ["Errors", "Throttles"]) {
        const found = alarms.some(
          (a) =>
            a.Properties.MetricName === metric && JSON.stringify(a.Properties.Dimensions).includes(`"${id}"`),
        );
        expect(found, `${metric} alarm for ${id}`).toBe(true);
      }
    }
    expect(
      alarms.some(
        (a) =>
          a.Properties.MetricName === "ApproximateNumberOfMessagesVisible" &&
          JSON.stringify(a.Properties.Dimensions).includes(dev.logicalId(dev.stack.deadLetterQueue)),
      ),
    ).toBe(true);
  });

  it("notifies the alarm address when one is given", () => {
    prod.template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "ops@example.com",
    });
    const alarms = Object.values(resourcesOf(prod.template, "AWS::CloudWatch::Alarm"));
    expect(alarms.every((a) => asList(a.Properties.AlarmActions ?? []).length === 1)).toBe(true);
    dev.template.resourceCountIs("AWS::SNS::Topic", 0);
  });
});

describe("table", () => {
  it("is on-demand, encrypted, point-in-time recoverable, with TTL and the declared indexes", () => {
    dev.template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: "HASH" },
        { AttributeName: TABLE.sortKey, KeyType: "RANGE" },
      ],
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    });
  });

  it("is protected from deletion and retained in prod only", () => {
    prod.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    dev.template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe("secret keys", () => {
  it("are generated by Secrets Manager and retained in prod with the data they protect", () => {
    const secrets = Object.values(resourcesOf(prod.template, "AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(2);
    for (const secret of secrets) {
      expect(secret.DeletionPolicy).toBe("Retain");
      expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
    }
  });
});

describe("events", () => {
  it("uses a governance bus named by stage", () => {
    dev.template.hasResourceProperties("AWS::Events::EventBus", { Name: "strawberry-governance-dev" });
    prod.template.hasResourceProperties("AWS::Events::EventBus", { Name: "strawberry-governance-prod" });
  });

  it.each(EVENT_RULES.map((r) => [r.id, r] as const))("rule %s matches its pattern on the bus", (_, rule) => {
    const rules = Object.values(resourcesOf(dev.template, "AWS::Events::Rule"));
    const found = rules.find((r) => r.Properties.Description === rule.description);
    expect(found?.Properties.EventBusName).toEqual({ Ref: dev.logicalId(dev.stack.bus) });
    expect(found?.Properties.EventPattern).toEqual(rule.pattern);
  });

  it.each(EVENT_RULES.filter((r) => r.target.queue).map((r) => [r.id, r] as const))(
    "rule %s feeds an encrypted queue with a DLQ to its function, reporting batch item failures",
    (_, rule) => {
      const queue = rule.target.queue!;
      const mapping = Object.values(resourcesOf(dev.template, "AWS::Lambda::EventSourceMapping")).find(
        (m) =>
          JSON.stringify(m.Properties.FunctionName) ===
          JSON.stringify({ Ref: dev.logicalId(dev.stack.functions[rule.target.fn.name]) }),
      );
      expect(mapping?.Properties).toMatchObject({
        BatchSize: queue.batchSize,
        MaximumBatchingWindowInSeconds: queue.maxBatchingWindowSeconds,
        FunctionResponseTypes: ["ReportBatchItemFailures"],
      });
      const queueId = (
        must(mapping, "event source mapping").Properties.EventSourceArn as { "Fn::GetAtt": [string, string] }
      )["Fn::GetAtt"][0];
      expect(resourcesOf(dev.template, "AWS::SQS::Queue")[queueId]?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        RedrivePolicy: {
          deadLetterTargetArn: { "Fn::GetAtt": [dev.logicalId(dev.stack.deadLetterQueue), "Arn"] },
          maxReceiveCount: 5,
        },
      });
      const rules = Object.values(resourcesOf(dev.template, "AWS::Events::Rule"));
      const targets = rules.flatMap((r) => r.Properties.Targets as { Arn: unknown }[]);
      expect(targets.map((t) => t.Arn)).toContainEqual({ "Fn::GetAtt": [queueId, "Arn"] });
    },
  );

  it("refuses plain HTTP on every queue", () => {
    const policies = Object.values(resourcesOf(dev.template, "AWS::SQS::QueuePolicy"));
    const queues = Object.keys(resourcesOf(dev.template, "AWS::SQS::Queue"));
    for (const queueId of queues) {
      const denies = policies.some(
        (p) =>
          JSON.stringify(p.Properties.Queues).includes(`"${queueId}"`) &&
          JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
      );
      expect(denies, queueId).toBe(true);
    }
  });
});

describe("schedules (from the stack's schedules prop)", () => {
  it.each(SAMPLE_SCHEDULES.map((s) => [s.id, s] as const))(
    "%s invokes its function with its expression in its time zone",
    (_, schedule) => {
      const found = Object.values(resourcesOf(dev.template, "AWS::Scheduler::Schedule")).find(
        (r) => r.Properties.Description === schedule.description,
      );
      expect(found?.Properties).toMatchObject({
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timeZone,
        State: "ENABLED",
        Target: {
          Arn: fnArn(dev, schedule.fn.name as FunctionName),
          Input: JSON.stringify(schedule.input),
          DeadLetterConfig: { Arn: { "Fn::GetAtt": [dev.logicalId(dev.stack.deadLetterQueue), "Arn"] } },
        },
      });
      const roleId = (
        must(found, "schedule").Properties.Target as { RoleArn: { "Fn::GetAtt": [string, string] } }
      ).RoleArn["Fn::GetAtt"][0];
      const invoke = statementsOfRole(dev.template, roleId).filter((st) =>
        asList(st.Action).includes("lambda:InvokeFunction"),
      );
      expect(invoke.flatMap((st) => asList(st.Resource))).toContainEqual(
        fnArn(dev, schedule.fn.name as FunctionName),
      );
    },
  );

  it("creates no schedule unless declared", () => {
    const plain = synthesize("dev", { schedules: [] });
    plain.template.resourceCountIs("AWS::Scheduler::Schedule", 0);
  });
});

describe("sign-in", () => {
  it("has one group per role and the pre-token-generation V2 trigger", () => {
    const groups = Object.values(resourcesOf(dev.template, "AWS::Cognito::UserPoolGroup")).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
    dev.template.hasResourceProperties("AWS::Cognito::UserPool", {
      UserPoolTier: "ESSENTIALS",
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { "Fn::GetAtt": [dev.logicalId(dev.stack.preTokenFunction), "Arn"] },
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

  it("does not let users write their own business units, and offers no OAuth redirect flows", () => {
    const client = Object.values(resourcesOf(dev.template, "AWS::Cognito::UserPoolClient"))[0];
    const writable = client?.Properties.WriteAttributes as string[];
    expect(writable).toBeDefined();
    expect(writable).not.toContain(`custom:${COGNITO.businessUnitIdsAttribute}`);
    expect(client?.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client?.Properties.GenerateSecret).toBe(false);
  });
});

describe("dashboard", () => {
  it("keeps every bucket private, encrypted and TLS-only", () => {
    const buckets = resourcesOf(dev.template, "AWS::S3::Bucket");
    const policies = Object.values(resourcesOf(dev.template, "AWS::S3::BucketPolicy"));
    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(2);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      });
      const tlsOnly = policies.some(
        (p) =>
          JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: id }) &&
          JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
      );
      expect(tlsOnly, id).toBe(true);
    }
  });

  it("serves the site bucket through CloudFront with origin access control only", () => {
    const siteId = dev.logicalId(dev.stack.siteBucket);
    dev.template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
        Origins: [
          Match.objectLike({
            DomainName: { "Fn::GetAtt": [siteId, "RegionalDomainName"] },
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: "" },
          }),
        ],
      }),
    });
    dev.template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
      }),
    });
    // The only principal allowed to read the site is CloudFront, for this distribution.
    const sitePolicy = Object.values(resourcesOf(dev.template, "AWS::S3::BucketPolicy")).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: siteId }),
    );
    const allows = (
      must(sitePolicy, "site bucket policy").Properties.PolicyDocument as {
        Statement: { Effect: string; Principal: unknown }[];
      }
    ).Statement.filter((st) => st.Effect === "Allow");
    expect(allows.length).toBeGreaterThan(0);
    for (const st of allows) {
      expect(st.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
      expect(JSON.stringify(st)).toContain(dev.logicalId(dev.stack.distribution));
    }
  });

  it("deploys the dashboard files and its config to the site bucket", () => {
    dev.template.hasResourceProperties("Custom::CDKBucketDeployment", {
      DestinationBucketName: { Ref: dev.logicalId(dev.stack.siteBucket) },
      DistributionPaths: ["/*"],
    });
  });
});

describe("outputs", () => {
  it.each(["ApiUrl", "DashboardUrl", "UserPoolId", "UserPoolClientId", "EventBusName"])(
    "exports %s",
    (name) => {
      expect(Object.keys(dev.template.findOutputs(name))).toEqual([name]);
    },
  );
});
