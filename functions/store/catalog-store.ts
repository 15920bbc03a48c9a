/**
 * The catalog: business units and product lines under one partition. Product lines are never
 * deleted, so a line once found stays cached for the life of the container; unknown ids are
 * looked up again every time (the CCO team may have just added them).
 */
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  QueryCommand,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import type { BusinessUnit, Catalog, ProductLine } from "../../schemas/catalog";
import { dynamodb } from "../lib/clients";
import { fromItem, type Item, toItem } from "./attributes";
import { businessUnitKey, CATALOG_PK, productLineKey } from "./keys";
import { withUnprocessedRetries } from "./retry";
import { TABLE_NAME } from "./table";

const knownLines = new Map<string, ProductLine>();
const MAX_CACHED = 200_000;

export const putCatalog = async (
  catalog: Catalog,
): Promise<{ businessUnits: number; productLines: number }> => {
  const requests: WriteRequest[] = [
    ...catalog.businessUnits.map((bu) => ({
      PutRequest: { Item: toItem({ ...businessUnitKey(bu.id), ...bu }) },
    })),
    ...catalog.productLines.map((pl) => ({
      PutRequest: { Item: toItem({ ...productLineKey(pl.id), ...pl }) },
    })),
  ];
  for (let i = 0; i < requests.length; i += 25) {
    const chunk = requests.slice(i, i + 25);
    await withUnprocessedRetries(chunk, async (pending) => {
      const out = await dynamodb.send(
        new BatchWriteItemCommand({ RequestItems: { [TABLE_NAME()]: pending } }),
      );
      return out.UnprocessedItems?.[TABLE_NAME()] ?? [];
    });
  }
  for (const pl of catalog.productLines) knownLines.set(pl.id, pl);
  return { businessUnits: catalog.businessUnits.length, productLines: catalog.productLines.length };
};

export const readCatalog = async (): Promise<Catalog> => {
  const businessUnits: BusinessUnit[] = [];
  const productLines: ProductLine[] = [];
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
      const { pk: _pk, sk, ...rest } = fromItem(item);
      if (String(sk).startsWith("BU#")) businessUnits.push(rest as BusinessUnit);
      else productLines.push(rest as ProductLine);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return { businessUnits, productLines };
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
  for (let i = 0; i < missing.length; i += 100) {
    const keys = missing.slice(i, i + 100).map((id) => toItem(productLineKey(id)));
    await withUnprocessedRetries(keys, async (pending) => {
      const out = await dynamodb.send(
        new BatchGetItemCommand({ RequestItems: { [TABLE_NAME()]: { Keys: pending } } }),
      );
      for (const item of out.Responses?.[TABLE_NAME()] ?? []) {
        const { pk: _pk, sk: _sk, ...rest } = fromItem(item);
        const line = rest as ProductLine;
        found.set(line.id, line);
        if (knownLines.size < MAX_CACHED) knownLines.set(line.id, line);
      }
      return out.UnprocessedKeys?.[TABLE_NAME()]?.Keys ?? [];
    });
  }
  return found;
};

export const findProductLine = async (id: string): Promise<ProductLine | undefined> =>
  (await findProductLines([id])).get(id);

/** Test seam: forget cached lines (the local runtime shares one process across "functions"). */
export const forgetCachedProductLines = () => knownLines.clear();

/** Which of these business unit ids are in the catalog. */
export const findBusinessUnitIds = async (ids: Iterable<string>): Promise<Set<string>> => {
  const found = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    const keys = unique.slice(i, i + 100).map((id) => toItem(businessUnitKey(id)));
    await withUnprocessedRetries(keys, async (pending) => {
      const out = await dynamodb.send(
        new BatchGetItemCommand({
          RequestItems: { [TABLE_NAME()]: { Keys: pending, ProjectionExpression: "id" } },
        }),
      );
      for (const item of out.Responses?.[TABLE_NAME()] ?? []) if (item.id?.S) found.add(item.id.S);
      return out.UnprocessedKeys?.[TABLE_NAME()]?.Keys ?? [];
    });
  }
  return found;
};
