/**
 * The stored awards of each period: one head per period, overwritten by each preview, and once a
 * run finalizes the period, never again — finalizing is a conditional write that no later write can
 * pass, made in one transaction with the `Awards Published` event in the outbox.
 *
 * The awards carry every eligible line of the period (~150 bytes each) and up to 3 citations of up
 * to 4,000 characters per award, so at 10,000 lines they are over DynamoDB's 400 KB item limit. They
 * are stored as a head (the awards without `red`, `rotten` and `ranked`, the run's id, how many parts
 * it has, and whether it is final) and parts of bounded size keyed by the run's id. A run writes its
 * parts first, then the head, conditional on the head it read (none, or the same run and not final),
 * so the head only ever names parts that are all written and a finalized head is never replaced. A
 * run that replaced a preview deletes that preview's parts; a run that lost to a finalized head
 * deletes its own and answers the stored awards. A reader that finds a head's parts gone (a preview
 * replaced it meanwhile) reads the new head.
 */
import { randomUUID } from "node:crypto";
import { GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { Awards } from "#schemas/award";
import { type Item, toItem } from "./attributes";
import { batchWriteItems } from "./batch";
import { conditionFailed } from "./conditions";
import { joinParts, partsOf, queryAll } from "./document-parts";
import { awardsKey, awardsPartKey, awardsPartPrefix } from "./keys";
import { type OutboxEvent, outboxPut } from "./outbox-store";
import { TABLE_NAME } from "./table";

/** What grows with the period's lines (and with `awards.count`) goes in parts. */
const SPLIT = ["red", "rotten", "ranked"] as const;
/** Writes that find the head moved (previews racing) before giving up; reads likewise. */
const MAX_ATTEMPTS = 8;

export type StoreOutcome =
  /** These awards are stored (and, if final, their event queued). */
  | { outcome: "stored"; awards: Awards }
  /** The period was already finalized: these are the stored awards, unchanged. */
  | { outcome: "already-final"; awards: Awards };

const readHead = async (period: string): Promise<Item | undefined> => {
  const out = await dynamodb.send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(awardsKey(period)), ConsistentRead: true }),
  );
  return out.Item;
};

class PartsMissingError extends Error {
  override name = "PartsMissingError";
}

/** The awards a head stands for, with its parts. */
const assemble = async (head: Item): Promise<Awards> => {
  const what = `The stored awards ${head.pk?.S}`;
  const doc = head.doc?.S;
  const runId = head.runId?.S;
  if (doc === undefined || runId === undefined) throw new Error(`${what} have no document`);
  const parts = await queryAll({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: { ":pk": { S: head.pk?.S ?? "" }, ":prefix": { S: awardsPartPrefix(runId) } },
  });
  const expected = Number(head.parts?.N);
  if (parts.length !== expected)
    throw new PartsMissingError(`${what} (run ${runId}) have ${parts.length} of their ${expected} parts`);
  return Awards.parse({ ...JSON.parse(doc), ...joinParts(parts, SPLIT, what) });
};

/**
 * The awards of `head`'s period; when a preview replaced `head` while its parts were read, the
 * newer ones.
 * @throws Error when the parts a head names are missing and no newer head explains it: awards with
 * lines missing would misstate where the lines stood.
 */
const assembleLatest = async (period: string, head: Item): Promise<Awards | undefined> => {
  let current: Item | undefined = head;
  for (let attempt = 0; current; attempt++) {
    try {
      return await assemble(current);
    } catch (error) {
      if (!(error instanceof PartsMissingError) || attempt >= MAX_ATTEMPTS) throw error;
      const again = await readHead(period);
      if (again?.runId?.S === current.runId?.S) throw error;
      current = again;
    }
  }
  return undefined;
};

/** The stored awards of a period (final, or the latest preview), or undefined. */
export const readAwards = async (period: string): Promise<Awards | undefined> => {
  const head = await readHead(period);
  return head ? assembleLatest(period, head) : undefined;
};

const partKeys = (period: string, runId: string, parts: number): Item[] =>
  Array.from({ length: parts }, (_, index) => toItem(awardsPartKey(period, runId, index)));

/** Deletes a run's parts; left behind they cost storage only, as no head names them. */
const dropParts = async (keys: readonly Item[]): Promise<void> => {
  try {
    await batchWriteItems(keys.map((Key) => ({ DeleteRequest: { Key } })));
  } catch {
    // Nothing reads parts no head names.
  }
};

/**
 * Stores a period's awards: a preview replaces the stored preview; final awards (with `event`, their
 * `Awards Published`) make the period immutable. Once the period is final, nothing is written and
 * the stored awards are answered, whoever asks and however many ask at once.
 */
export const storeAwards = async (awards: Awards, event?: OutboxEvent): Promise<StoreOutcome> => {
  const { period } = awards;
  const runId = randomUUID();
  const parts = partsOf(awards, SPLIT).map((part, index) =>
    toItem({ ...awardsPartKey(period, runId, index), ...part }),
  );
  const { red: _red, rotten: _rotten, ranked: _ranked, ...rest } = awards;
  const head = toItem({
    ...awardsKey(period),
    doc: JSON.stringify(rest),
    runId,
    parts: parts.length,
    finalized: awards.finalized,
    policyVersion: awards.policyVersion,
    computedAt: awards.computedAt,
  });
  await batchWriteItems(parts.map((Item) => ({ PutRequest: { Item } })));
  /** The preview this run replaces: its parts go once the head is ours. */
  const dropReplaced = (replaced: Item | undefined) =>
    replaced?.runId?.S
      ? dropParts(partKeys(period, replaced.runId.S, Number(replaced.parts?.N ?? 0)))
      : Promise.resolve();

  let previous: Item | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const seen = await readHead(period);
    // The SDK retried our own write after its answer was lost: the head is ours.
    if (seen?.runId?.S === runId) {
      await dropReplaced(previous);
      return { outcome: "stored", awards };
    }
    previous = seen;
    if (seen?.finalized?.BOOL) {
      await dropParts(parts.map(({ pk, sk }) => ({ pk, sk }) as Item));
      const stored = await assembleLatest(period, seen);
      if (!stored) throw new Error(`The final awards of ${period} vanished`);
      return { outcome: "already-final", awards: stored };
    }
    const put = {
      TableName: TABLE_NAME(),
      Item: head,
      ...(seen
        ? {
            ConditionExpression: "runId = :seen AND finalized = :no",
            ExpressionAttributeValues: { ":seen": { S: seen.runId?.S ?? "" }, ":no": { BOOL: false } },
          }
        : { ConditionExpression: "attribute_not_exists(pk)" }),
    };
    try {
      if (event)
        await dynamodb.send(
          new TransactWriteItemsCommand({
            TransactItems: [{ Put: put }, outboxPut(event)],
            ClientRequestToken: randomUUID(),
          }),
        );
      else await dynamodb.send(new PutItemCommand(put));
    } catch (error) {
      // Another run wrote the head since it was read: read it again.
      if (conditionFailed(error)) continue;
      throw error;
    }
    await dropReplaced(seen);
    return { outcome: "stored", awards };
  }
  throw new Error(`The awards of ${period} kept changing while they were stored; run them again`);
};
