/**
 * The whole deployment, driven by the declarations in `functions/platform/` and `functions/routes/`:
 * the table, one function per `FUNCTIONS` entry with exactly its declared access, one HTTP route per
 * `ROUTES` entry, the `EVENT_RULES` (through SQS where declared) and the `SCHEDULES`. Nothing here
 * names a route or a function: each part is a construct of `./constructs/`, composed here in order.
 * What deployed stacks hold keeps its logical id (see `./constructs/ids.ts`).
 */
import { fileURLToPath } from "node:url";
import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { HttpApi, HttpStage, ThrottleSettings } from "aws-cdk-lib/aws-apigatewayv2";
import type { Distribution } from "aws-cdk-lib/aws-cloudfront";
import type { UserPool, UserPoolClient, UserPoolDomain } from "aws-cdk-lib/aws-cognito";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { EventBus } from "aws-cdk-lib/aws-events";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import type { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Queue } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import type { FunctionName } from "#platform/functions";
import type { ScheduleDeclaration } from "#platform/schedules";
import { Alarms } from "./constructs/alarms";
import { Api } from "./constructs/api";
import { Dashboard } from "./constructs/dashboard";
import { DataTable } from "./constructs/data-table";
import { DeadLetterQueue, EventRules } from "./constructs/event-rules";
import { FunctionSet } from "./constructs/function-set";
import { Schedules } from "./constructs/schedules";
import { CURSOR_KEY, HMAC_KEY, SecretKey } from "./constructs/secret-keys";
import { SignIn } from "./constructs/sign-in";
import type { Stage } from "./constructs/stage";
import type { StrawberryFunction } from "./constructs/strawberry-function";

/** The repository root: handler entries in the declarations are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface StrawberryStackProps extends StackProps {
  /** `prod` retains data (table, user pool, logs) and turns on deletion protection. */
  readonly stage: Stage;
  /**
   * The EventBridge Scheduler schedules. Tests pass samples; deployments use the declarations.
   * @default SCHEDULES from functions/platform/schedules.ts
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
  /** A directory of already built dashboard files. @default - built from `web/` at synthesis (infra/build-web.ts) */
  readonly webDir?: string;
}

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
  /** The hosted UI the dashboard signs people in through. */
  public readonly userPoolDomain: UserPoolDomain;
  public readonly api: HttpApi;
  public readonly apiStage: HttpStage;
  public readonly siteBucket: Bucket;
  public readonly distribution: Distribution;

  public constructor(scope: Construct, id: string, props: StrawberryStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const logRetention =
      props.logRetention ?? (stage === "prod" ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH);
    const functionDefaults = { projectRoot: PROJECT_ROOT, stage, logRetention };

    // Data, keys and messaging: created in the stack's own scope, with the ids deployed stacks know.
    const table = new DataTable(this, "Table", { stage });
    this.table = table;
    this.hmacSecret = new SecretKey(this, "HmacKey", { stage, ...HMAC_KEY });
    this.cursorSecret = new SecretKey(this, "CursorKey", { stage, ...CURSOR_KEY });
    this.bus = new EventBus(this, "GovernanceBus", { eventBusName: `strawberry-governance-${stage}` });
    const deadLetterQueue = new DeadLetterQueue(this, "DeadLetters");
    this.deadLetterQueue = deadLetterQueue;

    const { functions } = new FunctionSet(this, "Functions", {
      ...functionDefaults,
      table,
      hmacSecret: this.hmacSecret,
      cursorSecret: this.cursorSecret,
      bus: this.bus,
    });
    this.functions = functions;
    // The dashboard first: the app client sends people back to its origin after the hosted UI
    // (the distribution refers to nothing of sign-in's, so there is no cycle).
    const dashboard = new Dashboard(this, "Web", { stage });
    this.siteBucket = dashboard.siteBucket;
    this.distribution = dashboard.distribution;
    const signIn = new SignIn(this, "SignIn", { ...functionDefaults, dashboardOrigin: dashboard.origin });
    this.preTokenFunction = signIn.preTokenFunction;
    this.userPool = signIn.userPool;
    this.userPoolClient = signIn.client;
    this.userPoolDomain = signIn.domain;
    const api = new Api(this, "HttpApi", {
      stage,
      functions,
      userPool: this.userPool,
      userPoolClient: this.userPoolClient,
      corsOrigins: [dashboard.origin, ...(props.extraCorsOrigins ?? [])],
      throttle: props.throttle,
      logRetention,
    });
    this.api = api.httpApi;
    this.apiStage = api.stage;

    new EventRules(this, "EventRules", { bus: this.bus, functions, deadLetterQueue });
    new Schedules(this, "Schedules", { functions, deadLetterQueue, schedules: props.schedules });
    dashboard.deployContent({
      ...(props.webDir ? { webDir: props.webDir } : {}),
      apiStage: this.apiStage,
      userPool: this.userPool,
      userPoolClient: this.userPoolClient,
      userPoolDomain: this.userPoolDomain,
    });
    new Alarms(this, "Alarms", {
      functions: { ...functions, preTokenGeneration: this.preTokenFunction },
      deadLetterQueue,
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, "ApiUrl", { value: this.apiStage.url, description: "Base URL of the HTTP API" });
    new CfnOutput(this, "DashboardUrl", {
      value: dashboard.origin,
      description: "The dashboard (CloudFront)",
    });
    new CfnOutput(this, "UserPoolId", { value: this.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, "EventBusName", { value: this.bus.eventBusName });
    new CfnOutput(this, "TableName", { value: this.table.tableName });
  }
}
