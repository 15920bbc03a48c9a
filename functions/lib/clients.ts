/**
 * AWS clients, created once per cold start. The endpoint comes from the SDK's standard
 * `AWS_ENDPOINT_URL_DYNAMODB` variable, which the local runtime points at DynamoDB Local.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export const dynamodb = new DynamoDBClient({ maxAttempts: 6, retryMode: "adaptive" });

let probe: DynamoDBClient | undefined;

/**
 * A client for health checks: one attempt and short timeouts, so that a database that is down is
 * reported as down within a couple of seconds rather than after the retries meant for real work.
 */
export const dynamodbProbe = (): DynamoDBClient => {
  probe ??= new DynamoDBClient({
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  return probe;
};
