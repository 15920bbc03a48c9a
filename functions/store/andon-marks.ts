/**
 * The marks of lines with an undecided Andon (`ANDON_RAISED`, one item per undecided Andon, see
 * `keys.ts`), as rankings, the catalog and a line's metrics read them: one query, apart from the
 * Andon store so that those readers' bundles carry only this.
 */
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import type { Item } from "./attributes";
import { ANDON_RAISED_PK } from "./keys";
import { TABLE_NAME } from "./table";

const readMarks = async (prefix?: string): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: prefix ? "pk = :pk AND begins_with(sk, :prefix)" : "pk = :pk",
        ExpressionAttributeValues: {
          ":pk": { S: ANDON_RAISED_PK },
          ...(prefix ? { ":prefix": { S: prefix } } : {}),
        },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/**
 * Lines with an undecided Andon, and the newest such Andon of each (its latest day): the marks, read
 * in key order (line, then day), so a line's later day overwrites its earlier one.
 */
export const readRaisedAndons = async (): Promise<Map<string, string>> => {
  const lines = new Map<string, string>();
  for (const item of await readMarks()) {
    const sk = item.sk?.S ?? "";
    lines.set(sk.slice(0, sk.lastIndexOf("#")), item.andonId?.S ?? "");
  }
  return lines;
};

/** The newest undecided Andon of one line, if it has one. */
export const readRaisedAndonOf = async (productLineId: string): Promise<string | undefined> =>
  (await readMarks(`${productLineId}#`)).at(-1)?.andonId?.S;
