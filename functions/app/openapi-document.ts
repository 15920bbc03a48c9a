/**
 * The OpenAPI 3.1 document of the v1 contract, generated from the route table and its zod schemas
 * alone: what a route declares is what the document says, so the two cannot drift apart.
 */
import * as z from "zod/mini";
import { rolesFor } from "#core/authorize";
import { querySchemaOf, type RouteSpec, responseSchemaOf, statusesOf } from "#http/route";
import { ROUTES } from "#routes/index";
import { TAGS } from "#routes/tags";
import { documentationOf } from "#schemas/documented";
import { ErrorBody } from "#schemas/error";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request or invalid fields (details name the paths)",
  401: "Missing, expired or invalid token",
  403: "The caller's role, or the business unit of the object, does not allow this",
  404: "Not found",
  409: "The object's state or version does not allow this",
  413: "Body over 1 MiB",
  415: "The body is not application/json",
  500: "Internal error (nothing about it is disclosed)",
  503: "A service this depends on is unavailable",
};

type JsonSchema = Record<string, unknown>;

const jsonSchemaOf = (schema: z.core.$ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    // Schemas parsed loosely (a batch of unknown signals) are documented as what they must hold.
    override: (ctx) => {
      const documented = documentationOf(ctx.zodSchema);
      if (!documented) return;
      for (const key of Object.keys(ctx.jsonSchema))
        delete ctx.jsonSchema[key as keyof typeof ctx.jsonSchema];
      const { $schema: _nested, ...replacement } = z.toJSONSchema(documented, { io }) as JsonSchema;
      Object.assign(ctx.jsonSchema, replacement);
    },
  }) as JsonSchema;
  return json;
};

const parametersOf = (route: RouteSpec) => {
  const params = route.params ? jsonSchemaOf(route.params, "input") : { properties: {} };
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const path = names.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: (params.properties as Record<string, JsonSchema>)[name] ?? { type: "string" },
  }));
  const querySchema = querySchemaOf(route);
  if (!querySchema) return path;
  const query = jsonSchemaOf(querySchema, "input");
  const required = (query.required as string[] | undefined) ?? [];
  return [
    ...path,
    ...Object.entries((query.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
      name,
      in: "query",
      required: required.includes(name),
      schema,
    })),
  ];
};

const operationOf = (route: RouteSpec) => {
  const parameters = parametersOf(route);
  const ok: Record<string, unknown> = {
    "application/json": { schema: jsonSchemaOf(responseSchemaOf(route), "output") },
  };
  if (route.csv) ok["text/csv"] = { schema: { type: "string", description: "RFC 4180, UTF-8 with BOM" } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description ?? route.summary,
    tags: [route.tag],
    ...(route.access === "public"
      ? { security: [] }
      : { "x-action": route.access, "x-roles": rolesFor(route.access) }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.bodyOptional,
            content: { "application/json": { schema: jsonSchemaOf(route.body, "input") } },
          },
        }
      : {}),
    responses: {
      200: { description: "OK", content: ok },
      ...Object.fromEntries(
        [...statusesOf(route), 500].map((status) => [
          status,
          {
            description: STATUS_TEXT[status] ?? "Error",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
  };
};

/**
 * The document for `routes` (every route of the contract by default).
 * @param serverUrl where the API is served, e.g. `https://api.example.com`.
 */
export const openApiDocument = (
  serverUrl = "http://127.0.0.1:3000",
  routes: readonly RouteSpec[] = ROUTES,
) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operationOf(route);
  }
  const used = new Set(routes.map((r) => r.tag));
  return {
    openapi: "3.1.0",
    info: {
      title: "Strawberry API",
      version: "1",
      description:
        "Customer-experience governance: satisfaction signals from every channel, per-line metrics with " +
        "honest statistics, pull-and-fix reviews and the Red / Rotten Strawberry awards. Roles come from the " +
        "token's `roles` (or `cognito:groups`) claim; `x-roles` on each operation lists who may call it.",
      contact: { name: "Strawberry team" },
    },
    servers: [{ url: serverUrl, description: "This deployment" }],
    tags: Object.entries(TAGS)
      .filter(([name]) => used.has(name as keyof typeof TAGS))
      .map(([name, description]) => ({ name, description })),
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Error: jsonSchemaOf(ErrorBody, "output") },
    },
    security: [{ bearer: [] }],
    paths,
  };
};
