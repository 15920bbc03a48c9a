import { defineRoute } from "#http/route";
import { AnswerChaseRequest, Chase, ChasePath, ChasesQuery, RaiseChaseRequest } from "#schemas/chase";

/** What relaying the outbox right after a change does: read it, claim events, delete what went out. */
const RELAY = ["dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"] as const;

export const raiseChase = defineRoute({
  operationId: "raiseChase",
  method: "POST",
  path: "/v1/chases",
  tag: "Chases",
  summary: "Raise a chase from a customer voice: a question routed to the owning unit's head",
  description:
    "The voice is the signal `signalId` (an unknown id is a 404, a quarantined signal a 409): the chase " +
    "goes to the unit that owns its product line, quotes it with PII masked, and is due after the " +
    "policy's `chase.answerDays`. The same caller sending the same question about the same voice " +
    "again gets the same chase, never a second. Announced by `Chase Raised`.",
  access: "chases.raise",
  body: RaiseChaseRequest,
  response: Chase,
  errors: [404, 409],
  fn: {
    name: "chaseRaise",
    entry: "functions/handlers/chase-raise.ts",
    // The signal, the policy and a chase sent before; the catalog line; the chase transaction.
    dynamodb: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", ...RELAY],
    publishes: true,
  },
});

export const listChases = defineRoute({
  operationId: "listChases",
  method: "GET",
  path: "/v1/chases",
  tag: "Chases",
  summary: "Chases, newest first, with whether each is overdue (a bu-head sees their own units' only)",
  access: "chases.read",
  query: ChasesQuery,
  page: { item: Chase, defaultLimit: 50, maxLimit: 100 },
  fn: { name: "chasesList", entry: "functions/handlers/chases-list.ts", dynamodb: ["dynamodb:Query"] },
});

export const answerChase = defineRoute({
  operationId: "answerChase",
  method: "POST",
  path: "/v1/chases/{id}/answer",
  tag: "Chases",
  summary: "Answer a chase (the owning unit's head, or the CCO team), once",
  description:
    "Another unit's head gets 403; an answered chase 409. With `version` (the one the caller saw), a " +
    "chase that changed since is a 409 too. The answer is audited.",
  access: "chases.answer",
  params: ChasePath,
  body: AnswerChaseRequest,
  response: Chase,
  errors: [404, 409],
  fn: {
    name: "chaseAnswer",
    entry: "functions/handlers/chase-answer.ts",
    dynamodb: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
  },
});
