/**
 * Batch reads and writes of the table, with what DynamoDB hands back unprocessed (throttling on
 * some partitions) retried with backoff: the one place that loops over `BatchGetItem` and
 * `BatchWriteItem`. Throttled whole calls are retried by the SDK itself (adaptive mode).
 */
import { BatchGetItemCommand, BatchWriteItemCommand, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { backoff } from "#lib/backoff";
import { dynamodb } from "#lib/clients";
import type { Item } from "./attributes";
import { TABLE_NAME } from "./table";

/** Tries of one batch call before giving up on what is still unprocessed. */
export const MAX_ATTEMPTS = 8;
/** DynamoDB's limits per call. */
export const MAX_GET_KEYS = 100;
export const MAX_WRITE_REQUESTS = 25;

/** Sends `initial`, then whatever `send` hands back, until nothing is left. */
export const withUnprocessedRetries = async <T>(
  initial: T[],
  send: (pending: T[]) => Promise<T[]>,
): Promise<void> => {
  let pending = initial;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} requests unprocessed`);
    if (attempt > 0) await backoff(attempt);
    pending = await send(pending);
  }
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The items stored under these keys (absent keys are simply missing from the answer, in no order).
 * @param projection attribute names to read, when not all are needed.
 * @param consistent strongly consistent reads (what a write just committed is seen).
 */
export const batchGetItems = async (
  keys: readonly Item[],
  projection?: readonly string[],
  consistent = false,
): Promise<Item[]> => {
  const found: Item[] = [];
  const names = projection ? Object.fromEntries(projection.map((n, i) => [`#p${i}`, n])) : undefined;
  for (const chunk of chunks(keys, MAX_GET_KEYS)) {
    await withUnprocessedRetries(chunk, async (pending) => {
      const out = await dynamodb.send(
        new BatchGetItemCommand({
          RequestItems: {
            [TABLE_NAME()]: {
              Keys: pending,
              ...(consistent ? { ConsistentRead: true } : {}),
              ...(names
                ? { ProjectionExpression: Object.keys(names).join(", "), ExpressionAttributeNames: names }
                : {}),
            },
          },
        }),
      );
      found.push(...(out.Responses?.[TABLE_NAME()] ?? []));
      return out.UnprocessedKeys?.[TABLE_NAME()]?.Keys ?? [];
    });
  }
  return found;
};

/** Writes (puts or deletes) in calls of 25, in order of the calls. Not atomic across calls. */
export const batchWriteItems = async (requests: readonly WriteRequest[]): Promise<void> => {
  for (const chunk of chunks(requests, MAX_WRITE_REQUESTS)) {
    await withUnprocessedRetries(chunk, async (pending) => {
      const out = await dynamodb.send(
        new BatchWriteItemCommand({ RequestItems: { [TABLE_NAME()]: pending } }),
      );
      return out.UnprocessedItems?.[TABLE_NAME()] ?? [];
    });
  }
};
