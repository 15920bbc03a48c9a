/**
 * Chases. A chase is one item (its whole state as a JSON document, with the attributes its index
 * needs), indexed per unit and status so that a status filter reads one partition per unit. An
 * `OPEN_CHASES` item per open chase, sorted by due date, lets the daily job read the overdue ones
 * as one key range. Every change is one transaction: the chase written whole, conditional on the
 * version it was read at, with the open item and the outbox events it needs.
 */
import { QueryCommand, type TransactWriteItem, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { type ChaseStatus, StoredChase } from "#schemas/chase";
import { type Item, toItem } from "./attributes";
import { batchGetItems } from "./batch";
import { failedConditions } from "./conditions";
import { parseDocument, readDocument, readIndexedDocuments } from "./documents";
import { chaseGsiKeys, chaseGsiPk, chaseKey, OPEN_CHASES_PK, openChaseKey } from "./keys";
import { type OutboxEvent, outboxPut } from "./outbox-store";
import { TABLE_NAME } from "./table";

const chaseItem = (chase: StoredChase): Item =>
  toItem({
    ...chaseKey(chase.id),
    ...chaseGsiKeys(chase.businessUnitId, chase.status, chase.raisedAt, chase.id),
    doc: JSON.stringify(chase),
    id: chase.id,
    status: chase.status,
    version: chase.version,
    businessUnitId: chase.businessUnitId,
    productLineId: chase.productLineId,
    dueAt: chase.dueAt,
    escalatedAt: chase.escalatedAt,
  });

const parseChase = (item: Item): StoredChase => parseDocument(StoredChase, item);

export const readChase = (id: string): Promise<StoredChase | undefined> =>
  readDocument(StoredChase, chaseKey(id));

/** The chases with these ids (absent ones are left out). */
export const readChases = async (ids: readonly string[]): Promise<StoredChase[]> =>
  (await batchGetItems(ids.map((id) => toItem(chaseKey(id))))).map(parseChase);

const openItem = (chase: StoredChase): Item =>
  toItem({
    ...openChaseKey(chase.dueAt, chase.id),
    chaseId: chase.id,
    businessUnitId: chase.businessUnitId,
    dueAt: chase.dueAt,
    escalatedAt: chase.escalatedAt,
  });

/**
 * Stores a new chase, its open item and its events: all or nothing.
 * @returns false when a chase with its id already exists (the same request, sent again).
 */
export const createChase = async (chase: StoredChase, events: readonly OutboxEvent[]): Promise<boolean> => {
  try {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: TABLE_NAME(),
              Item: chaseItem(chase),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          { Put: { TableName: TABLE_NAME(), Item: openItem(chase) } },
          ...events.map(outboxPut),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error).includes(0)) return false;
    throw error;
  }
};

const putIfAt = (chase: StoredChase, seenVersion: number): TransactWriteItem => ({
  Put: {
    TableName: TABLE_NAME(),
    Item: chaseItem(chase),
    ConditionExpression: "version = :seen",
    ExpressionAttributeValues: { ":seen": { N: String(seenVersion) } },
  },
});

/**
 * Writes the answered chase and closes its open item, provided the chase is still at `seenVersion`.
 * @returns false when another change came first (read it again).
 */
export const writeAnswer = async (answered: StoredChase, seenVersion: number): Promise<boolean> => {
  try {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          putIfAt(answered, seenVersion),
          { Delete: { TableName: TABLE_NAME(), Key: toItem(openChaseKey(answered.dueAt, answered.id)) } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error).includes(0)) return false;
    throw error;
  }
};

/**
 * Records the escalation of a chase with its event: the chase (conditional on the version it was
 * read at, still open and never escalated), the mark on its open item, and the outbox event, in one
 * transaction. Two runs at once cannot both pass the condition, so the event is queued once, ever.
 * @returns false when the chase changed first (answered, escalated by another run): read it again.
 */
export const writeEscalation = async (
  escalated: StoredChase,
  seenVersion: number,
  event: OutboxEvent,
): Promise<boolean> => {
  try {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: TABLE_NAME(),
              Item: chaseItem(escalated),
              ConditionExpression:
                "version = :seen AND #status = :open AND attribute_not_exists(escalatedAt)",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ":seen": { N: String(seenVersion) }, ":open": { S: "OPEN" } },
            },
          },
          {
            Put: {
              TableName: TABLE_NAME(),
              Item: openItem(escalated),
              ConditionExpression: "attribute_exists(pk)",
            },
          },
          outboxPut(event),
        ],
      }),
    );
    return true;
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(0) || failed.includes(1)) return false;
    throw error;
  }
};

/** An open chase as the daily job sees it from its open item. */
export interface OpenChase {
  chaseId: string;
  businessUnitId: string;
  dueAt: string;
  escalatedAt?: string;
}

/** The open chases due before `now` (all of them overdue), earliest due first. */
export const readOverdueOpenChases = async (now: Date): Promise<OpenChase[]> => {
  const found: OpenChase[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk AND sk < :now",
        ExpressionAttributeValues: { ":pk": { S: OPEN_CHASES_PK }, ":now": { S: now.toISOString() } },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of out.Items ?? [])
      found.push({
        chaseId: item.chaseId?.S ?? "",
        businessUnitId: item.businessUnitId?.S ?? "",
        dueAt: item.dueAt?.S ?? "",
        ...(item.escalatedAt?.S ? { escalatedAt: item.escalatedAt.S } : {}),
      });
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
};

/**
 * A page of one unit's chases of one status, newest first, below `before` (the sort key a
 * previous page ended at).
 */
export const readUnitChases = async (
  businessUnitId: string,
  status: ChaseStatus,
  options: { before?: string; limit: number },
): Promise<{ chase: StoredChase; sortKey: string }[]> =>
  (await readIndexedDocuments(StoredChase, chaseGsiPk(businessUnitId, status), options)).map(
    ({ document, sortKey }) => ({
      chase: document,
      sortKey,
    }),
  );
