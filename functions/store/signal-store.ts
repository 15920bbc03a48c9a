/**
 * Writes signals so that each is stored and counted exactly once, whatever the retries.
 *
 * A batch is sorted by (product line, day) and packed into transactions of at most
 * `MAX_TRANSACTION_ITEMS` items: each signal's conditional write plus ONE aggregated increment per
 * counter item it touches in that transaction: its line's day rollup, and its line's quarter and
 * year totals. Either a signal lands together with all its increments, or nothing does, which is
 * why a period total always equals the sum of the line's day rollups in the period. A cancelled transaction tells which signals already exist
 * (duplicates); those are dropped and the rest retried. A `ClientRequestToken` per attempt makes
 * the SDK's own retries of a transaction that did commit (lost response) idempotent.
 */
import { randomUUID } from "node:crypto";
import {
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { quarterOf, yearOf } from "#core/period";
import { addCounts, countsOfSignal, type RollupCounts } from "#core/rollup";
import { expiresAtEpochSeconds } from "#core/signal-rules";
import { backoff } from "#lib/backoff";
import { dynamodb } from "#lib/clients";
import type { StoredSignal } from "#schemas/signal";
import { type Item, toItem } from "./attributes";
import { MAX_ATTEMPTS } from "./batch";
import { quarantineGsiKeys, ROLLUP_SHARDS, rollupKey, signalKey, totalKey, voiceGsiKeys } from "./keys";
import { MAX_TRANSACTION_ITEMS } from "./limits";
import { TABLE_NAME } from "./table";

export { MAX_TRANSACTION_ITEMS };

/** Transactions of one batch in flight at once. */
const PARALLEL_TRANSACTIONS = 4;

export type SignalState = "COUNTED" | "QUARANTINED";

/** How each signal of a group is written. */
export type WriteMode =
  /** A new signal: put, conditional on its id never having been stored. */
  | "ingest"
  /** A new signal for an unknown line: put into quarantine, same condition, no rollups. */
  | "quarantine"
  /** A quarantined signal whose line now exists: flip it to counted, once. */
  | "replay";

export interface WriteOutcome {
  /** Ids written by this call (counted, or quarantined for mode `quarantine`). */
  written: string[];
  /** Ids already stored (or, for `replay`, no longer in quarantine). */
  duplicates: string[];
  /** DynamoDB requests issued (for the budget of DESIGN §5). */
  requests: number;
}

export const signalItem = (s: StoredSignal, state: SignalState, retentionDays: number): Item => {
  const occurredAtUtc = new Date(s.occurredAt).toISOString();
  const index =
    state === "QUARANTINED"
      ? quarantineGsiKeys(s.signalId, s.receivedAt)
      : s.verbatim
        ? voiceGsiKeys(s.productLineId, occurredAtUtc, s.signalId)
        : {};
  return toItem({
    ...signalKey(s.signalId),
    ...s,
    state,
    ...(state === "QUARANTINED" ? { quarantinedAt: s.receivedAt } : {}),
    expiresAt: expiresAtEpochSeconds(s.occurredAt, retentionDays),
    ...index,
  });
};

const signalWrite = (s: StoredSignal, mode: WriteMode, retentionDays: number): TransactWriteItem => {
  if (mode === "replay") {
    const occurredAtUtc = new Date(s.occurredAt).toISOString();
    const voice = s.verbatim ? voiceGsiKeys(s.productLineId, occurredAtUtc, s.signalId) : undefined;
    return {
      Update: {
        TableName: TABLE_NAME(),
        Key: toItem(signalKey(s.signalId)),
        ConditionExpression: "#state = :quarantined",
        UpdateExpression: voice
          ? "SET #state = :counted, #day = :day, gsi1pk = :gpk, gsi1sk = :gsk REMOVE quarantinedAt"
          : "SET #state = :counted, #day = :day REMOVE quarantinedAt, gsi1pk, gsi1sk",
        ExpressionAttributeNames: { "#state": "state", "#day": "day" },
        ExpressionAttributeValues: {
          ":quarantined": { S: "QUARANTINED" },
          ":counted": { S: "COUNTED" },
          ":day": { S: s.day },
          ...(voice ? { ":gpk": { S: voice.gsi1pk }, ":gsk": { S: voice.gsi1sk } } : {}),
        },
      },
    };
  }
  return {
    Put: {
      TableName: TABLE_NAME(),
      Item: signalItem(s, mode === "quarantine" ? "QUARANTINED" : "COUNTED", retentionDays),
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
};

const incrementOf = (
  key: Record<string, string>,
  identity: Record<string, string>,
  counts: RollupCounts,
): TransactWriteItem => {
  const names: Record<string, string> = {};
  const values: Item = {};
  const sets = Object.entries(identity).map(([attribute, value], i) => {
    names[`#i${i}`] = attribute;
    values[`:i${i}`] = { S: value };
    return `#i${i} = :i${i}`;
  });
  const adds = Object.entries(counts).map(([counter, value], i) => {
    names[`#c${i}`] = counter;
    values[`:c${i}`] = { N: String(value) };
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: TABLE_NAME(),
      Key: toItem(key),
      UpdateExpression: `SET ${sets.join(", ")} ADD ${adds.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

/** One aggregated increment of a (line, day, shard) rollup. */
export const rollupIncrement = (
  productLineId: string,
  day: string,
  shard: number,
  counts: RollupCounts,
): TransactWriteItem => incrementOf(rollupKey(productLineId, shard, day), { productLineId, day }, counts);

/** One aggregated increment of a line's total for a period (a quarter or a year), in the rollup's shard. */
export const totalIncrement = (
  productLineId: string,
  period: string,
  shard: number,
  counts: RollupCounts,
): TransactWriteItem =>
  incrementOf(totalKey(period, productLineId, shard), { productLineId, period }, counts);

const lineDay = (s: StoredSignal) => `${s.productLineId}\u0000${s.day}`;

/** The counter items a counted signal increments: its day rollup, its quarter and year totals. */
const counterItemsOf = (s: StoredSignal): string[] => [
  `R\u0000${lineDay(s)}`,
  `Q\u0000${s.productLineId}\u0000${quarterOf(s.day)}`,
  `Y\u0000${s.productLineId}\u0000${yearOf(s.day)}`,
];

/**
 * Packs signals into groups that each fit one transaction: signals plus one increment per distinct
 * counter item among them (none in quarantine mode).
 */
export const planTransactions = (
  signals: readonly StoredSignal[],
  withCounters: boolean,
  maxItems = MAX_TRANSACTION_ITEMS,
): StoredSignal[][] => {
  const sorted = [...signals].sort((a, b) =>
    lineDay(a) < lineDay(b) ? -1 : lineDay(a) > lineDay(b) ? 1 : 0,
  );
  const groups: StoredSignal[][] = [];
  let current: StoredSignal[] = [];
  let counters = new Set<string>();
  for (const s of sorted) {
    const touched = withCounters ? counterItemsOf(s) : [];
    const extra = touched.filter((c) => !counters.has(c)).length;
    if (current.length > 0 && current.length + counters.size + 1 + extra > maxItems) {
      groups.push(current);
      current = [];
      counters = new Set();
    }
    current.push(s);
    for (const c of touched) counters.add(c);
  }
  if (current.length > 0) groups.push(current);
  return groups;
};

/** The items of one transaction: the signal writes first (their index = their position), then increments. */
export const transactionItems = (
  group: readonly StoredSignal[],
  mode: WriteMode,
  shard: number,
  retentionDays: number,
): TransactWriteItem[] => {
  const items = group.map((s) => signalWrite(s, mode, retentionDays));
  if (mode === "quarantine") return items;
  const sums = new Map<
    string,
    { write: (counts: RollupCounts) => TransactWriteItem; counts: RollupCounts }
  >();
  for (const s of group) {
    const counts = countsOfSignal(s);
    const [rollup, quarter, year] = counterItemsOf(s) as [string, string, string];
    const writers: [string, (c: RollupCounts) => TransactWriteItem][] = [
      [rollup, (c) => rollupIncrement(s.productLineId, s.day, shard, c)],
      [quarter, (c) => totalIncrement(s.productLineId, quarterOf(s.day), shard, c)],
      [year, (c) => totalIncrement(s.productLineId, yearOf(s.day), shard, c)],
    ];
    for (const [key, write] of writers) {
      const entry = sums.get(key);
      sums.set(key, { write, counts: addCounts(entry?.counts ?? {}, counts) });
    }
  }
  for (const { write, counts } of sums.values()) items.push(write(counts));
  return items;
};

const RETRYABLE_REASONS = new Set([
  "TransactionConflict",
  "ThrottlingError",
  "ProvisionedThroughputExceeded",
  "RequestLimitExceeded",
]);

const commitGroup = async (
  group: StoredSignal[],
  mode: WriteMode,
  firstShard: number,
  retentionDays: number,
): Promise<WriteOutcome> => {
  const duplicates: string[] = [];
  let pending = group;
  let requests = 0;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(
        `Transaction of ${pending.length} signals still contended after ${MAX_ATTEMPTS} attempts`,
      );
    // A new shard per attempt: a conflict on one rollup item is not repeated on the next try.
    const shard = (firstShard + attempt) % ROLLUP_SHARDS;
    try {
      requests++;
      await dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: transactionItems(pending, mode, shard, retentionDays),
          ClientRequestToken: randomUUID(),
        }),
      );
      return { written: pending.map((s) => s.signalId), duplicates, requests };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const existing = new Set(
        pending.filter((_, i) => reasons[i]?.Code === "ConditionalCheckFailed").map((s) => s.signalId),
      );
      if (existing.size > 0) {
        duplicates.push(...existing);
        pending = pending.filter((s) => !existing.has(s.signalId));
        continue;
      }
      if (!reasons.some((r) => r.Code && RETRYABLE_REASONS.has(r.Code))) throw error;
      await backoff(attempt);
    }
  }
  return { written: [], duplicates, requests };
};

/**
 * Writes signals (unique ids within the call) in as few transactions as fit, a few at a time.
 * Throws only when DynamoDB keeps failing; what committed before that stays committed, and a
 * retry of the whole batch reports those signals as duplicates.
 */
export const writeSignals = async (
  signals: readonly StoredSignal[],
  mode: WriteMode,
  retentionDays: number,
): Promise<WriteOutcome> => {
  const groups = planTransactions(signals, mode !== "quarantine");
  const outcome: WriteOutcome = { written: [], duplicates: [], requests: 0 };
  const firstShard = Math.floor(Math.random() * ROLLUP_SHARDS);
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const index = next++;
      const group = groups[index];
      if (!group) return;
      const result = await commitGroup(group, mode, (firstShard + index) % ROLLUP_SHARDS, retentionDays);
      outcome.written.push(...result.written);
      outcome.duplicates.push(...result.duplicates);
      outcome.requests += result.requests;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_TRANSACTIONS, groups.length) }, worker));
  return outcome;
};
