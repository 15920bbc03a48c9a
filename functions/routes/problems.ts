import { defineRoute } from "#http/route";
import { ProblemBoard, ProblemsQuery } from "#schemas/problems";

export const getProblemBoard = defineRoute({
  operationId: "getProblemBoard",
  method: "GET",
  path: "/v1/problems",
  tag: "Problems",
  summary: "Negative signals by reason per line, unit and category, against the previous period",
  description:
    "The root-cause register of a quarter or year: what drives each unit's negative rate (quality, " +
    "logistics, description mismatch, service attitude, price, safety), and how it changed since the " +
    "previous period. From the period totals; `asOf` says when they were read. Also as CSV (one row per line).",
  access: "problems.read",
  query: ProblemsQuery,
  response: ProblemBoard,
  csv: { filename: "problems" },
  fn: { name: "problems", entry: "functions/handlers/problems.ts", dynamodb: ["dynamodb:Query"] },
});
