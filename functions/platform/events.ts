/**
 * The event rules on the governance bus, declared once: the CDK stack creates them (through SQS
 * with a dead-letter queue where `queue` is set) and the local in-process bus applies the same
 * matching, batching and redelivery.
 */
import { SIGNAL_DETAIL_TYPE } from "#schemas/events";
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
        timeoutSeconds: 60,
        memoryMb: 512,
      },
      queue: { batchSize: 100, maxBatchingWindowSeconds: 2 },
    },
  },
] as const satisfies readonly EventRuleDeclaration[];
