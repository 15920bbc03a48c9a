import * as z from "zod/mini";
import { defineRoute } from "#http/route";
import { Health } from "#schemas/auth";

export const getHealth = defineRoute({
  operationId: "getHealth",
  method: "GET",
  path: "/v1/health",
  tag: "System",
  summary: "Whether the API and its database are up",
  description:
    '200 `{"status":"ok"}` when the API can read its table; 503 naming what is down otherwise, so a ' +
    "load balancer or an operator never mistakes a platform without its database for a healthy one.",
  access: "public",
  response: Health,
  errors: [503],
  fn: { name: "health", entry: "functions/handlers/health.ts", dynamodb: ["dynamodb:GetItem"] },
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
