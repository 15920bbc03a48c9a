import { defineRoute } from "#http/route";
import { INGEST_ACTIONS } from "#platform/lambda";
import { QuarantinedSignal, ReplayRequest, ReplayResult } from "#schemas/quarantine";

export const listQuarantine = defineRoute({
  operationId: "listQuarantine",
  method: "GET",
  path: "/v1/quarantine",
  tag: "Quarantine",
  summary: "Quarantined signals, oldest first (PII masked)",
  access: "quarantine.read",
  page: { item: QuarantinedSignal, defaultLimit: 100, maxLimit: 500 },
  fn: {
    name: "quarantineRead",
    entry: "functions/handlers/quarantine-read.ts",
    dynamodb: ["dynamodb:Query"],
  },
});

export const replayQuarantine = defineRoute({
  operationId: "replayQuarantine",
  method: "POST",
  path: "/v1/quarantine/replay",
  tag: "Quarantine",
  summary: "Count quarantined signals whose product line is now in the catalog",
  description:
    "Replays the signals named (all of them when the body or signalIds is absent) through normal " +
    "ingestion exactly once; those whose line is still unknown stay quarantined.",
  access: "quarantine.replay",
  body: ReplayRequest,
  bodyOptional: true,
  response: ReplayResult,
  fn: {
    name: "quarantineReplay",
    entry: "functions/handlers/quarantine-replay.ts",
    dynamodb: INGEST_ACTIONS,
    publishes: true,
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
});
