import * as z from "zod/mini";
import { defineRoute } from "#http/route";
import { Id } from "#schemas/common";
import { MetricsQuery, ProductLineMetrics } from "#schemas/metrics";
import { Trend, TrendQuery } from "#schemas/trend";

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

export const getProductLineTrend = defineRoute({
  operationId: "getProductLineTrend",
  method: "GET",
  path: "/v1/product-lines/{id}/trend",
  tag: "Product lines",
  summary: "A product line's signals, negatives and negative rate by day, week or month",
  description:
    "From the day rollups, in the policy's time zone; weeks start on Monday. Without dates, the last " +
    "12 weeks up to today; a range may span at most three years. Buckets without signals are kept, with " +
    "no rate.",
  access: "trend.read",
  params: ProductLinePath,
  query: TrendQuery,
  response: Trend,
  errors: [404],
  fn: {
    name: "trend",
    entry: "functions/handlers/trend.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"],
  },
});
