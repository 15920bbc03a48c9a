import * as z from "zod/mini";
import { defineRoute } from "#http/route";
import { Id } from "#schemas/common";
import { MetricsQuery, ProductLineMetrics } from "#schemas/metrics";

const ProductLinePath = z.object({ id: Id });

export const getProductLineMetrics = defineRoute({
  operationId: "getProductLineMetrics",
  method: "GET",
  path: "/v1/product-lines/{id}/metrics",
  tag: "Product lines",
  summary: "A product line's metrics over a quarter, a year or a date range",
  description:
    "Negative rate with its Wilson interval (at the policy's confidence), CSAT mean, NPS, review mean, " +
    "complaints by severity, negative signals by reason and signals by channel, all from the day rollups.",
  access: "metrics.read",
  params: ProductLinePath,
  query: MetricsQuery,
  response: ProductLineMetrics,
  errors: [404],
  fn: {
    name: "metrics",
    entry: "functions/handlers/metrics.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"],
  },
});
