import "../functions/lib/powertools";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import middy from "@middy/core";
import { Signal } from "../schemas/signal";
const d = new DynamoDBClient({}); const s = new SecretsManagerClient({}); const e = new EventBridgeClient({});
export const handler = middy(async (ev: unknown) => { await d.send(new GetItemCommand({TableName:"x", Key:{}})); await s.send(new GetSecretValueCommand({SecretId:"x"})); await e.send(new PutEventsCommand({Entries:[]})); return Signal.safeParse(ev).success; });
