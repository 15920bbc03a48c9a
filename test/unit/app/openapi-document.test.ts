/** The OpenAPI document is generated from the route table alone, and lints clean under Spectral's OAS rules. */
import { Document, Spectral } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { oas } from "@stoplight/spectral-rulesets";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "#app/openapi-document";
import { rolesFor } from "#core/authorize";
import { statusesOf } from "#http/route";
import { ROUTES } from "#routes/index";

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON walked by path.
type Json = any;

const lint = async (document: object) => {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[oas as never, "recommended"]] } as never);
  const results = await spectral.run(new Document(JSON.stringify(document, null, 2), Parsers.Json));
  return results.map((r) => `${r.code} at ${r.path.join(".")}: ${r.message}`);
};

const document: Json = openApiDocument("https://api.example.test");

describe("the OpenAPI document", () => {
  it("lints clean under Spectral's OAS ruleset (recommended rules, every severity)", async () => {
    expect(await lint(document)).toEqual([]);
  });

  it("would not lint clean without operation ids, tags, descriptions and servers (the lint has teeth)", async () => {
    const stripped: Json = structuredClone(document);
    delete stripped.servers;
    for (const path of Object.values(stripped.paths) as Json[])
      for (const op of Object.values(path) as Json[]) {
        delete op.operationId;
        delete op.tags;
        delete op.description;
      }
    const findings = await lint(stripped);
    expect(findings.length).toBeGreaterThanOrEqual(3 * ROUTES.length);
    expect(findings.join("\n")).toMatch(/oas3-api-servers/);
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "documents %s from its route entry",
    (_key, route) => {
      const op = document.paths[route.path][route.method.toLowerCase()];
      expect(op.operationId).toBe(route.operationId);
      expect(op.tags).toEqual([route.tag]);
      expect(op.summary).toBe(route.summary);
      if (route.access === "public") expect(op.security).toEqual([]);
      else expect(op["x-roles"]).toEqual(rolesFor(route.access));
      expect(
        Object.keys(op.responses)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual([200, ...statusesOf(route), 500].sort((a, b) => a - b));
    },
  );

  it("shows the signals of a batch as signals, though the handler takes them loosely", () => {
    const body = document.paths["/v1/signals"].post.requestBody.content["application/json"].schema;
    const signal = body.properties.signals.items;
    expect(body.properties.signals.maxItems).toBe(500);
    expect(signal.properties.channel.enum).toContain("review-site");
    expect(signal.required).toEqual(expect.arrayContaining(["signalId", "productLineId", "occurredAt"]));
  });

  it("adds limit and cursor to a paged route's query, and the page envelope to its answer", () => {
    const op = document.paths["/v1/quarantine"].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["limit", "cursor"]);
    expect(Object.keys(op.responses[200].content["application/json"].schema.properties)).toEqual([
      "items",
      "nextCursor",
    ]);
  });

  it("names the server it is served from", () => {
    expect(document.servers).toEqual([{ url: "https://api.example.test", description: "This deployment" }]);
  });
});
