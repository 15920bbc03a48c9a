/** Reading which conditions of a write failed, the same way in every store. */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";

/** Which conditions of a cancelled transaction failed, by item position (none for other errors). */
export const failedConditions = (error: unknown): number[] =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).flatMap((r, i) => (r.Code === "ConditionalCheckFailed" ? [i] : []))
    : [];

/** Whether a single write's condition, or any condition of a transaction, failed. */
export const conditionFailed = (error: unknown): boolean =>
  (error as Error).name === "ConditionalCheckFailedException" || failedConditions(error).length > 0;
