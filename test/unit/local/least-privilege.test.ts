/** The local runtime holds each function to the DynamoDB actions it declares, as IAM does. */
import { DynamoDBClient, QueryCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { runAs } from "#infra/local/functions";
import { actionsOf, enforceDeclaredAccess } from "#infra/local/least-privilege";

describe("actionsOf", () => {
  it.each([
    ["GetItemCommand", {}, ["dynamodb:GetItem"]],
    ["QueryCommand", {}, ["dynamodb:Query"]],
    ["BatchWriteItemCommand", {}, ["dynamodb:BatchWriteItem"]],
    ["TransactGetItemsCommand", {}, ["dynamodb:GetItem"]],
    [
      "TransactWriteItemsCommand",
      { TransactItems: [{ Put: {} }, { Update: {} }, { Put: {} }, { ConditionCheck: {} }] },
      ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"],
    ],
  ])("%s needs %j", (command, input, expected) => {
    expect(actionsOf(command, input)).toEqual(expected);
  });
});

describe("enforceDeclaredAccess", () => {
  // A real client (a mocked one skips the middleware stack) aimed at a closed port: a call that
  // passes the check fails on the network instead, which tells the two outcomes apart.
  const client = new DynamoDBClient({
    region: "local",
    endpoint: "http://127.0.0.1:9",
    maxAttempts: 1,
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  enforceDeclaredAccess(client);
  const put = () =>
    client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: "t", Item: {} } }] }));
  const query = () => client.send(new QueryCommand({ TableName: "t", KeyConditionExpression: "pk = :p" }));
  const denied = expect.objectContaining({ name: "AccessDeniedException" });

  it("refuses, inside a function, an action the function does not declare, naming both", async () => {
    await expect(runAs("health", put)).rejects.toThrow(
      expect.objectContaining({
        name: "AccessDeniedException",
        message: expect.stringMatching(/health.*dynamodb:PutItem/),
      }),
    );
  });

  it("lets a function take the actions it declares, and calls outside any function through", async () => {
    await expect(runAs("catalogRead", query)).rejects.not.toThrow(denied);
    await expect(put()).rejects.not.toThrow(denied);
  });
});
