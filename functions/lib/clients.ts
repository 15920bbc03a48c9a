/**
 * AWS clients, created once per cold start. The endpoint comes from the SDK's standard
 * `AWS_ENDPOINT_URL_DYNAMODB` variable, which the local runtime points at DynamoDB Local.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export const dynamodb = new DynamoDBClient({ maxAttempts: 6, retryMode: "adaptive" });
