import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { ROUTES } from "#routes/index";
import { apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => runtime?.stop());

it("serves an OpenAPI 3.1 document with every declared route and its schemas, without a token", async () => {
  const { status, body } = await apiOf(runtime).call("GET", "/v1/openapi.json");
  expect(status).toBe(200);
  expect(body.openapi).toBe("3.1.0");
  for (const route of ROUTES)
    expect(body.paths[route.path]?.[route.method.toLowerCase()], route.path).toBeDefined();
  const ingest = body.paths["/v1/signals"].post;
  const signalSchema = ingest.requestBody.content["application/json"].schema.properties.signals.items;
  expect(signalSchema.properties.channel.enum).toContain("review-site");
  expect(signalSchema.required).toEqual(expect.arrayContaining(["signalId", "productLineId", "occurredAt"]));
  expect(
    body.paths["/v1/product-lines/{id}/metrics"].get.parameters.map((p: { name: string }) => p.name),
  ).toEqual(["id", "period"]);
});
