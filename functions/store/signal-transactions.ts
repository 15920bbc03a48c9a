/**
 * What one ingest transaction holds: each signal's write (a conditional put, or the replay of a
 * quarantined one) and ONE aggregated increment per counter item the signals touch — each line's
 * day rollup, and its quarter and year totals, all in the transaction's shard — so that a signal
 * lands with all its counts or not at all. Also how a batch is packed into such transactions.
 */
import type { TransactWriteItem } from "@aws-sdk/client-dynamodb";
import { quarterOf, yearOf } from "#core/period";
import { addCounts, countsOfSignal, type RollupCounts } from "#core/rollup";
import { expiresAtEpochSeconds } from "#core/signal-rules";
import { voiceClassOf } from "#core/voice-class";
import type { StoredSignal } from "#schemas/signal";
import { type Item, toItem } from "./attributes";
import { quarantineGsiKeys, rollupKey, signalKey, totalKey, voiceGsiKeys } from "./keys";
import { MAX_TRANSACTION_ITEMS } from "./limits";
import { TABLE_NAME } from "./table";

export type SignalState = "COUNTED" | "QUARANTINED";

/** How each signal of a group is written. */
export type WriteMode =
  /** A new signal: put, conditional on its id never having been stored. */
  | "ingest"
  /** A new signal for an unknown line: put into quarantine, same condition, no counters. */
  | "quarantine"
  /** A quarantined signal whose line now exists: flip it to counted, once. */
  | "replay";

export const signalItem = (s: StoredSignal, state: SignalState, retentionDays: number): Item => {
  const occurredAtUtc = new Date(s.occurredAt).toISOString();
  const index =
    state === "QUARANTINED"
      ? quarantineGsiKeys(s.signalId, s.receivedAt)
      : s.verbatim
        ? voiceGsiKeys(s.productLineId, occurredAtUtc, s.signalId, voiceClassOf(s))
        : {};
  // The key's fields are written out: on Node 20, `{ ...signalKey(id), ...s }` took 4–10× as long
  // as `{ pk, sk, ...s }` and left more garbage (a second spread onto a spread copy misses V8's fast
  // path), and this runs for every signal ingested.
  const { pk, sk } = signalKey(s.signalId);
  return toItem({
    pk,
    sk,
    ...s,
    state,
    ...(state === "QUARANTINED" ? { quarantinedAt: s.receivedAt } : {}),
    expiresAt: expiresAtEpochSeconds(s.occurredAt, retentionDays),
    ...index,
  });
};

