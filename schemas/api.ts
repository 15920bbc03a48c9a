/**
 * What each route takes and answers, by route key (`METHOD path`) as declared in
 * `infra/declarations.ts`. The OpenAPI document is generated from this map and the schemas.
 */
import * as z from "zod/mini";
import { Health } from "./auth";
import { Catalog } from "./catalog";
import { MetricsQuery, ProductLineMetrics } from "./metrics";
import { QuarantinePage, QuarantineQuery, ReplayRequest, ReplayResult } from "./quarantine";
import { IngestResult, Signal } from "./signal";
import "./zod";

export interface Operation {
  summary: string;
  request?: z.ZodMiniType;
  query?: z.ZodMiniObject;
  response: z.ZodMiniType;
}

export const CatalogUpsertResult = z.object({ businessUnits: z.int(), productLines: z.int() });

export const OPERATIONS: Record<string, Operation> = {
  "GET /v1/health": { summary: "Liveness", response: Health },
  "GET /v1/openapi.json": { summary: "This document", response: z.record(z.string(), z.unknown()) },
  "GET /v1/catalog": { summary: "Business units and product lines", response: Catalog },
  "PUT /v1/catalog": {
    summary: "Upsert business units and product lines",
    request: Catalog,
    response: CatalogUpsertResult,
  },
  "POST /v1/signals": {
    summary: "Ingest 1..500 signals; each invalid one is rejected by index, unknown lines are quarantined",
    request: z.object({ signals: z.array(Signal).check(z.minLength(1), z.maxLength(500)) }),
    response: IngestResult,
  },
  "GET /v1/product-lines/{id}/metrics": {
    summary: "A product line's metrics over a period (from rollups)",
    query: MetricsQuery,
    response: ProductLineMetrics,
  },
  "GET /v1/quarantine": { summary: "Quarantined signals", query: QuarantineQuery, response: QuarantinePage },
  "POST /v1/quarantine/replay": {
    summary: "Replay quarantined signals whose product line now exists",
    request: ReplayRequest,
    response: ReplayResult,
  },
};
