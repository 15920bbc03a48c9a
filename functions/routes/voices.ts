import { defineRoute } from "#http/route";
import { Voice, VoicesQuery } from "#schemas/voice";

export const listVoices = defineRoute({
  operationId: "listVoices",
  method: "GET",
  path: "/v1/voices",
  tag: "Listen-in",
  summary: "Listen-in: a business unit's or a product line's customer voices, newest first",
  description:
    "Name `productLineId` or `businessUnitId`. Voices are the signals with words, PII masked at ingest; " +
    "the customer reference is never returned. `negativeOnly=true` keeps negative experiences only. " +
    "A `bu-head` listens to their own units only (403 otherwise).",
  access: "voices.read",
  query: VoicesQuery,
  errors: [404],
  page: { item: Voice, defaultLimit: 50, maxLimit: 100 },
  fn: {
    name: "voicesList",
    entry: "functions/handlers/voices-list.ts",
    dynamodb: ["dynamodb:Query", "dynamodb:BatchGetItem"],
  },
});
