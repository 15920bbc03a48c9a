/**
 * Notices, and what keeps "a line never has two open notices" true: a `PULLED` item per line
 * holding its open notice, created in the transaction that issues a notice (conditional on there
 * being none) and deleted in the one that relists or withdraws it. The same items answer "which
 * lines are pulled" in one query; `RELISTED` items remember each line's last relist for repeats.
 *
 * A notice is one item (its whole state as a JSON document, with the attributes queries need),
 * written whole on every transition, conditional on the version the actor saw.
 */
import {
  GetItemCommand,
  QueryCommand,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import * as z from "zod/mini";
import { dynamodb } from "#lib/clients";
import { Notice } from "#schemas/notice";
import { type Item, startKeyOf, toItem } from "./attributes";
import { batchGetItems } from "./batch";
import { failedConditions } from "./conditions";
import { parseDocument, readDocument } from "./documents";
import {
  noticeGsiKeys,
  noticeKey,
  overdueReminderKey,
  PULLED_PK,
  pulledKey,
  RELISTED_PK,
  relistedKey,
} from "./keys";
import { type OutboxEvent, outboxPut } from "./outbox-store";
import { TABLE_NAME } from "./table";

/** A notice as stored: everything but what is computed when it is read. */
export const StoredNotice = z.omit(Notice, { overdue: true, effect: true });
export type StoredNotice = z.infer<typeof StoredNotice>;

const noticeItem = (notice: StoredNotice): Item =>
  toItem({
    ...noticeKey(notice.id),
    ...noticeGsiKeys(notice.businessUnitId, notice.issuedAt, notice.id),
    doc: JSON.stringify(notice),
    id: notice.id,
    status: notice.status,
    version: notice.version,
    businessUnitId: notice.businessUnitId,
    productLineId: notice.productLineId,
    quarter: notice.quarter,
    dueAt: notice.dueAt,
  });

const parseNotice = (item: Item): StoredNotice => parseDocument(StoredNotice, item);

export const readNotice = (id: string): Promise<StoredNotice | undefined> =>
  readDocument(StoredNotice, noticeKey(id));

/** The notices with these ids (absent ones are left out). */
export const readNotices = async (ids: readonly string[]): Promise<StoredNotice[]> =>
  (await batchGetItems(ids.map((id) => toItem(noticeKey(id))))).map(parseNotice);

/** Reminders are remembered this long: enough to outlive any re-run of the day's job. */
const REMINDER_KEPT_DAYS = 35;

/**
 * Records that `noticeId`'s overdue reminder of `day` goes out, with its event: all or nothing.
 * @returns false when that day's reminder was already recorded (the job ran twice).
 */
export const recordOverdueReminder = async (
  noticeId: string,
  day: string,
  event: OutboxEvent,
): Promise<boolean> => {
  const expiresAt = Math.floor(Date.parse(event.createdAt) / 1000) + REMINDER_KEPT_DAYS * 86_400;
  try {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          put(
            toItem({ ...overdueReminderKey(noticeId, day), at: event.createdAt, expiresAt }),
            "attribute_not_exists(pk)",
          ),
          outboxPut(event),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (failedConditions(error).includes(0)) return false;
    throw error;
  }
};

const put = (item: Item, condition: string, values?: Item): TransactWriteItem => ({
  Put: {
    TableName: TABLE_NAME(),
    Item: item,
    ConditionExpression: condition,
    ...(values ? { ExpressionAttributeValues: values } : {}),
  },
});

export type IssueOutcome = "issued" | "exists" | "line-has-open-notice";

/**
 * The two items of a transaction that issues `notice`, in this order: the notice (if absent) and its
 * line's `PULLED` item (if absent: the line has no open notice). Other stores' transactions that
 * issue a notice (a confirmed Andon's) hold these.
 */
export const noticeIssueItems = (notice: StoredNotice): [TransactWriteItem, TransactWriteItem] => [
  put(noticeItem(notice), "attribute_not_exists(pk)"),
  put(
    toItem({ ...pulledKey(notice.productLineId), noticeId: notice.id, since: notice.issuedAt }),
    "attribute_not_exists(pk)",
  ),
];

/** The item of a transaction that rewrites a notice, provided it is still at `seenVersion`. */
export const noticeReplaceItem = (notice: StoredNotice, seenVersion: number): TransactWriteItem =>
  put(noticeItem(notice), "version = :seen", { ":seen": { N: String(seenVersion) } });

/** Stores a new notice, pulls its line and queues its events: all or nothing. */
export const issueNotice = async (
  notice: StoredNotice,
  events: readonly OutboxEvent[],
): Promise<IssueOutcome> => {
  try {
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [...noticeIssueItems(notice), ...events.map(outboxPut)],
      }),
    );
    return "issued";
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.includes(0)) return "exists";
    if (failed.includes(1)) return "line-has-open-notice";
    throw error;
  }
};

