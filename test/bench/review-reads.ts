/**
 * Counts the items every read the handlers send returns (Query, GetItem, BatchGetItem,
 * TransactGetItems), by what was read, while switched on. Installed on the handlers' own client
 * (`#lib/clients`): the local runtime runs the handlers in this process, so this sees exactly the
 * requests a Lambda would send.
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export interface ReadTally {
  requests: number;
  items: number;
  /** Items scanned by Queries (differs from items only with a filter). */
  scanned: number;
  /** Items by what was read: the partition's kind (`TOTAL`, `CATALOG`, `VOICE`, …) and operation. */
  byKind: Record<string, { requests: number; items: number }>;
}

type Value = { S?: string };
type Input = {
  IndexName?: string;
  Key?: { pk?: Value };
  ExpressionAttributeValues?: Record<string, Value>;
  RequestItems?: Record<string, { Keys?: { pk?: Value }[] }>;
  TransactItems?: { Get?: { Key?: { pk?: Value } } }[];
};
type Output = {
  Items?: unknown[];
  Count?: number;
  ScannedCount?: number;
  Item?: unknown;
  Responses?: Record<string, unknown[]> | { Item?: unknown }[];
};

const READS = new Set(["QueryCommand", "GetItemCommand", "BatchGetItemCommand", "TransactGetItemsCommand"]);

/** `TOTAL#2026-Q3#7` → `TOTAL`: the key's kind without the ids. */
const kindOfKey = (pk: string | undefined) => (pk ? (pk.split("#")[0] ?? pk) : "?");

const kindOf = (command: string, input: Input): string => {
  const op = command.replace(/Command$/, "");
  if (input.IndexName) {
    const first = Object.values(input.ExpressionAttributeValues ?? {})[0]?.S;
    return `${op} ${input.IndexName} ${kindOfKey(input.ExpressionAttributeValues?.[":pk"]?.S ?? first)}`;
  }
  if (input.Key) return `${op} ${kindOfKey(input.Key.pk?.S)}`;
  if (input.RequestItems) {
    const keys = Object.values(input.RequestItems).flatMap((r) => r.Keys ?? []);
    return `${op} ${[...new Set(keys.map((k) => kindOfKey(k.pk?.S)))].join("+")}`;
  }
  if (input.TransactItems)
    return `${op} ${[...new Set(input.TransactItems.map((t) => kindOfKey(t.Get?.Key?.pk?.S)))].join("+")}`;
  const pk =
    input.ExpressionAttributeValues?.[":pk"]?.S ?? Object.values(input.ExpressionAttributeValues ?? {})[0]?.S;
  return `${op} ${kindOfKey(pk)}`;
};

const itemsOf = (output: Output): number => {
  if (output.Items) return output.Items.length;
  if (output.Count !== undefined) return output.Count;
  if ("Item" in output) return output.Item ? 1 : 0;
  const responses = output.Responses;
  if (Array.isArray(responses)) return responses.filter((r) => r.Item).length;
  if (responses) return Object.values(responses).reduce((n, list) => n + list.length, 0);
  return 0;
};

export const emptyTally = (): ReadTally => ({ requests: 0, items: 0, scanned: 0, byKind: {} });

/** Installs the counter on `client`; `start()` begins a new tally, `stop()` ends and answers it. */
export const readCounter = (client: DynamoDBClient) => {
  let tally: ReadTally | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const command = context.commandName ?? "";
      if (tally && READS.has(command)) {
        const output = result.output as Output;
        const items = itemsOf(output);
        const kind = kindOf(command, args.input as Input);
        tally.requests++;
        tally.items += items;
        tally.scanned += output.ScannedCount ?? items;
        const entry = tally.byKind[kind] ?? { requests: 0, items: 0 };
        entry.requests++;
        entry.items += items;
        tally.byKind[kind] = entry;
      }
      return result;
    },
    { step: "initialize", name: "benchReadCounter" },
  );
  return {
    start: () => {
      tally = emptyTally();
    },
    stop: (): ReadTally => {
      const done = tally ?? emptyTally();
      tally = undefined;
      return done;
    },
  };
};
