import { defineRoute } from "#http/route";
import { INGEST_ACTIONS } from "#platform/lambda";
import { IngestResult, MAX_SIGNALS_PER_BATCH, SignalBatch } from "#schemas/signal";

export const postSignals = defineRoute({
  operationId: "postSignals",
  method: "POST",
  path: "/v1/signals",
  tag: "Signals",
  summary: `Ingest 1..${MAX_SIGNALS_PER_BATCH} signals`,
  description:
    "Each valid signal is stored and counted exactly once (its signalId deduplicates, ever); each " +
    "invalid one is rejected by its index with field paths while the others land; signals for product " +
    "lines not in the catalog are quarantined. Bodies over 1 MiB get 413.",
  access: "signals.ingest",
  body: SignalBatch,
  response: IngestResult,
  fn: {
    name: "ingest",
    entry: "functions/handlers/ingest-http.ts",
    dynamodb: INGEST_ACTIONS,
    secrets: ["hmac"],
    publishes: true,
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
});