export interface ReplaceOptions {
  /** The notice closes (relisted or withdrawn): its line is no longer pulled. */
  release?: boolean;
  /** Remember the relist, for repeats (the quarter it happened in). */
  relisted?: { quarter: string; at: string };
  events?: readonly OutboxEvent[];
}

/**
 * Writes a notice's new state, provided it is still at `seenVersion`.
 * @returns false when another change came first (a conflict: read again).
 */
export const replaceNotice = async (
  notice: StoredNotice,
  seenVersion: number,
  options: ReplaceOptions = {},
): Promise<boolean> => {
  const items: TransactWriteItem[] = [noticeReplaceItem(notice, seenVersion)];
  if (options.release)
    items.push({
      Delete: {
        TableName: TABLE_NAME(),
        Key: toItem(pulledKey(notice.productLineId)),
        ConditionExpression: "noticeId = :id",
        ExpressionAttributeValues: { ":id": { S: notice.id } },
      },
    });
  if (options.relisted)
    items.push({
      Put: {
        TableName: TABLE_NAME(),
        Item: toItem({ ...relistedKey(notice.productLineId), noticeId: notice.id, ...options.relisted }),
      },
    });
  items.push(...(options.events ?? []).map(outboxPut));
  try {
    await dynamodb.send(new TransactWriteItemsCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (failedConditions(error).includes(0)) return false;
    throw error;
  }
};

const readPartition = async (pk: string): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: pk } },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/** The open notice of one line, if it has one (a consistent read). */
export const readPulledLine = async (productLineId: string): Promise<string | undefined> => {
  const out = await dynamodb.send(
    new GetItemCommand({
      TableName: TABLE_NAME(),
      Key: toItem(pulledKey(productLineId)),
      ConsistentRead: true,
    }),
  );
  return out.Item?.noticeId?.S;
};

/** Lines with an open notice, and which. */
export const readPulledLines = async (): Promise<Map<string, string>> =>
  new Map((await readPartition(PULLED_PK)).map((item) => [item.sk?.S ?? "", item.noticeId?.S ?? ""]));

/** Each line's last relisted notice and the quarter it was relisted in. */
export const readRelistedLines = async (): Promise<Map<string, { noticeId: string; quarter: string }>> =>
  new Map(
    (await readPartition(RELISTED_PK)).map((item) => [
      item.sk?.S ?? "",
      { noticeId: item.noticeId?.S ?? "", quarter: item.quarter?.S ?? "" },
    ]),
  );

/** A page of one unit's notices, newest first, from `after` (a position a previous page returned). */
export const readUnitNotices = async (
  businessUnitId: string,
  options: {
    before?: string;
    limit: number;
    filter?: { expression: string; values: Item; names?: Record<string, string> };
  },
): Promise<{ notices: StoredNotice[]; sortKeys: string[] }> => {
  const { gsi1pk } = noticeGsiKeys(businessUnitId, "", "");
  const notices: StoredNotice[] = [];
  const sortKeys: string[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        IndexName: "gsi1",
        KeyConditionExpression: options.before ? "gsi1pk = :pk AND gsi1sk < :before" : "gsi1pk = :pk",
        ExpressionAttributeValues: {
          ":pk": { S: gsi1pk },
          ...(options.before ? { ":before": { S: options.before } } : {}),
          ...(options.filter?.values ?? {}),
        },
        ...(options.filter ? { FilterExpression: options.filter.expression } : {}),
        ...(options.filter?.names ? { ExpressionAttributeNames: options.filter.names } : {}),
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: startKeyOf(start),
      }),
    );
    for (const item of out.Items ?? []) {
      notices.push(parseNotice(item));
      sortKeys.push(item.gsi1sk?.S ?? "");
    }
    start = out.LastEvaluatedKey;
  } while (start && notices.length < options.limit);
  return { notices: notices.slice(0, options.limit), sortKeys: sortKeys.slice(0, options.limit) };
};
