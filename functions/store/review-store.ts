/**
 * Stored reviews: one per quarter and policy version, written once (conditionally), so re-running a
 * review returns the stored one and two concurrent runs store one. `GET /v1/reviews/{quarter}` reads
 * the one of the highest policy version.
 *
 * A review lists every line with signals in the quarter (~260 bytes each), so at 10,000 or 100,000
 * lines it is far over DynamoDB's 400 KB item limit. It is stored as a head (the review without its
 * lines and notice ids, the run's id and how many parts it has) and parts of bounded size, keyed by
 * the run's id: a run writes its parts first and its head last, conditionally, so the head only
 * ever names parts that are all written, and the first head stored wins. A run that loses deletes
 * its parts; a run that fails between the two leaves parts no head names, which are never read.
 */
import { randomUUID } from "node:crypto";
import { PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { Review } from "#schemas/review";
import { type Item, toItem } from "./attributes";
import { batchWriteItems } from "./batch";
import { joinParts, partsOf, queryAll } from "./document-parts";
import { REVIEW_HEAD_PREFIX, reviewKey, reviewPartKey, reviewPartPrefix } from "./keys";
import { TABLE_NAME } from "./table";

/** What grows with the quarter's lines goes in parts (a tenth of 100,000 lines flagged is 400 KB of ids). */
const SPLIT = ["lines", "noticesIssued"] as const;

/** The head of the quarter's review under `policyVersion`, or of the highest version it was run with. */
const readHead = async (quarter: string, policyVersion?: number): Promise<Item | undefined> => {
  const { pk, sk } = reviewKey(quarter, policyVersion ?? 0);
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE_NAME(),
      KeyConditionExpression:
        policyVersion === undefined ? "pk = :pk AND begins_with(sk, :sk)" : "pk = :pk AND sk = :sk",
      ExpressionAttributeValues: {
        ":pk": { S: pk },
        ":sk": { S: policyVersion === undefined ? REVIEW_HEAD_PREFIX : sk },
      },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return out.Items?.[0];
};

/**
 * The review a head stands for, with its parts.
 * @throws Error when the head names parts that are not all there: a review with lines missing would
 * read as a quarter in which those lines had no signals.
 */
const assemble = async (head: Item): Promise<Review> => {
  const doc = head.doc?.S;
  const what = `The stored review ${head.pk?.S} ${head.sk?.S}`;
  if (doc === undefined) throw new Error(`${what} has no document`);
  const runId = head.runId?.S;
  // Stored whole, by the release before reviews were stored in parts.
  if (runId === undefined) return Review.parse(JSON.parse(doc));
  const rest = JSON.parse(doc) as { policyVersion: number };
  const expected = Number(head.parts?.N);
  const parts = await queryAll({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues: {
      ":pk": { S: head.pk?.S ?? "" },
      ":prefix": { S: reviewPartPrefix(rest.policyVersion, runId) },
    },
  });
  if (parts.length !== expected)
    throw new Error(`${what} (run ${runId}) has ${parts.length} of its ${expected} parts`);
  const review = { ...rest, ...joinParts(parts, SPLIT, what) };
  return Review.parse(review);
};

/** The quarter's review under `policyVersion`, or under the highest version it was run with. */
export const readReview = async (quarter: string, policyVersion?: number): Promise<Review | undefined> => {
  const head = await readHead(quarter, policyVersion);
  return head ? assemble(head) : undefined;
};

/** Stores a review unless one is stored for its quarter and version; answers the one stored. */
export const storeReview = async (review: Review): Promise<Review> => {
  const { quarter, policyVersion } = review;
  const runId = randomUUID();
  const parts = partsOf(review, SPLIT).map((part, index) =>
    toItem({ ...reviewPartKey(quarter, policyVersion, runId, index), ...part }),
  );
  const { lines: _lines, noticesIssued: _notices, ...rest } = review;
  try {
    await batchWriteItems(parts.map((Item) => ({ PutRequest: { Item } })));
    await dynamodb.send(
      new PutItemCommand({
        TableName: TABLE_NAME(),
        Item: toItem({
          ...reviewKey(quarter, policyVersion),
          doc: JSON.stringify(rest),
          runId,
          parts: parts.length,
        }),
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return review;
  } catch (error) {
    if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    const head = await readHead(quarter, policyVersion);
    if (!head) throw error;
    // The SDK retried our own put after its answer was lost: the head is ours, so are the parts.
    if (head.runId?.S === runId) return review;
    try {
      await batchWriteItems(parts.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } as Item } })));
    } catch {
      // Left behind, they cost storage only: no head names this run, so nothing reads them.
    }
    return assemble(head);
  }
};
