/** The rebuild writes a total only if it did not move since it was read, and reads it again when it did. */
import {
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeAll, expect, it } from "vitest";
import { rebuildPeriodTotals } from "#app/rebuild-period-totals";

const ddb = mockClient(DynamoDBClient);
beforeAll(() => {
  process.env.TABLE_NAME = "unit";
});
afterEach(() => ddb.reset());

const conditionFailed = () =>
  Object.assign(new Error("The conditional request failed"), { name: "ConditionalCheckFailedException" });

it("writes a shard's total only if it did not move since it was read, and reads it again when it did", async () => {
  // Prepare: pl-a has one day of rollups in 2026-Q3, in shard 0 (n = 3), and no totals yet. An
  // ingest lands in shard 0 (its rollup and totals move to n = 4) between the rebuild's first reads
  // and its first write.
  const state = { rollupN: 3, totals: new Map<string, number>() };
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    const pk = input.ExpressionAttributeValues?.[":pk"]?.S ?? "";
    if (pk === "ROLLUP#pl-a#0")
      return { Items: [{ sk: { S: "2026-07-01" }, n: { N: String(state.rollupN) }, neg: { N: "1" } }] };
    if (pk.startsWith("TOTAL#")) {
      const period = pk.split("#")[1] as string;
      const n = state.totals.get(period);
      return {
        Items: n === undefined ? [] : [{ sk: { S: "pl-a#0" }, n: { N: String(n) }, neg: { N: "1" } }],
      };
    }
    return { Items: [] };
  });
  ddb
    .on(PutItemCommand)
    .callsFakeOnce(() => {
      state.rollupN = 4;
      state.totals.set("2026", 4);
      state.totals.set("2026-Q3", 4);
      throw conditionFailed();
    })
    .resolves({});

  // Act
  const report = await rebuildPeriodTotals({ productLineIds: ["pl-a"] });

  // Assess: the first period was read missing and written with n = 3, refused because the ingest
  // moved it; read again, it already equals its rollups (n = 4). So does the other period.
  const puts = ddb.commandCalls(PutItemCommand).map((c) => c.args[0].input);
  expect(puts.map((p) => [p.Item?.sk?.S, p.Item?.n?.N, p.ConditionExpression])).toEqual([
    ["pl-a#0", "3", "attribute_not_exists(pk)"],
  ]);
  expect(report).toEqual({ lines: 1, periods: 2, rebuilt: 0 });
});

it("writes a missing total with the sum of its shard's rollups", async () => {
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) =>
    input.ExpressionAttributeValues?.[":pk"]?.S === "ROLLUP#pl-b#2"
      ? {
          Items: [
            { sk: { S: "2026-04-01" }, n: { N: "2" } },
            { sk: { S: "2026-05-01" }, n: { N: "5" } },
          ],
        }
      : { Items: [] },
  );
  ddb.on(PutItemCommand).resolves({});
  const report = await rebuildPeriodTotals({ productLineIds: ["pl-b"] });
  const puts = ddb
    .commandCalls(PutItemCommand)
    .map((c) => [c.args[0].input.Item?.period?.S, c.args[0].input.Item?.sk?.S, c.args[0].input.Item?.n?.N]);
  expect(puts.sort()).toEqual([
    ["2026", "pl-b#2", "7"],
    ["2026-Q2", "pl-b#2", "7"],
  ]);
  expect(report).toEqual({ lines: 1, periods: 2, rebuilt: 2 });
});
