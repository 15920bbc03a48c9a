/**
 * Declared once: the table, the functions (with exactly the AWS access each one uses), the HTTP
 * routes, the event rules and the schedules. The CDK stack (`infra/stack.ts`) and the local runtime
 * (`infra/local/`) both read this module, so adding a route is one line here.
 */
import type { Role } from "../schemas/common";

/** The single table. Access patterns are documented in README.md ("Table design"). */
export const TABLE = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  /** Rollup items per product line per day: spreads a hot line's increments over this many keys. */
  rollupShards: 4,
} as const;

/** Environment variable names shared by the stack, the local runtime and the handlers. */
export const ENV = {
  tableName: "TABLE_NAME",
  hmacSecretArn: "HMAC_SECRET_ARN",
  hmacKey: "HMAC_KEY",
  cursorKey: "CURSOR_KEY",
  cursorSecretArn: "CURSOR_SECRET_ARN",
  busName: "EVENT_BUS_NAME",
  stage: "STAGE",
} as const;

type DynamoAction =
  | "dynamodb:GetItem"
  | "dynamodb:BatchGetItem"
  | "dynamodb:Query"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:DeleteItem"
  | "dynamodb:ConditionCheckItem"
  | "dynamodb:BatchWriteItem";

export interface FunctionDeclaration {
  /** Handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  /** The DynamoDB actions the handler issues (on the table and its indexes), nothing more. */
  dynamodb: readonly DynamoAction[];
  /** Reads the HMAC key used to pseudonymize `customerRef`. */
  hmacSecret?: boolean;
  /** Signs or verifies opaque list cursors. */
  cursorSecret?: boolean;
  /** Publishes to the governance bus. */
  publishes?: boolean;
  /** @default 10 */
  timeoutSeconds?: number;
  /** @default 256 */
  memoryMb?: number;
}

const INGEST_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:ConditionCheckItem",
] as const satisfies readonly DynamoAction[];

export const FUNCTIONS = {
  health: {
    entry: "functions/handlers/health.ts",
    description: "GET /v1/health",
    dynamodb: [],
  },
  openapi: {
    entry: "functions/handlers/openapi.ts",
    description: "GET /v1/openapi.json, generated from the zod schemas",
    dynamodb: [],
  },
  catalogRead: {
    entry: "functions/handlers/catalog-read.ts",
    description: "GET /v1/catalog",
    dynamodb: ["dynamodb:Query"],
  },
  catalogWrite: {
    entry: "functions/handlers/catalog-write.ts",
    description: "PUT /v1/catalog (upsert)",
    dynamodb: ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem"],
    timeoutSeconds: 30,
  },
  ingest: {
    entry: "functions/handlers/ingest-http.ts",
    description: "POST /v1/signals",
    dynamodb: INGEST_ACTIONS,
    hmacSecret: true,
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  ingestWorker: {
    entry: "functions/handlers/ingest-worker.ts",
    description: "Satisfaction Signal events from SQS",
    dynamodb: INGEST_ACTIONS,
    hmacSecret: true,
    timeoutSeconds: 60,
    memoryMb: 512,
  },
  metrics: {
    entry: "functions/handlers/metrics.ts",
    description: "GET /v1/product-lines/{id}/metrics (rollups only)",
    dynamodb: ["dynamodb:GetItem", "dynamodb:Query"],
  },
  quarantineRead: {
    entry: "functions/handlers/quarantine-read.ts",
    description: "GET /v1/quarantine",
    dynamodb: ["dynamodb:Query"],
    cursorSecret: true,
  },
  quarantineReplay: {
    entry: "functions/handlers/quarantine-replay.ts",
    description: "POST /v1/quarantine/replay",
    dynamodb: [...INGEST_ACTIONS, "dynamodb:Query"],
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
} as const satisfies Record<string, FunctionDeclaration>;

export type FunctionName = keyof typeof FUNCTIONS;

/** `"public"`: no token needed. Otherwise the roles allowed on the route (objects are checked in the handler). */
export type RouteAccess = "public" | readonly Role[];

export const SIGNED_IN: readonly Role[] = ["cco", "bu-head", "executive"];

export interface RouteDeclaration {
  method: "GET" | "PUT" | "POST" | "DELETE";
  /** API Gateway path syntax: `{id}` for a path parameter. */
  path: string;
  fn: FunctionName;
  access: RouteAccess;
}

export const ROUTES: readonly RouteDeclaration[] = [
  { method: "GET", path: "/v1/health", fn: "health", access: "public" },
  { method: "GET", path: "/v1/openapi.json", fn: "openapi", access: "public" },
  { method: "GET", path: "/v1/catalog", fn: "catalogRead", access: SIGNED_IN },
  { method: "PUT", path: "/v1/catalog", fn: "catalogWrite", access: ["cco"] },
  { method: "POST", path: "/v1/signals", fn: "ingest", access: ["ingest", "cco"] },
  { method: "GET", path: "/v1/product-lines/{id}/metrics", fn: "metrics", access: SIGNED_IN },
  { method: "GET", path: "/v1/quarantine", fn: "quarantineRead", access: ["cco"] },
  { method: "POST", path: "/v1/quarantine/replay", fn: "quarantineReplay", access: ["cco"] },
];

/** Inbound and governance event rules. `queue` targets go through SQS (with a DLQ) to `fn`. */
export interface EventRuleDeclaration {
  id: string;
  description: string;
  pattern: { source?: string[]; "detail-type"?: string[] };
  target: { fn: FunctionName; queue?: { batchSize: number; maxBatchingWindowSeconds: number } };
}

export const GOVERNANCE_SOURCE = "strawberry.governance";

export const EVENT_RULES: readonly EventRuleDeclaration[] = [
  {
    id: "SatisfactionSignals",
    description: "Signals sent by channels as events, ingested through a queue",
    pattern: { "detail-type": ["Satisfaction Signal"] },
    target: { fn: "ingestWorker", queue: { batchSize: 100, maxBatchingWindowSeconds: 2 } },
  },
];

/** EventBridge Scheduler schedules, evaluated in the policy's default time zone. */
export interface ScheduleDeclaration {
  id: string;
  description: string;
  expression: string;
  timeZone: string;
  fn: FunctionName;
  /** Sent as the event to the function. */
  input: Record<string, unknown>;
}

export const SCHEDULES: readonly ScheduleDeclaration[] = [];

/**
 * Sign-in in AWS (Cognito; the local runtime issues dev tokens instead). The user pool's groups are
 * the roles; the custom attribute holding a `bu-head`'s unit ids (separated by `;`, `,` or spaces) is copied into
 * the access token as the `businessUnitIds` claim by the pre-token-generation trigger below.
 */
export const COGNITO = {
  businessUnitIdsAttribute: "businessUnitIds",
  businessUnitIdsClaim: "businessUnitIds",
  preTokenGeneration: {
    entry: "functions/handlers/cognito-pre-token.ts",
    description: "Cognito pre token generation (V2): businessUnitIds into the access token",
    dynamodb: [],
  },
} as const satisfies {
  businessUnitIdsAttribute: string;
  businessUnitIdsClaim: string;
  preTokenGeneration: FunctionDeclaration;
};
