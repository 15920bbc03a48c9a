import { defineRoute } from "#http/route";
import { RankedLine, RankingEnvelope, RankingsQuery } from "#schemas/ranking";

export const listRankings = defineRoute({
  operationId: "listRankings",
  method: "GET",
  path: "/v1/rankings",
  tag: "Rankings",
  summary: "Every product line of a quarter or year, best to worst by shrunk rate",
  description:
    "Each line with its signals, negatives, negative rate and Wilson interval, its shrunk rate " +
    "(negatives + m·p0) / (n + m) under the policy in force, and whether it is pulled, at risk or under an " +
    "Andon. Ranks are among all lines; unit and category filters only choose which are listed. The " +
    "figures may be up to 30 seconds old: `asOf` says when they were read. Also as CSV.",
  access: "rankings.read",
  query: RankingsQuery,
  page: { item: RankedLine, envelope: RankingEnvelope, defaultLimit: 100, maxLimit: 10_000 },
  csv: { filename: "rankings" },
  fn: {
    name: "rankings",
    entry: "functions/handlers/rankings.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:Query"],
  },
});
