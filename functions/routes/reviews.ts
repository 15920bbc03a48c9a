import { defineRoute } from "#http/route";
import { QuarterPath, Review, ReviewRequest } from "#schemas/review";

/** What running a review does: reads totals, notices and voices; writes notices, the review and events. */
export const REVIEW_ACCESS = [
  "dynamodb:Query",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
] as const;

export const postReview = defineRoute({
  operationId: "postReview",
  method: "POST",
  path: "/v1/reviews",
  tag: "Reviews",
  summary: "Run the pull-and-fix review of a quarter (or a dry run, or a what-if)",
  description:
    "Flags each line with at least minSample signals whose Wilson lower bound clears " +
    "max(absoluteThreshold, relativeThreshold × pooled rate), or whose critical complaints reach " +
    "criticalComplaints, and issues one notice per flagged line with its evidence. Re-running a quarter " +
    "under the same policy version returns the stored review and issues nothing twice. `dryRun` stores " +
    "nothing; with `policy` (some settings) it is the what-if, with the lines whose flag would change.",
  access: "reviews.run",
  body: ReviewRequest,
  response: Review,
  fn: {
    name: "review",
    entry: "functions/handlers/review-run.ts",
    dynamodb: REVIEW_ACCESS,
    publishes: true,
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
});

export const getReview = defineRoute({
  operationId: "getReview",
  method: "GET",
  path: "/v1/reviews/{quarter}",
  tag: "Reviews",
  summary: "The stored review of a quarter (under the highest policy version it was run with)",
  access: "reviews.read",
  params: QuarterPath,
  response: Review,
  errors: [404],
  fn: { name: "reviewRead", entry: "functions/handlers/review-read.ts", dynamodb: ["dynamodb:Query"] },
});
