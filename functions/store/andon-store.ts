/**
 * Andons. An Andon is one item (its whole state as a JSON document, with the attributes its index
 * needs), indexed per unit and status. Its id is derived from the line and the day, and it is put
 * only if absent, so a line has at most one per day whatever the retries and concurrent batches. An
 * `ANDON_RAISED` item per undecided Andon marks its line (see `keys.ts`; read in `andon-marks.ts`).
 * Every change is one transaction: the Andon written whole (a decision conditional on the version
 * it was read at and on its being undecided), its mark, and what the change implies — its outbox
 * event when raised; when confirmed the notice it issues with the line's `PULLED` item, or the open
 * notice it is recorded on.
 */
import {
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { andonIdOf, type LineDay } from "#core/andon";
import { backoff } from "#lib/backoff";
import { dynamodb } from "#lib/clients";
import { Andon, type AndonStatus } from "#schemas/andon";
import { type Item, toItem } from "./attributes";
import { batchGetItems, MAX_GET_KEYS } from "./batch";
import { failedConditions } from "./conditions";
import { readDocument, readIndexedDocuments } from "./documents";
import { andonGsiKeys, andonGsiPk, andonKey, andonRaisedKey, ROLLUP_SHARDS, rollupKey } from "./keys";
import { noticeIssueItems, noticeReplaceItem, type StoredNotice } from "./notice-store";
import { type OutboxEvent, outboxPut } from "./outbox-store";
import { TABLE_NAME } from "./table";

const andonItem = (andon: Andon): Item =>
  toItem({
    ...andonKey(andon.id),
    ...andonGsiKeys(andon.businessUnitId, andon.status, andon.raisedAt, andon.id),
    doc: JSON.stringify(andon),
    id: andon.id,
    status: andon.status,
    version: andon.version,
    businessUnitId: andon.businessUnitId,
    productLineId: andon.productLineId,
    day: andon.day,
  });

export const readAndon = (id: string): Promise<Andon | undefined> => readDocument(Andon, andonKey(id));

/** What the ingest's check learns of one line-day. */
export interface AndonCheck extends LineDay {
  /** Critical complaints of the line that day, all rollup shards summed. */
  critical: number;
  /** Its Andon exists already (raised before, maybe decided since). */
  raised: boolean;
}

/**
 * For each line-day, its critical complaints and whether its Andon exists: every rollup shard of
 * the day and the Andon's own key in one `BatchGetItem` (strongly consistent, so what the batch has
 * just committed is counted; only the keys' names and `cCritical` are read). Up to 20 line-days a
 * call; a batch with more lines with critical complaints makes one more call per 20.
 */
export const readAndonChecks = async (
  lineDays: readonly LineDay[],
): Promise<{ checks: AndonCheck[]; requests: number }> => {
  const keys = lineDays.flatMap(({ productLineId, day }) => [
    ...Array.from({ length: ROLLUP_SHARDS }, (_, shard) => toItem(rollupKey(productLineId, shard, day))),
    toItem(andonKey(andonIdOf(productLineId, day))),
  ]);
  const items = await batchGetItems(keys, ["pk", "sk", "cCritical"], true);
  const keyOf = (key: { pk?: string | undefined; sk?: string | undefined }) => `${key.pk}\u0000${key.sk}`;
  const read = new Map(items.map((item) => [keyOf({ pk: item.pk?.S, sk: item.sk?.S }), item]));
  const checks = lineDays.map(({ productLineId, day }) => {
    let critical = 0;
    for (let shard = 0; shard < ROLLUP_SHARDS; shard++)
      critical += Number(read.get(keyOf(rollupKey(productLineId, shard, day)))?.cCritical?.N ?? 0);
    const raised = read.has(keyOf(andonKey(andonIdOf(productLineId, day))));
    return { productLineId, day, critical, raised };
  });
  return { checks, requests: Math.ceil(keys.length / MAX_GET_KEYS) };
};

const markItem = (andon: Andon): Item =>
  toItem({
    ...andonRaisedKey(andon.productLineId, andon.day),
    andonId: andon.id,
    businessUnitId: andon.businessUnitId,
    raisedAt: andon.raisedAt,
  });

/** Tries of a raise whose transaction collided with another batch's raising the same Andon. */
const RAISE_ATTEMPTS = 3;

const isConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((r) => r.Code === "TransactionConflict");

/**
 * Raises an Andon: the Andon (if absent), its line's mark and its `Andon Raised` event, all or
 * nothing, so there is no Andon without its event and never two for a line-day. Concurrent batches
 * of one line-day may all try at once: DynamoDB cancels colliding transactions, and the next try
 * finds the Andon stored (or stores it, if the other did not land after all).
 * @returns false when the line-day's Andon exists already (another batch raised it first).
 */
export const createAndon = async (andon: Andon, event: OutboxEvent): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: TABLE_NAME(),
                Item: andonItem(andon),
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            { Put: { TableName: TABLE_NAME(), Item: markItem(andon) } },
            outboxPut(event),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (failedConditions(error).includes(0)) return false;
      if (!isConflict(error) || attempt >= RAISE_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
};

/** The decided Andon, provided it is still undecided at `seenVersion`, and its mark removed. */
const decisionItems = (decided: Andon, seenVersion: number): TransactWriteItem[] => [
  {
    Put: {
      TableName: TABLE_NAME(),
      Item: andonItem(decided),
      ConditionExpression: "version = :seen AND #status = :raised",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":seen": { N: String(seenVersion) }, ":raised": { S: "RAISED" } },
    },
  },
  { Delete: { TableName: TABLE_NAME(), Key: toItem(andonRaisedKey(decided.productLineId, decided.day)) } },
];

