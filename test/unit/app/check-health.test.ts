/** Health says the database is down when it is, in a 503 that names it and nothing more. */
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "#app/check-health";
import { UnavailableError } from "#core/errors";
import { errorResult } from "#http/api-handler";
import { isUnavailable } from "#http/errors";

const dynamodb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "strawberry-test";
});
afterEach(() => dynamodb.reset());

const refused = () =>
  Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:8000"), { code: "ECONNREFUSED" });

describe("checkHealth", () => {
  it("is ok when the table answers", async () => {
    dynamodb.on(GetItemCommand).resolves({});
    await expect(checkHealth()).resolves.toEqual({ status: "ok" });
    expect(dynamodb.commandCalls(GetItemCommand)[0]?.args[0].input).toMatchObject({
      TableName: "strawberry-test",
      ConsistentRead: true,
    });
  });

  it.each([
    ["a refused connection", refused(), "not reachable (ECONNREFUSED)"],
    ["a timeout", Object.assign(new Error("timed out"), { name: "TimeoutError" }), "did not answer in time"],
    [
      "a missing table",
      Object.assign(new Error("Cannot do operations on a non-existent table"), {
        name: "ResourceNotFoundException",
      }),
      "refused the request",
    ],
  ])("answers %s with a 503 naming the database, not where it lives", async (_what, error, message) => {
    dynamodb.on(GetItemCommand).rejects(error);
    const failure = await checkHealth().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UnavailableError);
    const answer = errorResult(failure);
    expect(answer.statusCode).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: "unavailable",
        message: "The database is unavailable",
        details: [{ path: "database", message }],
      },
    });
    expect(answer.body).not.toMatch(/10\.0\.0\.7|strawberry-test/);
  });
});

describe("isUnavailable", () => {
  it.each([
    [refused(), true],
    [Object.assign(new Error("x"), { name: "ThrottlingException" }), true],
    [Object.assign(new Error("x"), { $metadata: { httpStatusCode: 503 } }), true],
    // DynamoDB's own 500 (DynamoDB Local's "timed out waiting for a lock" under load): AWS says retry.
    [
      Object.assign(new Error("x"), { name: "InternalServerError", $metadata: { httpStatusCode: 500 } }),
      true,
    ],
    [
      Object.assign(new Error("x"), { name: "ValidationException", $metadata: { httpStatusCode: 400 } }),
      false,
    ],
    [new Error("a bug"), false],
    ["not an error", false],
  ])("%s → %s, and a data route answers 503 rather than a bare 500 when it is", (error, expected) => {
    expect(isUnavailable(error)).toBe(expected);
    expect(errorResult(error).statusCode).toBe(expected ? 503 : 500);
  });
});
