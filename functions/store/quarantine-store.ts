/** Quarantined signals: listed from gsi1 (oldest first), looked up by id for a replay. */
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { QuarantinedSignal } from "#schemas/quarantine";
import { fromItem, type Item, startKeyOf, toItem } from "./attributes";
import { batchGetItems } from "./batch";
import { QUARANTINE_GSI_PK, signalKey } from "./keys";
import { TABLE_NAME } from "./table";

// The schema drops the storage attributes (keys, state, expiry).
const toQuarantined = (item: Item): QuarantinedSignal => QuarantinedSignal.parse(fromItem(item));

export interface QuarantinePageResult {
  items: QuarantinedSignal[];
  /** The DynamoDB key to continue from, when there is more. */
  next?: Item;
}

/** A page of the quarantine, oldest first, from `start` (a position a previous page returned). */
export const readQuarantinePage = async (limit: number, start?: unknown): Promise<QuarantinePageResult> => {
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE_NAME(),
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: QUARANTINE_GSI_PK } },
      Limit: limit,
      ExclusiveStartKey: startKeyOf(start),
    }),
  );
  return {
    items: (out.Items ?? []).map(toQuarantined),
    ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
  };
};

/** The quarantined signals among these ids (ids that are counted or unknown are absent). */
export const findQuarantined = async (signalIds: readonly string[]): Promise<QuarantinedSignal[]> => {
  const keys = [...new Set(signalIds)].map((id) => toItem(signalKey(id)));
  return (await batchGetItems(keys)).filter((item) => item.state?.S === "QUARANTINED").map(toQuarantined);
};