/**
 * Sends a decision's transaction: the positions of the conditions that failed (none: written), or
 * `contended` when another transaction on the same items was in flight (DynamoDB cancels one of
 * two concurrent decisions so; read again, and the state tells who won).
 */
const send = async (items: TransactWriteItem[]): Promise<number[] | "contended"> => {
  try {
    await dynamodb.send(new TransactWriteItemsCommand({ TransactItems: items }));
    return [];
  } catch (error) {
    const failed = failedConditions(error);
    if (failed.length > 0) return failed;
    if (isConflict(error)) return "contended";
    throw error;
  }
};

/** A decision that did not land for a reason that may change: read the Andon again and retry. */
export type Contended = "contended";

/**
 * Writes a dismissal.
 * @returns `andon-changed` when the Andon changed first (decided by someone else).
 */
export const writeDismissal = async (
  decided: Andon,
  seenVersion: number,
): Promise<"dismissed" | "andon-changed" | Contended> => {
  const failed = await send(decisionItems(decided, seenVersion));
  if (failed === "contended") return failed;
  return failed.length === 0 ? "dismissed" : "andon-changed";
};

export type ConfirmOutcome = "confirmed" | "andon-changed" | "line-has-open-notice" | Contended;

/**
 * Writes a confirmation that issues `notice`: the Andon, its mark removed, the notice and its line's
 * `PULLED` item, and the notice's events, all or nothing. Two confirmations at once cannot both pass
 * the Andon's condition, so one notice is issued.
 * @returns `andon-changed` when the Andon changed first; `line-has-open-notice` when the line got
 * an open notice meanwhile (record the Andon on that one instead).
 */
export const writeConfirmation = async (
  decided: Andon,
  seenVersion: number,
  notice: StoredNotice,
  events: readonly OutboxEvent[],
): Promise<ConfirmOutcome> => {
  const failed = await send([
    ...decisionItems(decided, seenVersion),
    ...noticeIssueItems(notice),
    ...events.map(outboxPut),
  ]);
  if (failed === "contended") return failed;
  if (failed.length === 0) return "confirmed";
  if (failed.includes(0)) return "andon-changed";
  if (failed.includes(3)) return "line-has-open-notice";
  // The notice exists while its Andon was undecided: only a hand-made item could do that.
  throw new Error(`Notice ${notice.id} exists already, yet Andon ${decided.id} was undecided`);
};

export type LinkOutcome = "linked" | "andon-changed" | "notice-changed" | Contended;

/**
 * Writes a confirmation recorded on the line's open notice (`flagged`, provided the notice is still
 * at `noticeSeenVersion`): the Andon, its mark removed, and the notice, all or nothing.
 */
export const writeLink = async (
  decided: Andon,
  seenVersion: number,
  flagged: StoredNotice,
  noticeSeenVersion: number,
): Promise<LinkOutcome> => {
  const failed = await send([
    ...decisionItems(decided, seenVersion),
    noticeReplaceItem(flagged, noticeSeenVersion),
  ]);
  if (failed === "contended") return failed;
  if (failed.length === 0) return "linked";
  return failed.includes(0) ? "andon-changed" : "notice-changed";
};

/**
 * A page of one unit's Andons of one status, newest first, below `before` (the sort key a previous
 * page ended at).
 */
export const readUnitAndons = async (
  businessUnitId: string,
  status: AndonStatus,
  options: { before?: string; limit: number },
): Promise<{ andon: Andon; sortKey: string }[]> =>
  (await readIndexedDocuments(Andon, andonGsiPk(businessUnitId, status), options)).map(
    ({ document, sortKey }) => ({
      andon: document,
      sortKey,
    }),
  );
