/** One real DynamoDB Local for the whole integration run; each test file uses its own table. */
import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "#infra/local/dynamodb-local";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await startDynamoDbLocal();
  project.provide("dynamoEndpoint", database.endpoint);
  return async () => database.stop();
}
