/**
 * Writes signals so that each is stored and counted exactly once, whatever the retries.
 *
 * A batch is packed into transactions (`./signal-transactions.ts`): each signal's conditional write
 * with one aggregated increment per counter item it touches (its day rollup, its quarter and year
 * totals), so a signal lands with all its counts or not at all. A cancelled transaction tells which
 * signals already exist (duplicates); those are dropped and the rest retried. A `ClientRequestToken`
 * per attempt makes the SDK's own retries of a transaction that did commit (lost response) idempotent.
 */
import { randomUUID } from "node:crypto";
import {
  GetItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import { backoff } from "#lib/backoff";
import { dynamodb } from "#lib/clients";
import { StoredSignal } from "#schemas/signal";
import { fromItem, toItem } from "./attributes";
import { MAX_ATTEMPTS } from "./batch";
import { ROLLUP_SHARDS, signalKey } from "./keys";
import { MAX_TRANSACTION_ITEMS } from "./limits";
import { planTransactions, type SignalState, transactionItems, type WriteMode } from "./signal-transactions";
import { TABLE_NAME } from "./table";

export type { SignalState, WriteMode } from "./signal-transactions";
export { planTransactions, rollupIncrement, signalItem, transactionItems } from "./signal-transactions";
export { MAX_TRANSACTION_ITEMS };

/** Transactions of one batch in flight at once. */
const PARALLEL_TRANSACTIONS = 4;

export interface WriteOutcome {
  /** Ids written by this call (counted, or quarantined for mode `quarantine`). */
  written: string[];
  /** Ids already stored (or, for `replay`, no longer in quarantine). */
  duplicates: string[];
  /** DynamoDB requests issued (for the budget of DESIGN §5). */
  requests: number;
}

const RETRYABLE_REASONS = new Set([
  "TransactionConflict",
  "ThrottlingError",
  "ProvisionedThroughputExceeded",
  "RequestLimitExceeded",
]);

const commitGroup = async (
  group: StoredSignal[],
  mode: WriteMode,
  retentionDays: number,
): Promise<WriteOutcome> => {
  const duplicates: string[] = [];
  let pending = group;
  let requests = 0;
  // Every line's home shard first, so that a quiet line keeps one rollup per day and one total per
  // period (reads grow with lines, not signals); only a conflict or a throttle on those items moves
  // the retry to the next shard (dropped duplicates do not), so only contended lines spread out.
  let shard = 0;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(
        `Transaction of ${pending.length} signals still contended after ${MAX_ATTEMPTS} attempts`,
      );
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
      shard = (shard + 1) % ROLLUP_SHARDS;
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
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const index = next++;
      const group = groups[index];
      if (!group) return;
      const result = await commitGroup(group, mode, retentionDays);
      outcome.written.push(...result.written);
      outcome.duplicates.push(...result.duplicates);
      outcome.requests += result.requests;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_TRANSACTIONS, groups.length) }, worker));
  return outcome;
};

/**
 * One stored signal by id (a chase quotes it), counted or quarantined; undefined when no signal
 * has that id. Parsed field by field, so index keys and the expiry stay behind.
 */
export const readSignal = async (
  signalId: string,
): Promise<{ state: SignalState; signal: StoredSignal } | undefined> => {
  const out = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(signalKey(signalId)), ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  const state: SignalState = out.Item.state?.S === "QUARANTINED" ? "QUARANTINED" : "COUNTED";
  return { state, signal: StoredSignal.parse(fromItem(out.Item)) };
};
