/**
 * Notifications, one item per audience and event (`NOTIFY#<audience>`, positions in time order), and
 * each caller's read state per audience (`NOTIFYREAD#<sub>`). Writing a notification twice (an event
 * delivered twice) writes the same item. Notifications expire a year after the change.
 */
import { QueryCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import type { Audience, ReadState } from "#core/notifications";
import { dynamodb } from "#lib/clients";
import { StoredNotification } from "#schemas/notification";
import { type Item, toItem } from "./attributes";
import { batchGetItems, batchWriteItems } from "./batch";
import { notificationKey, notificationPk, notificationReadKey } from "./keys";
import { TABLE_NAME } from "./table";

const KEPT_DAYS = 365;

export interface PlacedNotification {
  audience: Audience;
  position: string;
  notification: StoredNotification;
}

export const putNotifications = async (placed: readonly PlacedNotification[]): Promise<void> => {
  await batchWriteItems(
    placed.map(({ audience, position, notification }) => ({
      PutRequest: {
        Item: toItem({
          ...notificationKey(audience, position),
          doc: JSON.stringify(notification),
          expiresAt: Math.floor(Date.parse(notification.at) / 1000) + KEPT_DAYS * 86_400,
        }),
      },
    })),
  );
};

/**
 * Up to `limit` notifications of `audience`, newest first, strictly before `before` and strictly
 * after `after` when given. `skip` drops positions (read ones) without counting them.
 */
export const readAudience = async (
  audience: Audience,
  options: { before?: string; after?: string; limit: number; skip?: ReadonlySet<string> },
): Promise<PlacedNotification[]> => {
  const bounds: string[] = [];
  const values: Item = { ":pk": { S: notificationPk(audience) } };
  if (options.before !== undefined && options.after !== undefined) {
    bounds.push("sk BETWEEN :after AND :before");
    values[":after"] = { S: options.after };
    values[":before"] = { S: options.before };
  } else if (options.before !== undefined) {
    bounds.push("sk < :before");
    values[":before"] = { S: options.before };
  } else if (options.after !== undefined) {
    bounds.push("sk > :after");
    values[":after"] = { S: options.after };
  }
  const found: PlacedNotification[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: ["pk = :pk", ...bounds].join(" AND "),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      const position = item.sk?.S ?? "";
      // BETWEEN is inclusive; the bounds here are not.
      if (position === options.before || position === options.after) continue;
      if (options.skip?.has(position)) continue;
      found.push({
        audience,
        position,
        notification: StoredNotification.parse(JSON.parse(item.doc?.S ?? "{}")),
      });
    }
    start = out.LastEvaluatedKey;
  } while (start && found.length < options.limit);
  return found.slice(0, options.limit);
};

/** The positions of `audience` after `after` (all of them when absent): what may be unread. */
export const readPositionsAfter = async (
  audience: Audience,
  after: string | undefined,
): Promise<string[]> => {
  const positions: string[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: after === undefined ? "pk = :pk" : "pk = :pk AND sk > :after",
        ExpressionAttributeValues: {
          ":pk": { S: notificationPk(audience) },
          ...(after === undefined ? {} : { ":after": { S: after } }),
        },
        ProjectionExpression: "sk",
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) positions.push(item.sk?.S ?? "");
    start = out.LastEvaluatedKey;
  } while (start);
  return positions;
};

/** Which of these (audience, position) pairs exist. */
export const existingNotifications = async (
  pairs: readonly { audience: Audience; position: string }[],
): Promise<Set<string>> => {
  const items = await batchGetItems(
    pairs.map(({ audience, position }) => toItem(notificationKey(audience, position))),
    ["pk", "sk"],
  );
  return new Set(items.map((item) => `${item.pk?.S}\n${item.sk?.S}`));
};
export const pairKey = (audience: Audience, position: string) => `${notificationPk(audience)}\n${position}`;

export const readReadStates = async (
  sub: string,
  audiences: readonly Audience[],
): Promise<Map<Audience, ReadState>> => {
  const items = await batchGetItems(audiences.map((audience) => toItem(notificationReadKey(sub, audience))));
  const states = new Map<Audience, ReadState>(audiences.map((a) => [a, { readPositions: new Set() }]));
  for (const item of items)
    states.set(item.sk?.S ?? "", {
      readThrough: item.readThrough?.S,
      readPositions: new Set(item.readPositions?.SS ?? []),
    });
  return states;
};

/** Marks positions of `audience` read for `sub`, one by one. */
export const markPositionsRead = async (
  sub: string,
  audience: Audience,
  positions: readonly string[],
): Promise<void> => {
  if (positions.length === 0) return;
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: TABLE_NAME(),
      Key: toItem(notificationReadKey(sub, audience)),
      UpdateExpression: "ADD readPositions :p",
      ExpressionAttributeValues: { ":p": { SS: [...new Set(positions)] } },
    }),
  );
};

/**
 * Marks everything of `audience` up to `through` read for `sub` (and forgets the one-by-one marks,
 * which it covers). Never moves the mark back: a slower concurrent call changes nothing.
 */
export const markReadThrough = async (sub: string, audience: Audience, through: string): Promise<void> => {
  try {
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: TABLE_NAME(),
        Key: toItem(notificationReadKey(sub, audience)),
        UpdateExpression: "SET readThrough = :t REMOVE readPositions",
        ConditionExpression: "attribute_not_exists(readThrough) OR readThrough < :t",
        ExpressionAttributeValues: { ":t": { S: through } },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
  }
};
