/**
 * The one function construct: every Strawberry Lambda runs Node.js 22 on arm64 with active
 * tracing, source-mapped stack traces, a log group with a retention, the Powertools settings and the
 * shared esbuild bundling (`infra/bundling.ts`). Access is granted per function by the `bind…`
 * methods, each naming its resource; nothing is granted by default beyond writing its own logs.
 */
import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import { Effect, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { cdkBundling } from "#infra/bundling";
import { ENV } from "#platform/env";
import { logLevelFor, type Stage } from "./stage";

export interface StrawberryFunctionProps {
  /** Absolute path of the handler module; it exports `handler`. */
  readonly entry: string;
  /** Absolute path of the repository root (holds `package-lock.json`). */
  readonly projectRoot: string;
  /** Sets the Powertools log level (`DEBUG` in dev, `INFO` in prod) and the `STAGE` variable. */
  readonly stage: Stage;
  /** @default - none */
  readonly description?: string;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 256 */
  readonly memoryMb?: number;
  /** How long the function's log group keeps its events. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** `POWERTOOLS_SERVICE_NAME`. @default "strawberry" */
  readonly serviceName?: string;
  /** `POWERTOOLS_METRICS_NAMESPACE`. @default "Strawberry" */
  readonly metricsNamespace?: string;
  /** Extra environment variables. @default - none */
  readonly environment?: Record<string, string>;
}

/** Options of {@link StrawberryFunction.bindTable}. */
export interface BindTableOptions {
  /**
   * The table's index names, granted `dynamodb:Query` when the actions include it.
   * @default ["*"] - every index of the table
   */
  readonly indexNames?: readonly string[];
}

const XRAY_ACKNOWLEDGEMENT = {
  id: "AwsSolutions-IAM5[Resource::*]",
  reason:
    "Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level " +
    "permissions, so AWS requires Resource '*' for them. Every other statement names its resource.",
};

export class StrawberryFunction extends NodejsFunction {
  /** The execution role: logs to its own group, plus what the `bind…` methods grant. */
  public readonly executionRole: Role;

  public constructor(scope: Construct, id: string, props: StrawberryFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // An own role instead of the AWSLambdaBasicExecutionRole managed policy, which allows writing
    // to every log group in the account.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Execution role of ${id}`,
      inlinePolicies: {
        logs: new PolicyDocument({
          statements: [
            new PolicyStatement({
              effect: Effect.ALLOW,
              actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
              resources: [logGroup.logGroupArn],
            }),
          ],
        }),
      },
    });
    Validations.of(role).acknowledge(XRAY_ACKNOWLEDGEMENT);

    super(scope, id, {
      entry: props.entry,
      handler: "handler",
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      memorySize: props.memoryMb ?? 256,
      role,
      logGroup,
      bundling: cdkBundling(),
      environment: {
        NODE_OPTIONS: "--enable-source-maps",
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? "strawberry",
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace ?? "Strawberry",
        POWERTOOLS_LOG_LEVEL: logLevelFor(props.stage),
        [ENV.stage]: props.stage,
        ...props.environment,
      },
    });
    this.executionRole = role;
    Validations.of(this).acknowledge({
      id: "AwsSolutions-L1",
      reason:
        "Node.js 22 is the runtime the functions are built, bundled (target node22) and benchmarked for; " +
        "moving to a newer runtime is a deliberate upgrade, not a drive-by.",
    });
  }

  /**
   * Passes the table name (`TABLE_NAME`) and allows exactly `actions` on the table, and on its
   * indexes only when `dynamodb:Query` is among them (the only declared action that reads indexes).
   * With no actions, only the name is passed.
   */
  public bindTable(table: ITable, actions: readonly string[], options: BindTableOptions = {}): void {
    this.addEnvironment(ENV.tableName, table.tableName);
    if (actions.length === 0) return;
    const resources = [table.tableArn];
    if (actions.includes("dynamodb:Query")) {
      for (const indexName of options.indexNames ?? ["*"]) {
        resources.push(`${table.tableArn}/index/${indexName}`);
      }
    }
    this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...actions], resources }));
  }

  /** Passes the secret's ARN in `envName` and allows reading that secret only. */
  public bindSecret(secret: ISecret, envName: string): void {
    this.addEnvironment(envName, secret.secretArn);
    secret.grantRead(this);
  }

  /** Passes the bus name (`EVENT_BUS_NAME`) and allows `events:PutEvents` on that bus only. */
  public bindEventBus(bus: IEventBus): void {
    this.addEnvironment(ENV.busName, bus.eventBusName);
    this.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["events:PutEvents"],
        resources: [bus.eventBusArn],
      }),
    );
  }
}
