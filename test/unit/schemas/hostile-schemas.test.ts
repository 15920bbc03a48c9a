/**
 * Every schema a route reads (path, query, body), under hostile values (issue 13, item 2): parsing
 * never throws, every issue has a path, nothing reaches Object.prototype, and text a schema accepts
 * can always be stored (no NUL, no unpaired surrogate).
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { querySchemaOf, type RouteSpec } from "#http/route";
import { ROUTES } from "#routes/index";
import { isStorableText } from "#schemas/common";
import { hostileBody, hostileValue, type Json } from "#test/integration/hostile-kit";

const SCHEMAS = (ROUTES as readonly RouteSpec[]).flatMap((route) =>
  [route.params, querySchemaOf(route), route.body]
    .filter((s) => s !== undefined)
    .map(
      (schema) =>
        [
          `${route.operationId}`,
          schema as unknown as {
            safeParse(v: unknown): {
              success: boolean;
              data?: unknown;
              error?: { issues: { path: unknown[] }[] };
            };
          },
        ] as const,
    ),
);

const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : typeof value === "object" && value !== null
      ? Object.values(value).flatMap(strings)
      : [];

it.each(SCHEMAS)(
  "%s: any hostile value parses without throwing, naming paths, storing only storable text",
  (_id, schema) => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileValue,
          hostileValue.chain((v) => hostileBody({ a: v, b: [v] } as Json).map((m) => m.body)),
        ),
        (value) => {
          const result = schema.safeParse(value);
          if (result.success)
            for (const text of strings(result.data)) expect(isStorableText(text)).toBe(true);
          else for (const issue of result.error?.issues ?? []) expect(Array.isArray(issue.path)).toBe(true);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  },
);
