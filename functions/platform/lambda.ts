/**
 * What a function is, as the CDK stack and the local runtime need to know it: its handler module and
 * exactly the AWS access it uses. Each function is declared where it is wired: a route
 * (`functions/routes/`), an event rule (`./events.ts`), a schedule (`./schedules.ts`) or Cognito
 * (`./cognito.ts`); `./functions.ts` gathers them.
 */

export type DynamoAction =
  | "dynamodb:GetItem"
  | "dynamodb:BatchGetItem"
  | "dynamodb:Query"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:DeleteItem"
  | "dynamodb:ConditionCheckItem"
  | "dynamodb:BatchWriteItem";

/** The secret keys a function may read: customerRef pseudonyms, list cursors. */
export type SecretName = "hmac" | "cursor";

export interface FunctionDeclaration {
  /** Unique among functions; the CDK construct is `<Name>Function`. */
  readonly name: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** The Lambda description. @default the route keys it serves, or the rule or schedule */
  readonly description?: string;
  /** The DynamoDB actions the handler issues (on the table and its indexes), nothing more. */
  readonly dynamodb: readonly DynamoAction[];
  /** Secret keys it reads. A function serving a paged route reads the cursor key without saying so. */
  readonly secrets?: readonly SecretName[];
  /** Publishes to the governance bus. */
  readonly publishes?: boolean;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 256 */
  readonly memoryMb?: number;
}

/**
 * What ingesting a signal does: catalog look-ups, the conditional put, the rollup increment; and the
 * Andon check: the rollups of the batch's critical line-days (`BatchGetItem`), and for an Andon it
 * raises the day's critical voices (`Query`), its transaction (`PutItem`) and the relay of its event
 * (`Query`, `UpdateItem`, `BatchWriteItem`). Functions that ingest therefore also publish.
 */
export const INGEST_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:Query",
  "dynamodb:BatchWriteItem",
] as const satisfies readonly DynamoAction[];
