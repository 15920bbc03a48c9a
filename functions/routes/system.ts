import * as z from "zod/mini";
import { defineRoute } from "#http/route";
import { Health } from "#schemas/auth";

export const getHealth = defineRoute({
  operationId: "getHealth",
  method: "GET",
  path: "/v1/health",
  tag: "System",
  summary: "Whether the API is up",
  access: "public",
  response: Health,
  fn: { name: "health", entry: "functions/handlers/health.ts", dynamodb: [] },
});

export const getOpenApi = defineRoute({
  operationId: "getOpenApi",
  method: "GET",
  path: "/v1/openapi.json",
  tag: "System",
  summary: "This document: the OpenAPI 3.1 description of the v1 contract",
  access: "public",
  response: z.record(z.string(), z.unknown()),
  fn: { name: "openapi", entry: "functions/handlers/openapi.ts", dynamodb: [] },
});
