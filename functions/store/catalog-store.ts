/**
 * The catalog: business units, product lines and the names of categories under one partition. Product lines are never
 * deleted, so a line once found stays cached for the life of the container; unknown ids are
 * looked up again every time (the CCO team may have just added them).
 */
import { QueryCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { BusinessUnit, type Catalog, Category, ProductLine } from "#schemas/catalog";
import { fromItem, type Item, toItem } from "./attributes";
import { batchGetItems, batchWriteItems } from "./batch";
import { businessUnitKey, CATALOG_PK, categoryKey, productLineKey } from "./keys";
import { MAX_TRANSACTION_ITEMS } from "./limits";
import { TABLE_NAME } from "./table";

const knownLines = new Map<string, ProductLine>();
const MAX_CACHED = 200_000;

/**
 * Stores the units and lines given (an upsert). Up to {@link MAX_TRANSACTION_ITEMS} items are
 * written in one transaction, all or nothing; a larger catalog is written units first, in batches
 * (a failure may leave part of it stored; sending it again completes it, since every write is an
 * idempotent put).
 */
export const writeCatalog = async (
  catalog: Catalog,
): Promise<{ businessUnits: number; productLines: number }> => {
  const items = [
    ...catalog.businessUnits.map((bu) => toItem({ ...businessUnitKey(bu.id), ...bu })),
    ...catalog.productLines.map((pl) => toItem({ ...productLineKey(pl.id), ...pl })),
    ...(catalog.categories ?? []).map((c) => toItem({ ...categoryKey(c.id), ...c })),
  ];
  if (items.length > 0 && items.length <= MAX_TRANSACTION_ITEMS) {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: items.map((Item) => ({ Put: { TableName: TABLE_NAME(), Item } })),
      }),
    );
  } else {
    await batchWriteItems(items.map((Item) => ({ PutRequest: { Item } })));
  }
  for (const pl of catalog.productLines) knownLines.set(pl.id, pl);
  return { businessUnits: catalog.businessUnits.length, productLines: catalog.productLines.length };
};

export const readCatalog = async (): Promise<Catalog> => {
  const businessUnits: BusinessUnit[] = [];
  const productLines: ProductLine[] = [];
  const categories: Category[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: CATALOG_PK } },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      const values = fromItem(item);
      const sk = String(values.sk);
      if (sk.startsWith("BU#")) businessUnits.push(BusinessUnit.parse(values));
      else if (sk.startsWith("CAT#")) categories.push(Category.parse(values));
      else productLines.push(ProductLine.parse(values));
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return { businessUnits, productLines, ...(categories.length > 0 ? { categories } : {}) };
};

/** The catalog entries of these product line ids; ids not in the catalog are absent from the map. */
export const findProductLines = async (ids: Iterable<string>): Promise<Map<string, ProductLine>> => {
  const found = new Map<string, ProductLine>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const cached = knownLines.get(id);
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  for (const item of await batchGetItems(missing.map((id) => toItem(productLineKey(id))))) {
    const line = ProductLine.parse(fromItem(item));
    found.set(line.id, line);
    if (knownLines.size < MAX_CACHED) knownLines.set(line.id, line);
  }
  return found;
};

export const findProductLine = async (id: string): Promise<ProductLine | undefined> =>
  (await findProductLines([id])).get(id);

/** Test seam: forget cached lines (the local runtime shares one process across "functions"). */
export const forgetCachedProductLines = () => knownLines.clear();

/** Which of these business unit ids are in the catalog. */
export const findBusinessUnitIds = async (ids: Iterable<string>): Promise<Set<string>> => {
  const keys = [...new Set(ids)].map((id) => toItem(businessUnitKey(id)));
  const items = await batchGetItems(keys, ["id"]);
  return new Set(items.map((item) => item.id?.S).filter((id): id is string => id !== undefined));
};

/** Every business unit's id (the units alone: a few items, not the whole catalog). */
export const readBusinessUnitIds = async (): Promise<string[]> => {
  const ids: string[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :bu)",
        ExpressionAttributeValues: { ":pk": { S: CATALOG_PK }, ":bu": { S: "BU#" } },
        ProjectionExpression: "id",
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) if (item.id?.S) ids.push(item.id.S);
    start = out.LastEvaluatedKey;
  } while (start);
  return ids;
};
