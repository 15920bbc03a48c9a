import { defineRoute } from "#http/route";
import { Andon, AndonActionRequest, AndonPath, AndonsQuery } from "#schemas/andon";

/** What relaying the outbox right after a change does: read it, claim events, delete what went out. */
const RELAY = ["dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"] as const;

export const listAndons = defineRoute({
  operationId: "listAndons",
  method: "GET",
  path: "/v1/andons",
  tag: "Andons",
  summary:
    "Andons, newest first, with the complaints that raised them (a bu-head sees their own units' only)",
  description:
    "An Andon is raised by the ingest when a line reaches the policy's `andon.criticalPerDay` critical " +
    "complaints in one day (policy time zone): one per line per day. It quotes that day's critical " +
    "complaints with words, PII masked. A bu-head naming another unit gets 403.",
  access: "andons.read",
  query: AndonsQuery,
  page: { item: Andon, defaultLimit: 50, maxLimit: 100 },
  fn: { name: "andonsList", entry: "functions/handlers/andons-list.ts", dynamodb: ["dynamodb:Query"] },
});

export const getAndon = defineRoute({
  operationId: "getAndon",
  method: "GET",
  path: "/v1/andons/{id}",
  tag: "Andons",
  summary: "One Andon with its complaints, its decision and its audit trail",
  description: "Another unit's Andon is a 403 for a bu-head.",
  access: "andons.read",
  params: AndonPath,
  response: Andon,
  errors: [404],
  fn: { name: "andonRead", entry: "functions/handlers/andon-read.ts", dynamodb: ["dynamodb:GetItem"] },
});

export const postAndonAction = defineRoute({
  operationId: "postAndonAction",
  method: "POST",
  path: "/v1/andons/{id}/actions",
  tag: "Andons",
  summary: "Confirm an Andon (issues a notice and pulls the line) or dismiss it with a reason",
  description:
    "Carries the version the caller saw: a stale version is a 409, and so is an Andon already decided. " +
    "`dismiss` needs a `comment` (400 without one). `confirm` issues a notice with the normal lifecycle " +
    "(source `andon`, outside the quarterly review, citing the complaints) and pulls the line; on a line " +
    "that already has an open notice it is recorded on that notice instead (`linked`), as a line never " +
    "has two. Confirming twice, even at once, issues one notice. Every decision is audited.",
  access: "andons.decide",
  params: AndonPath,
  body: AndonActionRequest,
  response: Andon,
  errors: [404, 409],
  fn: {
    name: "andonAction",
    entry: "functions/handlers/andon-action.ts",
    // The Andon, the policy, the line's open notice; the day's rollups, the quarter's figures
    // (catalog and totals) for the notice's evidence; the decision's transaction; the relay.
    dynamodb: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", ...RELAY],
    publishes: true,
  },
});
