/**
 * The outbox: governance events written in the same transaction as the change they announce, so
 * that no notice is stored without its event. The relay (`app/relay-outbox.ts`) publishes them and
 * deletes what the bus took; what it did not take stays for the next run. Spread over a few
 * partitions by event id; read oldest first.
 */
import { QueryCommand, type TransactWriteItem, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { fnv1a32 } from "#core/hash";
import { dynamodb } from "#lib/clients";
import type { GovernanceEvent } from "#schemas/events";
import { toItem } from "./attributes";
import { batchWriteItems } from "./batch";
import { TABLE_NAME } from "./table";

const OUTBOX_BUCKETS = 4;
const outboxPk = (bucket: number) => `OUTBOX#${bucket}`;

export interface OutboxEvent extends GovernanceEvent {
  eventId: string;
  createdAt: string;
}

export interface PendingEvent extends OutboxEvent {
  key: { pk: string; sk: string };
}

const keyOf = (event: OutboxEvent) => ({
  pk: outboxPk(fnv1a32(event.eventId) % OUTBOX_BUCKETS),
  sk: `${event.createdAt}#${event.eventId}`,
});

/** The transaction item that puts `event` in the outbox (the same event twice is one item). */
export const outboxPut = (event: OutboxEvent): TransactWriteItem => ({
  Put: {
    TableName: TABLE_NAME(),
    Item: toItem({
      ...keyOf(event),
      eventId: event.eventId,
      detailType: event.detailType,
      detail: JSON.stringify(event.detail),
      createdAt: event.createdAt,
    }),
  },
});

/** Up to `limit` pending events, oldest first. */
export const readOutbox = async (limit: number): Promise<PendingEvent[]> => {
  const buckets = await Promise.all(
    Array.from({ length: OUTBOX_BUCKETS }, async (_, bucket) => {
      const out = await dynamodb.send(
        new QueryCommand({
          TableName: TABLE_NAME(),
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": { S: outboxPk(bucket) } },
          Limit: limit,
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((item) => ({
        key: { pk: item.pk?.S ?? "", sk: item.sk?.S ?? "" },
        eventId: item.eventId?.S ?? "",
        createdAt: item.createdAt?.S ?? "",
        detailType: item.detailType?.S as GovernanceEvent["detailType"],
        detail: JSON.parse(item.detail?.S ?? "{}") as Record<string, unknown>,
      }));
    }),
  );
  return buckets
    .flat()
    .sort((a, b) => (a.key.sk < b.key.sk ? -1 : 1))
    .slice(0, limit);
};

/**
 * Claims an event for one relay for `leaseMs`: false when another relay holds it. Two relays running
 * at once (after two changes, or the schedule) then publish each event once; a relay that dies holding
 * a claim only delays its events until the lease runs out.
 */
export const claimEvent = async (
  key: { pk: string; sk: string },
  now: number,
  leaseMs: number,
): Promise<boolean> => {
  try {
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: TABLE_NAME(),
        Key: toItem(key),
        UpdateExpression: "SET claimedUntil = :until",
        ConditionExpression:
          "attribute_exists(pk) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)",
        ExpressionAttributeValues: { ":until": { N: String(now + leaseMs) }, ":now": { N: String(now) } },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
};

/** Gives up a claim (the bus refused the event), so the next relay may try it at once. */
export const releaseClaim = async (key: { pk: string; sk: string }): Promise<void> => {
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: TABLE_NAME(),
      Key: toItem(key),
      UpdateExpression: "REMOVE claimedUntil",
      ConditionExpression: "attribute_exists(pk)",
    }),
  );
};

/** Removes published events. */
export const deleteFromOutbox = async (keys: readonly { pk: string; sk: string }[]): Promise<void> => {
  await batchWriteItems(keys.map((key) => ({ DeleteRequest: { Key: toItem(key) } })));
};
