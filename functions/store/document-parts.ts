/**
 * Documents larger than DynamoDB's 400 KB item limit (a review or the awards of a period with
 * thousands of lines), stored as a head and parts: the arrays that grow with the lines are cut into
 * runs of whole entries of at most {@link PART_BYTES} (UTF-8), one item each, and the rest of the
 * document stays in the head. The stores that use this decide the keys and the order of writes.
 */
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import type { Item } from "./attributes";
import { TABLE_NAME } from "./table";

/** JSON bytes per part: under the 400 KB item limit with room for the keys and attribute names. */
export const PART_BYTES = 300_000;

/** One part: which array (`of`) and a JSON array of some of its entries, in order. */
export interface Part<K extends string> {
  of: K;
  doc: string;
}

/** Each array named in `fields` in runs of whole entries of at most `PART_BYTES` (UTF-8), in order. */
export const partsOf = <K extends string>(
  document: Record<K, readonly unknown[]>,
  fields: readonly K[],
): Part<K>[] => {
  const parts: Part<K>[] = [];
  for (const of of fields) {
    let entries: string[] = [];
    let bytes = 2;
    const flush = () => {
      if (entries.length > 0) parts.push({ of, doc: `[${entries.join(",")}]` });
      entries = [];
      bytes = 2;
    };
    for (const entry of document[of]) {
      const json = JSON.stringify(entry);
      const size = Buffer.byteLength(json) + 1;
      if (entries.length > 0 && bytes + size > PART_BYTES) flush();
      entries.push(json);
      bytes += size;
    }
    flush();
  }
  return parts;
};

/**
 * The arrays that `parts` (items with `of` and `doc`, in sort-key order) hold, each joined whole.
 * @throws Error naming `what` when a part is malformed.
 */
export const joinParts = <K extends string>(
  parts: readonly Item[],
  fields: readonly K[],
  what: string,
): Record<K, unknown[]> => {
  const joined = Object.fromEntries(fields.map((field) => [field, [] as unknown[]])) as Record<K, unknown[]>;
  for (const part of parts) {
    const of = part.of?.S;
    if (of === undefined || !fields.includes(of as K) || part.doc?.S === undefined)
      throw new Error(`${what} has a malformed part ${part.sk?.S}`);
    joined[of as K].push(...(JSON.parse(part.doc.S) as unknown[]));
  }
  return joined;
};

/** Every item a Query finds, page after page (a page holds 1 MB: about three parts), consistently. */
export const queryAll = async (
  input: Omit<ConstructorParameters<typeof QueryCommand>[0], "TableName">,
): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({ ...input, TableName: TABLE_NAME(), ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};
