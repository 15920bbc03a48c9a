/**
 * Items that hold an entity's whole state as one JSON `doc` (notices, chases, Andons), with beside
 * it only the attributes conditions and indexes need: read, parsed with the entity's schema and
 * fetched by key the same way everywhere.
 */
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { type Item, toItem } from "./attributes";
import { TABLE_NAME } from "./table";

interface Schema<T> {
  parse(value: unknown): T;
}

/** The entity an item's `doc` holds, checked by its schema. */
export const parseDocument = <T>(schema: Schema<T>, item: Item): T =>
  schema.parse(JSON.parse(item.doc?.S ?? "{}"));

/** The entity stored under `key` (read consistently: every change is conditional on what is read). */
export const readDocument = async <T>(
  schema: Schema<T>,
  key: Record<string, string>,
): Promise<T | undefined> => {
  const out = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(key), ConsistentRead: true }),
  );
  return out.Item ? parseDocument(schema, out.Item) : undefined;
};
