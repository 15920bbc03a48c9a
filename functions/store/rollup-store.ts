/**
 * Reads rollups: one Query per shard of a product line over a day range, so the cost grows with
 * days, never with signals.
 */
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { addCounts, ROLLUP_COUNTER_KEYS, type RollupCounts } from "#core/rollup";
import { dynamodb } from "#lib/clients";
import type { Item } from "./attributes";
import { ROLLUP_SHARDS, rollupPk } from "./keys";
import { TABLE_NAME } from "./table";

const COUNTERS = new Set<string>(ROLLUP_COUNTER_KEYS);

/** The counters held by a rollup or total item (its other attributes are left out). */
export const countsOfItem = (item: Item): RollupCounts => {
  const counts: RollupCounts = {};
  for (const [name, value] of Object.entries(item)) {
    if (COUNTERS.has(name) && value.N !== undefined) counts[name] = Number(value.N);
  }
  return counts;
};

/** One rollup shard of a product line, per day (days without signals are absent), inclusive range. */
export const readShardRollups = async (
  productLineId: string,
  shard: number,
  from: string,
  to: string,
): Promise<Map<string, RollupCounts>> => {
  const byDay = new Map<string, RollupCounts>();
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": { S: rollupPk(productLineId, shard) },
          ":from": { S: from },
          ":to": { S: to },
        },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of out.Items ?? []) if (item.sk?.S) byDay.set(item.sk.S, countsOfItem(item));
    start = out.LastEvaluatedKey;
  } while (start);
  return byDay;
};

/** A product line's counters per day (days with no signals are absent), inclusive range. */
export const readDailyRollups = async (
  productLineId: string,
  from: string,
  to: string,
): Promise<Map<string, RollupCounts>> => {
  const byDay = new Map<string, RollupCounts>();
  const shards = await Promise.all(
    Array.from({ length: ROLLUP_SHARDS }, (_, shard) => readShardRollups(productLineId, shard, from, to)),
  );
  for (const days of shards)
    for (const [day, counts] of days) byDay.set(day, addCounts(byDay.get(day) ?? {}, counts));
  return byDay;
};

/** A product line's counters summed over an inclusive day range. */
export const readRollupTotal = async (
  productLineId: string,
  from: string,
  to: string,
): Promise<RollupCounts> => {
  let total: RollupCounts = {};
  for (const counts of (await readDailyRollups(productLineId, from, to)).values())
    total = addCounts(total, counts);
  return total;
};
