/**
 * The whole deployment, driven by `infra/declarations.ts`: the table, one function per `FUNCTIONS`
 * entry with exactly its declared access, one HTTP route per `ROUTES` entry, the `EVENT_RULES`
 * (through SQS where declared) and the `SCHEDULES`. Nothing here names a route or a function; add
 * them in the declarations.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
  Token,
  Validations,
} from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from "aws-cdk-lib/aws-cognito";
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { EventBus, Rule } from "aws-cdk-lib/aws-events";
import { LambdaFunction, SqsQueue } from "aws-cdk-lib/aws-events-targets";
import type { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Schedule, ScheduleExpression, ScheduleTargetInput } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { ROLES } from "../schemas/common";
import {
  COGNITO,
  ENV,
  EVENT_RULES,
  FUNCTIONS,
  type FunctionDeclaration,
  type FunctionName,
  ROUTES,
  SCHEDULES,
  type ScheduleDeclaration,
  TABLE,
} from "./declarations";
import type { Stage } from "./constructs/stage";
import { StrawberryFunction } from "./constructs/strawberry-function";

/** The repository root: handler entries in the declarations are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface StrawberryStackProps extends StackProps {
  /** `prod` retains data (table, user pool, logs) and turns on deletion protection. */
  readonly stage: Stage;
  /**
   * The EventBridge Scheduler schedules. Tests pass samples; deployments use the declarations.
   * @default SCHEDULES from infra/declarations.ts
   */
  readonly schedules?: readonly ScheduleDeclaration[];
  /**
   * Origins allowed to call the API from a browser besides the CloudFront dashboard, e.g. a custom
   * domain or `http://127.0.0.1:3000` while developing the dashboard against a dev stack.
   * @default []
   */
  readonly extraCorsOrigins?: readonly string[];
  /** Alarm notifications go to this address (an SNS topic is created for it). @default - no topic */
  readonly alarmEmail?: string;
  /** Default stage throttling of the HTTP API. @default { rateLimit: 1000, burstLimit: 2000 } */
  readonly throttle?: ThrottleSettings;
  /** Retention of function and API access logs. @default ONE_MONTH in dev, ONE_YEAR in prod */
  readonly logRetention?: RetentionDays;
  /** The dashboard's static files. @default `web/` in the repository (skipped while it does not exist) */
  readonly webDir?: string;
}

const BOOTSTRAP_QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** A generated secret key; rotating it would break what it protects, see the acknowledgement. */
const generatedKey = (scope: Construct, id: string, description: string, reason: string): Secret => {
  const secret = new Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  Validations.of(secret).acknowledge({ id: "AwsSolutions-SMG4", reason });
  return secret;
};

export class StrawberryStack extends Stack {
  public readonly table: Table;
  public readonly functions: Readonly<Record<FunctionName, StrawberryFunction>>;
  public readonly preTokenFunction: StrawberryFunction;
  public readonly hmacSecret: Secret;
  public readonly cursorSecret: Secret;
  public readonly bus: EventBus;
  public readonly deadLetterQueue: Queue;
  public readonly userPool: UserPool;
  public readonly userPoolClient: UserPoolClient;
  public readonly api: HttpApi;
  public readonly apiStage: HttpStage;
  public readonly siteBucket: Bucket;
  public readonly distribution: Distribution;