const signalWrite = (s: StoredSignal, mode: WriteMode, retentionDays: number): TransactWriteItem => {
  if (mode === "replay") {
    const occurredAtUtc = new Date(s.occurredAt).toISOString();
    const voice = s.verbatim
      ? voiceGsiKeys(s.productLineId, occurredAtUtc, s.signalId, voiceClassOf(s))
      : undefined;
    return {
      Update: {
        TableName: TABLE_NAME(),
        Key: toItem(signalKey(s.signalId)),
        ConditionExpression: "#state = :quarantined",
        UpdateExpression: voice
          ? "SET #state = :counted, #day = :day, gsi1pk = :gpk, gsi1sk = :gsk REMOVE quarantinedAt"
          : "SET #state = :counted, #day = :day REMOVE quarantinedAt, gsi1pk, gsi1sk",
        ExpressionAttributeNames: { "#state": "state", "#day": "day" },
        ExpressionAttributeValues: {
          ":quarantined": { S: "QUARANTINED" },
          ":counted": { S: "COUNTED" },
          ":day": { S: s.day },
          ...(voice ? { ":gpk": { S: voice.gsi1pk }, ":gsk": { S: voice.gsi1sk } } : {}),
        },
      },
    };
  }
  return {
    Put: {
      TableName: TABLE_NAME(),
      Item: signalItem(s, mode === "quarantine" ? "QUARANTINED" : "COUNTED", retentionDays),
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
};

const incrementOf = (
  key: Record<string, string>,
  identity: Record<string, string>,
  counts: RollupCounts,
): TransactWriteItem => {
  const names: Record<string, string> = {};
  const values: Item = {};
  const sets = Object.entries(identity).map(([attribute, value], i) => {
    names[`#i${i}`] = attribute;
    values[`:i${i}`] = { S: value };
    return `#i${i} = :i${i}`;
  });
  const adds = Object.entries(counts).map(([counter, value], i) => {
    names[`#c${i}`] = counter;
    values[`:c${i}`] = { N: String(value) };
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: TABLE_NAME(),
      Key: toItem(key),
      UpdateExpression: `SET ${sets.join(", ")} ADD ${adds.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

/** One aggregated increment of a (line, day, shard) rollup. */
export const rollupIncrement = (
  productLineId: string,
  day: string,
  shard: number,
  counts: RollupCounts,
): TransactWriteItem => incrementOf(rollupKey(productLineId, shard, day), { productLineId, day }, counts);

/** One aggregated increment of a line's total for a period (a quarter or a year), in the rollup's shard. */
export const totalIncrement = (
  productLineId: string,
  period: string,
  shard: number,
  counts: RollupCounts,
): TransactWriteItem =>
  incrementOf(totalKey(period, productLineId, shard), { productLineId, period }, counts);

const lineDay = (s: StoredSignal) => `${s.productLineId}\u0000${s.day}`;

/** The counter items a counted signal increments: its day rollup, its quarter and year totals. */
const counterItemsOf = (s: StoredSignal): string[] => [
  `R\u0000${lineDay(s)}`,
  `Q\u0000${s.productLineId}\u0000${quarterOf(s.day)}`,
  `Y\u0000${s.productLineId}\u0000${yearOf(s.day)}`,
];

/**
 * Packs signals into groups that each fit one transaction: signals plus one increment per distinct
 * counter item among them (none in quarantine mode).
 */
export const planTransactions = (
  signals: readonly StoredSignal[],
  withCounters: boolean,
  maxItems = MAX_TRANSACTION_ITEMS,
): StoredSignal[][] => {
  const sorted = [...signals].sort((a, b) =>
    lineDay(a) < lineDay(b) ? -1 : lineDay(a) > lineDay(b) ? 1 : 0,
  );
  const groups: StoredSignal[][] = [];
  let current: StoredSignal[] = [];
  let counters = new Set<string>();
  for (const s of sorted) {
    const touched = withCounters ? counterItemsOf(s) : [];
    const extra = touched.filter((c) => !counters.has(c)).length;
    if (current.length > 0 && current.length + counters.size + 1 + extra > maxItems) {
      groups.push(current);
      current = [];
      counters = new Set();
    }
    current.push(s);
    for (const c of touched) counters.add(c);
  }
  if (current.length > 0) groups.push(current);
  return groups;
};

/** The items of one transaction: the signal writes first (their index = their position), then increments. */
export const transactionItems = (
  group: readonly StoredSignal[],
  mode: WriteMode,
  shard: number,
  retentionDays: number,
): TransactWriteItem[] => {
  const items = group.map((s) => signalWrite(s, mode, retentionDays));
  if (mode === "quarantine") return items;
  const sums = new Map<
    string,
    { write: (counts: RollupCounts) => TransactWriteItem; counts: RollupCounts }
  >();
  for (const s of group) {
    const counts = countsOfSignal(s);
    const [rollup, quarter, year] = counterItemsOf(s) as [string, string, string];
    const writers: [string, (c: RollupCounts) => TransactWriteItem][] = [
      [rollup, (c) => rollupIncrement(s.productLineId, s.day, shard, c)],
      [quarter, (c) => totalIncrement(s.productLineId, quarterOf(s.day), shard, c)],
      [year, (c) => totalIncrement(s.productLineId, yearOf(s.day), shard, c)],
    ];
    for (const [key, write] of writers) {
      const entry = sums.get(key);
      sums.set(key, { write, counts: addCounts(entry?.counts ?? {}, counts) });
    }
  }
  for (const { write, counts } of sums.values()) items.push(write(counts));
  return items;
};
