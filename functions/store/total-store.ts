/**
 * Period totals: per product line per quarter and per year (one item per rollup shard the line was
 * written in, at most `ROLLUP_SHARDS`), incremented in the ingest transaction with the day rollups
 * of the same shard, so that each shard's total always equals the sum of that shard's rollups.
 * Spread over `TOTAL_BUCKETS` partitions per period: a period's totals for every line cost one Query
 * per bucket, O(lines) small items, never O(signals).
 */
import { GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { addCounts, type RollupCounts } from "#core/rollup";
import { dynamodb } from "#lib/clients";
import { type Item, toItem } from "./attributes";
import { TOTAL_BUCKETS, totalBucketOf, totalKey, totalPk, totalSkPrefix, totalsCompleteKey } from "./keys";
import { countsOfItem } from "./rollup-store";
import { TABLE_NAME } from "./table";

export interface PeriodTotals {
  /** Each line's counters in the period; lines without signals are absent. */
  byLine: Map<string, RollupCounts>;
  /** Items read, for the bench (DESIGN §5: reads grow with lines, never with signals). */
  itemsRead: number;
}

/** Every line's counters for `period` (a quarter or a year). */
export const readPeriodTotals = async (period: string): Promise<PeriodTotals> => {
  const byLine = new Map<string, RollupCounts>();
  let itemsRead = 0;
  await Promise.all(
    Array.from({ length: TOTAL_BUCKETS }, async (_, bucket) => {
      let start: Item | undefined;
      do {
        const out = await dynamodb.send(
          new QueryCommand({
            TableName: TABLE_NAME(),
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": { S: totalPk(period, bucket) } },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const line = item.productLineId?.S;
          if (line) byLine.set(line, addCounts(byLine.get(line) ?? {}, countsOfItem(item)));
        }
        itemsRead += out.Items?.length ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
    }),
  );
  return { byLine, itemsRead };
};

/** One line's counters for a period, per shard (shards never written are absent). */
export const readLineShardTotals = async (
  period: string,
  productLineId: string,
): Promise<Map<number, RollupCounts>> => {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE_NAME(),
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :line)",
      ExpressionAttributeValues: {
        ":pk": { S: totalPk(period, totalBucketOf(productLineId)) },
        ":line": { S: totalSkPrefix(productLineId) },
      },
      ConsistentRead: true,
    }),
  );
  return new Map(
    (out.Items ?? []).map((item) => [
      Number(item.sk?.S?.slice(totalSkPrefix(productLineId).length)),
      countsOfItem(item),
    ]),
  );
};

/** One line's counters for a period (empty when it has none). */
export const readLineTotal = async (period: string, productLineId: string): Promise<RollupCounts> => {
  let sum: RollupCounts = {};
  for (const counts of (await readLineShardTotals(period, productLineId)).values())
    sum = addCounts(sum, counts);
  return sum;
};

/**
 * Replaces one shard of a line's total for a period with `counts`, provided nothing was counted
 * into it since it was read with `seenN` signals (undefined: it did not exist). Every ingest adds to
 * `n`, so an unchanged `n` means no increment was lost. False when it moved: read again and retry.
 */
export const replaceShardTotal = async (
  period: string,
  productLineId: string,
  shard: number,
  counts: RollupCounts,
  seenN: number | undefined,
): Promise<boolean> => {
  try {
    await dynamodb.send(
      new PutItemCommand({
        TableName: TABLE_NAME(),
        Item: toItem({ ...totalKey(period, productLineId, shard), productLineId, period, ...counts }),
        ConditionExpression: seenN === undefined ? "attribute_not_exists(pk)" : "n = :seen",
        ...(seenN === undefined ? {} : { ExpressionAttributeValues: { ":seen": { N: String(seenN) } } }),
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
};

/** Whether the table's totals are known to be complete (a table made with totals, or rebuilt). */
export const totalsComplete = async (): Promise<boolean> => {
  const out = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(totalsCompleteKey()), ConsistentRead: true }),
  );
  return out.Item !== undefined;
};

/** Records that the table's totals are complete, and when. */
export const markTotalsComplete = async (now = new Date()): Promise<void> => {
  await dynamodb.send(
    new PutItemCommand({
      TableName: TABLE_NAME(),
      Item: toItem({ ...totalsCompleteKey(), at: now.toISOString() }),
    }),
  );
};
