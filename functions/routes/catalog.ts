import { defineRoute } from "#http/route";
import { Catalog, CatalogUpsertResult, CatalogView } from "#schemas/catalog";

export const getCatalog = defineRoute({
  operationId: "getCatalog",
  method: "GET",
  path: "/v1/catalog",
  tag: "Catalog",
  summary: "Every business unit and product line",
  access: "catalog.read",
  response: CatalogView,
  fn: { name: "catalogRead", entry: "functions/handlers/catalog-read.ts", dynamodb: ["dynamodb:Query"] },
});

export const putCatalog = defineRoute({
  operationId: "putCatalog",
  method: "PUT",
  path: "/v1/catalog",
  tag: "Catalog",
  summary: "Upsert business units and product lines",
  description:
    "Adds or updates the units and lines given; nothing is deleted. A product line must belong to a " +
    "business unit in the body or already in the catalog. The body is checked whole before anything is stored.",
  access: "catalog.write",
  body: Catalog,
  response: CatalogUpsertResult,
  fn: {
    name: "catalogWrite",
    entry: "functions/handlers/catalog-write.ts",
    dynamodb: ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:PutItem"],
    timeoutSeconds: 30,
  },
});