  public constructor(scope: Construct, id: string, props: StrawberryStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const prod = stage === "prod";
    const retain = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logRetention = props.logRetention ?? (prod ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH);

    this.table = new Table(this, "Table", {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.ttlAttribute,
      deletionProtection: prod,
      removalPolicy: retain,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    const indexNames = TABLE.indexes.map((index) => index.name);

    this.hmacSecret = generatedKey(
      this,
      "HmacKey",
      "HMAC-SHA256 key for customerRef pseudonyms",
      "Rotating the key would change every customerRef pseudonym and break linking a customer's " +
        "signals over time; it is generated at deploy time, never leaves Secrets Manager except to " +
        "the ingest functions, and is rotated only by a deliberate re-keying.",
    );
    this.cursorSecret = generatedKey(
      this,
      "CursorKey",
      "HMAC key signing opaque list cursors",
      "Cursors are short-lived paging tokens; the key is generated at deploy time and read only by " +
        "the listing functions. Automatic rotation would only invalidate cursors in flight.",
    );

    this.bus = new EventBus(this, "GovernanceBus", { eventBusName: `strawberry-governance-${stage}` });

    this.deadLetterQueue = new Queue(this, "DeadLetters", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const functionProps = (decl: FunctionDeclaration) => ({
      entry: join(PROJECT_ROOT, decl.entry),
      projectRoot: PROJECT_ROOT,
      stage,
      description: decl.description,
      timeoutSeconds: decl.timeoutSeconds,
      memoryMb: decl.memoryMb,
      logRetention,
    });
    const functions = {} as Record<FunctionName, StrawberryFunction>;
    for (const [name, decl] of Object.entries(FUNCTIONS) as [FunctionName, FunctionDeclaration][]) {
      const fn = new StrawberryFunction(this, `${pascal(name)}Function`, functionProps(decl));
      fn.bindTable(this.table, decl.dynamodb, { indexNames });
      if (decl.hmacSecret) fn.bindSecret(this.hmacSecret, ENV.hmacSecretArn);
      if (decl.cursorSecret) fn.bindSecret(this.cursorSecret, ENV.cursorSecretArn);
      if (decl.publishes) fn.bindEventBus(this.bus);
      functions[name] = fn;
    }
    this.functions = functions;

    // Sign-in: the groups are the roles; a bu-head's units live in a custom attribute that only
    // administrators may write, copied into the access token by the pre-token-generation trigger.
    this.preTokenFunction = new StrawberryFunction(
      this,
      "PreTokenGenerationFunction",
      functionProps(COGNITO.preTokenGeneration),
    );
    this.userPool = new UserPool(this, "UserPool", {
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      customAttributes: {
        [COGNITO.businessUnitIdsAttribute]: new StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: prod,
      removalPolicy: retain,
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenFunction,
      LambdaVersion.V2_0,
    );
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group${pascal(role.replace(/-(.)/g, (_, c: string) => c.toUpperCase()))}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Strawberry role ${role}`,
      });
    }
    this.userPoolClient = this.userPool.addClient("Client", {
      // Sign-in through the Cognito API (SRP from the dashboard, USER_PASSWORD_AUTH from scripts);
      // no hosted UI, so no OAuth flows or callback URLs.
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(prod ? 1 : 7),
      // Users must not be able to grant themselves units: the custom attribute is not writable.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: "AwsSolutions-COG2",
        reason:
          "MFA is OPTIONAL (TOTP) rather than required: `ingest` users are machine clients that sign in " +
          "non-interactively. Require MFA for people through the organisation's sign-in policy.",
      },
      {
        id: "AwsSolutions-COG8",
        reason:
          "Essentials is the plan the pre-token-generation V2 trigger (access token claims) needs; Plus " +
          "adds threat protection at a higher price per MAU. The pool has no self sign-up, a 12-character " +
          "complex password policy and optional TOTP; switch to Plus for prod if the organisation requires it.",
      },
    );

    // The dashboard: private bucket, CloudFront with origin access control.
    const logBucket = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes through an ACL grant to the log-delivery account.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(prod ? 365 : 30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logBucket).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This is the access-log bucket itself; logging it into itself would loop.",
    });
    this.siteBucket = new Bucket(this, "Site", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: "site/",
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.distribution = new Distribution(this, "Dashboard", {
      comment: `Strawberry dashboard (${stage})`,
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: "AwsSolutions-CFR1",
        reason: "The dashboard serves a multinational workforce; access is controlled by sign-in, not geography.",
      },
      {
        id: "AwsSolutions-CFR2",
        reason:
          "Static files only; the API behind it is throttled and authenticated. Attach a WAF web ACL " +
          "when the organisation provides one.",
      },
      {
        id: "AwsSolutions-CFR4",
        reason:
          "Uses the default *.cloudfront.net certificate, for which CloudFront fixes the TLS policy; " +
          "set a custom domain and certificate to pin TLSv1.2_2021.",
      },
    );
    const dashboardOrigin = `https://${this.distribution.distributionDomainName}`;

    // The HTTP API: one route per declaration, JWT (Cognito) on every non-public route.
    const accessLogs = new LogGroup(this, "ApiAccessLogs", { retention: logRetention, removalPolicy: retain });
    this.api = new HttpApi(this, "Api", {
      apiName: `strawberry-${stage}`,
      description: "Strawberry public contract v1",
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [dashboardOrigin, ...(props.extraCorsOrigins ?? [])],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.PUT,
          CorsHttpMethod.POST,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ["authorization", "content-type", "accept"],
        maxAge: Duration.hours(1),
      },
    });
    this.apiStage = new HttpStage(this, "ApiStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 1000, burstLimit: 2000 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            ip: "$context.identity.sourceIp",
            time: "$context.requestTime",
            method: "$context.httpMethod",
            route: "$context.routeKey",
            status: "$context.status",
            responseLength: "$context.responseLength",
            latency: "$context.responseLatency",
            integrationLatency: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
          }),
        ),
      },
    });
    const authorizer = new HttpUserPoolAuthorizer("Cognito", this.userPool, {
      userPoolClients: [this.userPoolClient],
    });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      let integration = integrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascal(route.fn)}Integration`, this.functions[route.fn]);
        integrations.set(route.fn, integration);
      }
      const isPublic = route.access === "public";
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(isPublic ? {} : { authorizer }),
      });
      if (isPublic && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: "AwsSolutions-APIG4",
          reason: `${route.method} ${route.path} is declared public in infra/declarations.ts (DESIGN §4).`,
        });
      }
    }

    // Inbound and governance events on the governance bus; queued targets get a DLQ and report
    // partial batch failures.
    for (const ruleDecl of EVENT_RULES) {
      const fn = this.functions[ruleDecl.target.fn];
      const rule = new Rule(this, `${ruleDecl.id}Rule`, {
        eventBus: this.bus,
        description: ruleDecl.description,
        eventPattern: {
          ...(ruleDecl.pattern.source ? { source: ruleDecl.pattern.source } : {}),
          ...(ruleDecl.pattern["detail-type"] ? { detailType: ruleDecl.pattern["detail-type"] } : {}),
        },
      });
      const queued = ruleDecl.target.queue;
      if (queued) {
        const queue = new Queue(this, `${ruleDecl.id}Queue`, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          // AWS's guidance for SQS event sources: at least six times the function timeout.
          visibilityTimeout: Duration.seconds(6 * fn.timeout!.toSeconds()),
          deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
        });
        rule.addTarget(new SqsQueue(queue, { deadLetterQueue: this.deadLetterQueue }));
        fn.addEventSource(
          new SqsEventSource(queue, {
            batchSize: queued.batchSize,
            maxBatchingWindow: Duration.seconds(queued.maxBatchingWindowSeconds),
            reportBatchItemFailures: true,
          }),
        );
      } else {
        rule.addTarget(new LambdaFunction(fn, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 4 }));
      }
    }

    for (const schedule of props.schedules ?? SCHEDULES) {
      const fn = this.functions[schedule.fn];
      new Schedule(this, `${schedule.id}Schedule`, {
        description: schedule.description,
        schedule: ScheduleExpression.expression(schedule.expression, TimeZone.of(schedule.timeZone)),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject(schedule.input),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
        }),
      });
      this.acknowledgeSchedulerRoles(fn);
    }

    this.deployDashboard(props.webDir ?? join(PROJECT_ROOT, "web"), dashboardOrigin, stage);
    this.addAlarms(props.alarmEmail);

    new CfnOutput(this, "ApiUrl", { value: this.apiStage.url, description: "Base URL of the HTTP API" });
    new CfnOutput(this, "DashboardUrl", { value: dashboardOrigin, description: "The dashboard (CloudFront)" });
    new CfnOutput(this, "UserPoolId", { value: this.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, "EventBusName", { value: this.bus.eventBusName });
    new CfnOutput(this, "TableName", { value: this.table.tableName });
  }

  /** Uploads `web/` and a `config.json` telling the dashboard where the API and user pool are. */
  private deployDashboard(webDir: string, dashboardOrigin: string, stage: Stage): void {
    const config = Source.jsonData("config.json", {
      stage,
      apiUrl: this.apiStage.url,
      region: this.region,
      userPoolId: this.userPool.userPoolId,
      userPoolClientId: this.userPoolClient.userPoolClientId,
      dashboardOrigin,
    });
    const deployment = new BucketDeployment(this, "DeployDashboard", {
      destinationBucket: this.siteBucket,
      sources: existsSync(webDir) ? [Source.asset(webDir), config] : [config],
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
    });
    deployment.node.addDependency(this.apiStage);
    this.acknowledgeBucketDeployment(deployment);
  }

  /**
   * The scheduler's role (one per target function, created by aws-cdk-lib) may invoke the function
   * and its versions (`<arn>:*`): that is how `grantInvoke` names a function, not a wildcard over
   * other resources.
   */
  private acknowledgeSchedulerRoles(fn: StrawberryFunction): void {
    const fnLogicalId = this.getLogicalId(fn.node.defaultChild as CfnFunction);
    for (const child of this.node.children) {
      if (!child.node.id.startsWith("SchedulerRoleForTarget-")) continue;
      Validations.of(child).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
        reason: "The schedule may invoke its target function's versions; the function itself is named.",
      });
    }
  }

  /**
   * BucketDeployment brings a singleton provider function whose role, managed policy and runtime
   * aws-cdk-lib decides: it copies the dashboard from the CDK asset bucket into the site bucket and
   * invalidates the distribution (CloudFront invalidation actions support no resource ARNs).
   */
  private acknowledgeBucketDeployment(deployment: BucketDeployment): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
    const qualifier: string =
      this.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const siteLogicalId = this.getLogicalId(this.siteBucket.node.defaultChild as CfnBucket);
    // cdk-nag renders an environment-agnostic stack's account and region as placeholders.
    const account = Token.isUnresolved(this.account) ? "<AWS::AccountId>" : this.account;
    const region = Token.isUnresolved(this.region) ? "<AWS::Region>" : this.region;
    const reason = "aws-cdk-lib's BucketDeployment provider, scoped by CDK to the asset and site buckets.";
    const findings = [
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
      "AwsSolutions-L1",
      ...["s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:Abort*"].map(
        (action) => `AwsSolutions-IAM5[Action::${action}]`,
      ),
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*]`,
      `AwsSolutions-IAM5[Resource::<${siteLogicalId}.Arn>/*]`,
      "AwsSolutions-IAM5[Resource::*]",
    ];
    for (const target of handler ? [deployment, handler] : [deployment]) {
      Validations.of(target).acknowledge(...findings.map((id) => ({ id, reason })));
    }
  }

  /** Errors and throttles of every function, and anything in the dead-letter queue. */
  private addAlarms(alarmEmail: string | undefined): void {
    const alarms: Alarm[] = [];
    const everyFunction: [string, StrawberryFunction][] = [
      ...Object.entries(this.functions),
      ["preTokenGeneration", this.preTokenFunction],
    ];
    for (const [name, fn] of everyFunction) {
      const id = pascal(name);
      alarms.push(
        new Alarm(this, `${id}ErrorsAlarm`, {
          alarmDescription: `${name}: invocations ended in an error`,
          metric: fn.metricErrors({ period: Duration.minutes(5), statistic: "Sum" }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
        new Alarm(this, `${id}ThrottlesAlarm`, {
          alarmDescription: `${name}: invocations were throttled`,
          metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: "Sum" }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    alarms.push(
      new Alarm(this, "DeadLettersAlarm", {
        alarmDescription: "Messages or events could not be processed or delivered: see the dead-letter queue",
        metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: "Maximum",
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    if (!alarmEmail) return;
    const topic = new Topic(this, "AlarmTopic", { displayName: "Strawberry alarms", enforceSSL: true });
    topic.addSubscription(new EmailSubscription(alarmEmail));
    const action = new SnsAction(topic);
    for (const alarm of alarms) alarm.addAlarmAction(action);
  }
}
