/**
 * The reference bundle of DESIGN §5: "a bare middy + zod + DynamoDB client + Powertools logger
 * bundle is 822 KB and imports in ~65 ms beyond an empty module". The bundles bench builds and
 * imports it in the same run as the functions, so their import times can be judged as ratios to it,
 * whatever the machine's speed that day.
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import middy from "@middy/core";
import { z } from "zod";

const logger = new Logger({ serviceName: "reference" });
const client = new DynamoDBClient({});
const Input = z.object({ id: z.string() });

export const handler = middy(async (event: unknown) => {
  const { id } = Input.parse(event);
  logger.info("reference", { id });
  return client.send(new GetItemCommand({ TableName: "t", Key: { pk: { S: id } } }));
});
