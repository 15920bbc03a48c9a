/**
 * Items that hold an entity's whole state as one JSON `doc` (notices, chases, Andons), with beside
 * it only the attributes conditions and indexes need: read, parsed with the entity's schema and
 * fetched by key the same way everywhere.
 */
import { GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
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

/**
 * A page of one gsi1 partition's documents, newest first (by sort key), below `before` (the sort key
 * a previous page ended at), each with its sort key so that pages of several partitions merge.
 */
export const readIndexedDocuments = async <T>(
  schema: Schema<T>,
  gsi1pk: string,
  options: { before?: string | undefined; limit: number },
): Promise<{ document: T; sortKey: string }[]> => {
  const found: { document: T; sortKey: string }[] = [];
  let start: Item | undefined;
  // A query stops at 1 MB: go on until the page is full, or a merged page would skip documents.
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        IndexName: "gsi1",
        KeyConditionExpression: options.before ? "gsi1pk = :pk AND gsi1sk < :before" : "gsi1pk = :pk",
        ExpressionAttributeValues: {
          ":pk": { S: gsi1pk },
          ...(options.before ? { ":before": { S: options.before } } : {}),
        },
        ScanIndexForward: false,
        Limit: options.limit - found.length,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? [])
      found.push({ document: parseDocument(schema, item), sortKey: item.gsi1sk?.S ?? "" });
    start = out.LastEvaluatedKey;
  } while (start && found.length < options.limit);
  return found;
};
