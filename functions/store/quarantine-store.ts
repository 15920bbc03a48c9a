/** Quarantined signals: listed from gsi1 (oldest first), looked up by id for a replay. */
import { BatchGetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { QuarantinedSignal } from "../../schemas/quarantine";
import { dynamodb } from "../lib/clients";
import { fromItem, type Item, toItem } from "./attributes";
import { QUARANTINE_GSI_PK, signalKey } from "./keys";
import { withUnprocessedRetries } from "./retry";
import { TABLE_NAME } from "./table";

const toQuarantined = (item: Item): QuarantinedSignal => {
  const { pk: _pk, sk: _sk, state: _state, expiresAt: _e, gsi1pk: _g, gsi1sk: _s, ...rest } = fromItem(item);
  return QuarantinedSignal.parse(rest);
};

export interface QuarantinePageResult {
  items: QuarantinedSignal[];
  /** The DynamoDB key to continue from, when there is more. */
  next?: Item;
}

export const listQuarantine = async (limit: number, start?: Item): Promise<QuarantinePageResult> => {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE_NAME(),
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: QUARANTINE_GSI_PK } },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return {
    items: (out.Items ?? []).map(toQuarantined),
    ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
  };
};

/** The quarantined signals among these ids (ids that are counted or unknown are absent). */
export const findQuarantined = async (signalIds: readonly string[]): Promise<QuarantinedSignal[]> => {
  const found: QuarantinedSignal[] = [];
  const unique = [...new Set(signalIds)];
  for (let i = 0; i < unique.length; i += 100) {
    const keys = unique.slice(i, i + 100).map((id) => toItem(signalKey(id)));
    await withUnprocessedRetries(keys, async (pending) => {
      const out = await dynamodb.send(
        new BatchGetItemCommand({ RequestItems: { [TABLE_NAME()]: { Keys: pending } } }),
      );
      for (const item of out.Responses?.[TABLE_NAME()] ?? [])
        if (item.state?.S === "QUARANTINED") found.push(toQuarantined(item));
      return out.UnprocessedKeys?.[TABLE_NAME()]?.Keys ?? [];
    });
  }
  return found;
};
