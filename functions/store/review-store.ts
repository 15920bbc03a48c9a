/**
 * Stored reviews: one per quarter and policy version, written once (conditionally), so re-running a
 * review returns the stored one and two concurrent runs store one. `GET /v1/reviews/{quarter}` reads
 * the one of the highest policy version.
 */
import { PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamodb } from "#lib/clients";
import { Review } from "#schemas/review";
import { toItem } from "./attributes";
import { reviewKey } from "./keys";
import { TABLE_NAME } from "./table";

const parse = (doc: string | undefined): Review | undefined =>
  doc ? Review.parse(JSON.parse(doc)) : undefined;

/** The quarter's review under `policyVersion`, or under the highest version it was run with. */
export const readReview = async (quarter: string, policyVersion?: number): Promise<Review | undefined> => {
  const { pk, sk } = reviewKey(quarter, policyVersion ?? 0);
  const out = await dynamodb.send(
    new QueryCommand({
      TableName: TABLE_NAME(),
      KeyConditionExpression: policyVersion === undefined ? "pk = :pk" : "pk = :pk AND sk = :sk",
      ExpressionAttributeValues: {
        ":pk": { S: pk },
        ...(policyVersion === undefined ? {} : { ":sk": { S: sk } }),
      },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return parse(out.Items?.[0]?.doc?.S);
};

/** Stores a review unless one is stored for its quarter and version; answers the one stored. */
export const storeReview = async (review: Review): Promise<Review> => {
  try {
    await dynamodb.send(
      new PutItemCommand({
        TableName: TABLE_NAME(),
        Item: toItem({ ...reviewKey(review.quarter, review.policyVersion), doc: JSON.stringify(review) }),
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return review;
  } catch (error) {
    if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    const stored = await readReview(review.quarter, review.policyVersion);
    if (!stored) throw error;
    return stored;
  }
};
