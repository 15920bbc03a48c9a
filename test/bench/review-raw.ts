/**
 * DynamoDB Local's own time for what the read APIs read, sent straight from Node with the SDK (no
 * handler, no HTTP): the review bench's references (DESIGN §5: API p95 reported beside the raw
 * `Query` of the same items in the same run). Each reader answers the items it got, so a case can
 * check them against what the handler read.
 */
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/client-dynamodb";
import { voiceClassOf } from "#core/voice-class";
import type { Voice } from "#schemas/voice";
import {
  ANDON_RAISED_PK,
  CATALOG_PK,
  pulledKey,
  TOTAL_BUCKETS,
  totalBucketOf,
  totalPk,
  totalSkPrefix,
  voiceGsiPk,
} from "#store/keys";

type Item = Record<string, AttributeValue>;
const marshalledKey = (key: { pk: string; sk: string }) => ({ pk: { S: key.pk }, sk: { S: key.sk } });
type Query = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey">;

export const rawReads = (client: DynamoDBClient, tableName: string) => {
  const query = (input: Query, start?: Record<string, never>) =>
    client.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey: start }));
  /** Every page of a Query (none of the references below is capped by a Limit). */
  const queryAll = async (input: Query): Promise<Item[]> => {
    const items: Item[] = [];
    let start: Record<string, never> | undefined;
    do {
      const out = await query(input, start);
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey as typeof start;
    } while (start);
    return items;
  };
  const partition = (pk: string, consistent = false) =>
    queryAll({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: pk } },
      ...(consistent ? { ConsistentRead: true } : {}),
    });
  /** A period's totals, as `readPeriodTotals` reads them: the 16 bucket partitions in parallel. */
  const totals = async (period: string) => {
    const parts = await Promise.all(
      Array.from({ length: TOTAL_BUCKETS }, (_, b) => partition(totalPk(period, b))),
    );
    const lines = new Set(parts.flat().map((item) => item.productLineId?.S));
    lines.delete(undefined);
    return { items: parts.reduce((n, p) => n + p.length, 0), lines: lines.size };
  };
  const catalog = async () => (await partition(CATALOG_PK)).length;
  return {
    partition,
    totals,
    catalog,
    /** A cache miss of the problem board: both periods' totals and the catalog, each read once. */
    problems: async (period: string, previous: string) => {
      const [now, then, lines] = await Promise.all([totals(period), totals(previous), catalog()]);
      return now.items + then.items + lines;
    },
    /** `listNotices` for the CCO: the unit ids, then each unit's newest `limit + 1` notices. */
    notices: async (limit: number) => {
      const units = await queryAll({
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :bu)",
        ExpressionAttributeValues: { ":pk": { S: CATALOG_PK }, ":bu": { S: "BU#" } },
        ProjectionExpression: "id",
      });
      const pages = await Promise.all(
        units.map((unit) =>
          query({
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :pk",
            ExpressionAttributeValues: { ":pk": { S: `NOTICES#${unit.id?.S}` } },
            ScanIndexForward: false,
            Limit: limit + 1,
          }),
        ),
      );
      return units.length + pages.reduce((n, p) => n + (p.Items?.length ?? 0), 0);
    },
    /**
     * `productLineMetrics` for a quarter, the same reads in the same order: the line's pulled mark
     * and its Andon marks together, then its total. The line (cached once looked up, for the
     * container's life) and the policy (cached 30 s) are not read by a warm container.
     */
    metrics: async (quarter: string, line: string) => {
      const [pulled, andons] = await Promise.all([
        client.send(
          new GetItemCommand({
            TableName: tableName,
            Key: marshalledKey(pulledKey(line)),
            ConsistentRead: true,
          }),
        ),
        queryAll({
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": { S: ANDON_RAISED_PK }, ":prefix": { S: `${line}#` } },
          ConsistentRead: true,
        }),
      ]);
      const total = await queryAll({
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :line)",
        ExpressionAttributeValues: {
          ":pk": { S: totalPk(quarter, totalBucketOf(line)) },
          ":line": { S: totalSkPrefix(line) },
        },
        ConsistentRead: true,
      });
      return (pulled.Item ? 1 : 0) + andons.length + total.length;
    },
    /** A listen-in page's voices, as `bench -- voices` reads them: one Query per line and class drawn from. */
    voices: async (voices: Voice[]) => {
      const groups = new Map<string, { line: string; cls: string; newest: string; count: number }>();
      for (const v of voices) {
        const cls = voiceClassOf(v);
        const key = `${v.productLineId} ${cls}`;
        const group = groups.get(key);
        if (group) group.count++;
        else
          groups.set(key, {
            line: v.productLineId,
            cls,
            newest: `${new Date(v.occurredAt).toISOString()}#${v.signalId}`,
            count: 1,
          });
      }
      const pages = await Promise.all(
        [...groups.values()].map((g) =>
          query({
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :first AND :newest",
            ExpressionAttributeValues: {
              ":pk": { S: voiceGsiPk(g.line) },
              ":first": { S: `${g.cls}#` },
              ":newest": { S: `${g.cls}#${g.newest}` },
            },
            ScanIndexForward: false,
            Limit: g.count,
          }),
        ),
      );
      return pages.reduce((n, p) => n + (p.Items?.length ?? 0), 0);
    },
  };
};

export type RawReads = ReturnType<typeof rawReads>;
