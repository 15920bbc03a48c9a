/** The OpenAPI 3.1 document of the v1 contract, generated from the route declaration and the zod schemas. */
import * as z from "zod/mini";
import { ROUTES } from "../../infra/declarations";
import { OPERATIONS } from "../../schemas/api";
import { ErrorBody } from "../../schemas/error";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request or invalid fields (details name the paths)",
  401: "Missing, expired or invalid token",
  403: "Role or business unit not allowed",
  404: "Not found",
  413: "Body over 1 MiB",
};

const schemaOf = (schema: z.ZodMiniType, io: "input" | "output") => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return json;
};

export const openApiDocument = (extraRouteKeys: readonly string[] = []) => {
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = [
    ...ROUTES.map((r) => ({
      key: `${r.method} ${r.path}`,
      method: r.method,
      path: r.path,
      access: r.access,
    })),
    ...extraRouteKeys.map((key) => {
      const [method = "GET", path = "/"] = key.split(" ");
      return { key, method, path, access: "public" as const };
    }),
  ];
  for (const route of routes) {
    const op = OPERATIONS[route.key];
    if (!op) throw new Error(`No operation documented for ${route.key}`);
    const errors = route.access === "public" ? [400] : [400, 401, 403, 404, 413];
    const parameters = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...Object.entries(
        (schemaOf(op.query ?? z.object({}), "input").properties ?? {}) as Record<string, unknown>,
      ).map(([name, schema]) => ({
        name,
        in: "query",
        required: (
          (schemaOf(op.query ?? z.object({}), "input").required as string[] | undefined) ?? []
        ).includes(name),
        schema,
      })),
    ];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      summary: op.summary,
      ...(route.access === "public" ? { security: [] } : { "x-roles": route.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.request
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(op.request, "input") } },
            },
          }
        : {}),
      responses: {
        200: {
          description: "OK",
          content: { "application/json": { schema: schemaOf(op.response, "output") } },
        },
        ...Object.fromEntries(
          errors.map((status) => [
            status,
            {
              description: STATUS_TEXT[status],
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          ]),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Strawberry API", version: "1" },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Error: schemaOf(ErrorBody, "output") },
    },
    security: [{ bearer: [] }],
    paths,
  };
};
