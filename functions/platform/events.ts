/**
 * The event rules on the governance bus, declared once: the CDK stack creates them (through SQS
 * with a dead-letter queue where `queue` is set) and the local in-process bus applies the same
 * matching, batching and redelivery.
 */
import { NOTIFYING_TYPES } from "#core/notifications";
import { GOVERNANCE_SOURCE, SIGNAL_DETAIL_TYPE } from "#schemas/events";
import { type FunctionDeclaration, INGEST_ACTIONS } from "./lambda";

export interface EventRuleDeclaration {
  readonly id: string;
  readonly description: string;
  readonly pattern: { readonly source?: readonly string[]; readonly "detail-type"?: readonly string[] };
  readonly target: {
    readonly fn: FunctionDeclaration;
    /** Deliver through an SQS queue in batches; the function reports partial batch failures. */
    readonly queue?: { readonly batchSize: number; readonly maxBatchingWindowSeconds: number };
  };
}

/** How hard delivery tries before the dead-letter queue: the stack sets these, the local bus applies them. */
export const DELIVERY = {
  /** Receives of a queued message. */
  maxReceiveCount: 5,
  /** EventBridge's retries of a direct Lambda target. */
  directRetryAttempts: 4,
} as const;

export const EVENT_RULES = [
  {
    id: "SatisfactionSignals",
    description: "Signals sent by channels as events, ingested through a queue",
    pattern: { "detail-type": [SIGNAL_DETAIL_TYPE] },
    target: {
      fn: {
        name: "ingestWorker",
        entry: "functions/handlers/ingest-worker.ts",
        description: "Satisfaction Signal events from SQS",
        dynamodb: INGEST_ACTIONS,
        secrets: ["hmac"],
        publishes: true,
        timeoutSeconds: 60,
        memoryMb: 512,
      },
      queue: { batchSize: 100, maxBatchingWindowSeconds: 2 },
    },
  },
  {
    id: "Notifier",
    description: "Governance events that someone is told of, turned into notifications",
    pattern: { source: [GOVERNANCE_SOURCE], "detail-type": NOTIFYING_TYPES },
    target: {
      fn: {
        name: "notifier",
        entry: "functions/handlers/notifier.ts",
        description: "Notifications from governance events",
        dynamodb: ["dynamodb:BatchWriteItem"],
        timeoutSeconds: 30,
      },
    },
  },
] as const satisfies readonly EventRuleDeclaration[];
