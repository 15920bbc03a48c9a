/**
 * One Lambda per `FUNCTIONS` entry (`#platform/functions`), each granted exactly what its declaration
 * says: its DynamoDB actions, the secret keys it reads, and the bus if it publishes. The routes, the
 * event rules and the schedules only wire these functions; none of them grants anything.
 */
import { join } from "node:path";
import type { IEventBus } from "aws-cdk-lib/aws-events";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { ENV } from "#platform/env";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import type { FunctionDeclaration } from "#platform/lambda";
import type { DataTable } from "./data-table";
import { pascal } from "./ids";
import type { Stage } from "./stage";
import { StrawberryFunction } from "./strawberry-function";

/** What every declared function shares, whichever construct creates it. */
export interface FunctionDefaults {
  /** Absolute path of the repository root: declared handler entries are relative to it. */
  readonly projectRoot: string;
  /** Sets the functions' log level and `STAGE`, and whether their logs are retained. */
  readonly stage: Stage;
  /** How long the functions' log groups keep their events. */
  readonly logRetention: RetentionDays;
}

/**
 * The function a declaration describes, with the id `<Name>Function`, and no access yet beyond
 * writing its own logs.
 */
export const declaredFunction = (
  scope: Construct,
  declaration: FunctionDeclaration,
  defaults: FunctionDefaults,
): StrawberryFunction =>
  new StrawberryFunction(scope, `${pascal(declaration.name)}Function`, {
    entry: join(defaults.projectRoot, declaration.entry),
    projectRoot: defaults.projectRoot,
    stage: defaults.stage,
    description: declaration.description ?? declaration.name,
    timeoutSeconds: declaration.timeoutSeconds,
    memoryMb: declaration.memoryMb,
    logRetention: defaults.logRetention,
  });

export interface FunctionSetProps extends FunctionDefaults {
  /** The table every function is told the name of, and granted its declared actions on. */
  readonly table: DataTable;
  /** Readable by the functions that declare `hmac` (passed as `HMAC_SECRET_ARN`). */
  readonly hmacSecret: ISecret;
  /** Readable by the functions that declare `cursor` or serve a paged route (`CURSOR_SECRET_ARN`). */
  readonly cursorSecret: ISecret;
  /** Writable (`events:PutEvents`) by the functions that declare `publishes` (`EVENT_BUS_NAME`). */
  readonly bus: IEventBus;
}

/** Every declared function, by name. */
export class FunctionSet extends Construct {
  public readonly functions: Readonly<Record<FunctionName, StrawberryFunction>>;

  public constructor(scope: Construct, id: string, props: FunctionSetProps) {
    super(scope, id);
    const functions = {} as Record<FunctionName, StrawberryFunction>;
    for (const declaration of Object.values(FUNCTIONS)) {
      const fn = declaredFunction(this, declaration, props);
      fn.bindTable(props.table, declaration.dynamodb, { indexNames: props.table.indexNames });
      if (declaration.secrets.includes("hmac")) fn.bindSecret(props.hmacSecret, ENV.hmacSecretArn);
      if (declaration.secrets.includes("cursor")) fn.bindSecret(props.cursorSecret, ENV.cursorSecretArn);
      if (declaration.publishes) fn.bindEventBus(props.bus);
      functions[declaration.name] = fn;
    }
    this.functions = functions;
  }
}
