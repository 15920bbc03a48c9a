/**
 * DynamoDB Local answers `TransactWriteItems` before its SQLite COMMIT has run: the commit is queued
 * and not awaited (`SQLiteDBAccess.commitTransaction` in DynamoDB Local 3.3.0), so a SIGKILL of its
 * Java right after the answer loses a transaction the client was told had succeeded — with `--data`,
 * signals acknowledged as accepted and never counted. Its SQLite queue runs one job at a time in
 * order, so a consistent read sent after the answer completes only once that COMMIT has run: the
 * local runtime sends one after each transaction of the handlers before handing them the answer.
 */
import { type DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

const BARRIER_KEY = { pk: { S: "META" }, sk: { S: "COMMIT_BARRIER" } };

/** After each successful `TransactWriteItems` of `client`, waits until DynamoDB Local has committed it. */
export const awaitTransactionCommits = (client: DynamoDBClient, reader: DynamoDBClient, tableName: string) =>
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const output = await next(args);
      if (context.commandName === "TransactWriteItemsCommand")
        // Failing here (DynamoDB Local died meanwhile) fails the write: its caller retries it, and a
        // retry of a transaction that did commit finds its signals there (duplicates, never twice).
        await reader.send(
          new GetItemCommand({ TableName: tableName, Key: BARRIER_KEY, ConsistentRead: true }),
        );
      return output;
    },
    { step: "initialize", name: "awaitTransactionCommit" },
  );
