/**
 * Compile-time tests, run by `npm run typecheck`: a handler whose reply does not match its route's
 * response schema must not compile. Each `@ts-expect-error` fails the typecheck the day the error
 * it expects stops happening, so these lines prove the compiler keeps checking replies.
 */
import { apiHandler } from "#http/api-handler";
import * as catalog from "#routes/catalog";
import * as productLines from "#routes/product-lines";
import * as quarantine from "#routes/quarantine";
import * as system from "#routes/system";

export const compiles = [
  apiHandler(catalog.putCatalog, async ({ body }) => ({
    businessUnits: body.businessUnits.length,
    productLines: body.productLines.length,
  })),
  apiHandler(quarantine.listQuarantine, async ({ page }) => ({ items: [], next: page.after })),
  apiHandler(system.getHealth, async () => ({ status: "ok" as const })),
];

export const refused = [
  // @ts-expect-error a reply missing a field of the response schema
  apiHandler(catalog.putCatalog, async () => ({ businessUnits: 1 })),
  // @ts-expect-error a field of the wrong type
  apiHandler(catalog.putCatalog, async () => ({ businessUnits: "1", productLines: 2 })),
  // @ts-expect-error a literal outside the schema's enum
  apiHandler(system.getHealth, async () => ({ status: "degraded" })),
  // @ts-expect-error a paged route answers items and a position, not the page envelope of another schema
  apiHandler(quarantine.listQuarantine, async () => ({ items: [{ signalId: 1 }] })),
  apiHandler(productLines.getProductLineMetrics, async ({ params, query }) => {
    // @ts-expect-error path parameters are typed from the route's params schema
    const unknownParam: string = params.productLine;
    // @ts-expect-error the query is typed from the route's query schema
    const unknownQuery: string = query.from;
    throw new Error(`${unknownParam}${unknownQuery}`);
  }),
  apiHandler(catalog.getCatalog, async ({ principal }) =>
    // @ts-expect-error a signed-in route's principal is never undefined, so this reply type is wrong
    principal === undefined ? undefined : { businessUnits: [], productLines: [] },
  ),
  apiHandler(catalog.getCatalog, async () => ({ businessUnits: [], productLines: [] }), {
    // @ts-expect-error a route without csv takes no CSV table
    csv: () => ({ columns: [], rows: [] }),
  }),
];
