/** Whether the table answers: one strongly consistent read of a key that is never written. */
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { dynamodbProbe } from "#lib/clients";
import { toItem } from "./attributes";
import { healthKey } from "./keys";
import { TABLE_NAME } from "./table";

/** Resolves when the table can be read; rejects with the database's (or the network's) error. */
export const pingTable = async (): Promise<void> => {
  await dynamodbProbe().send(
    new GetItemCommand({ TableName: TABLE_NAME(), Key: toItem(healthKey()), ConsistentRead: true }),
  );
};
