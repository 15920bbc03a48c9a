import { defineRoute } from "#http/route";
import type { DynamoAction } from "#platform/lambda";
import { Awards, AwardsPath, AwardsRequest } from "#schemas/award";

/**
 * What running the awards does: reads the policy, the catalog, the period totals, the stored head
 * and parts and the winners' voices; writes parts, the head (with the outbox event in one
 * transaction when it finalizes), deletes replaced parts; relays the outbox.
 */
export const AWARDS_ACCESS = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:BatchWriteItem",
] as const satisfies readonly DynamoAction[];

export const postAwards = defineRoute({
  operationId: "postAwards",
  method: "POST",
  path: "/v1/awards",
  tag: "Awards",
  summary: "Run the Red and Rotten Strawberry awards of a year or a quarter (a preview, or final)",
  description:
    "Ranks the lines with at least awards.minSample signals in the period by the shrunk rate " +
    "(negatives + m·p0) / (n + m), p0 the pooled rate of the period: Red are the count lowest, Rotten " +
    "the count highest (ties to the larger n, then the smaller id; with fewer than 2 × count eligible " +
    "lines each list gets half of them, so no line is both). Each award is explained in zh-CN and en and " +
    "cites up to 3 customers' words. A preview replaces the stored preview; `finalize` (a period that " +
    "has ended) makes the period immutable and publishes Awards Published. Once final, every run " +
    "answers the stored awards, and `finalize: false` is a 409.",
  access: "awards.run",
  body: AwardsRequest,
  response: Awards,
  errors: [409],
  fn: {
    name: "awards",
    entry: "functions/handlers/awards-run.ts",
    dynamodb: AWARDS_ACCESS,
    publishes: true,
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
});

export const getAwards = defineRoute({
  operationId: "getAwards",
  method: "GET",
  path: "/v1/awards/{period}",
  tag: "Awards",
  summary: "The stored awards of a year or a quarter (final, or the latest preview)",
  access: "awards.read",
  params: AwardsPath,
  response: Awards,
  errors: [404],
  fn: {
    name: "awardsRead",
    entry: "functions/handlers/awards-read.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:Query"],
  },
});
