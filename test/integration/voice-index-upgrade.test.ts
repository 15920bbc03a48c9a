/**
 * A `--data` table from before the voice index was keyed by line: its monthly voice keys are
 * re-keyed once at start, so listen-in and notice evidence find those voices too.
 */
import { DeleteItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { ensureVoiceIndexByLine } from "#infra/local/voice-index";
import { toItem } from "#store/attributes";
import { TABLE_NAME } from "#store/table";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
});
afterAll(async () => runtime?.stop());

it("re-keys monthly voice entries by line once, and marks the table so later starts skip it", async () => {
  const cco = await api.token("cco");
  const catalog = {
    businessUnits: [{ id: "bu-old", name: "Old" }],
    productLines: [{ id: "pl-old", name: "Old line", businessUnitId: "bu-old", category: "c" }],
  };
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const occurredAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
  // A voice as the earlier release stored it: the month in the index partition key.
  const old = {
    pk: "SIG#old-1",
    sk: "SIG",
    signalId: "old-1",
    productLineId: "pl-old",
    channel: "app",
    kind: "csat",
    score: 1,
    verbatim: "written before the upgrade",
    occurredAt,
    day: occurredAt.slice(0, 10),
    negative: true,
    receivedAt: occurredAt,
    state: "COUNTED",
    gsi1pk: `VOICE#pl-old#${occurredAt.slice(0, 7)}`,
    gsi1sk: `4n#${occurredAt}#old-1`,
  };
  await runtime.dynamodb.send(new PutItemCommand({ TableName: TABLE_NAME(), Item: toItem(old) }));
  const listen = () => api.call("GET", "/v1/voices?productLineId=pl-old", { token: cco });
  expect((await listen()).body.items).toEqual([]);

  const said: string[] = [];
  // A new table was marked at creation: nothing to do.
  await ensureVoiceIndexByLine(false, (line) => said.push(line));
  expect(said).toEqual([]);
  await runtime.dynamodb.send(
    new DeleteItemCommand({
      TableName: TABLE_NAME(),
      Key: toItem({ pk: "META", sk: "VOICE_INDEX_BY_LINE" }),
    }),
  );
  await ensureVoiceIndexByLine(false, (line) => said.push(line));
  expect(said.at(-1)).toBe("Voice index: 1 voices re-keyed.");
  expect((await listen()).body.items.map((v: { text: string }) => v.text)).toEqual([
    "written before the upgrade",
  ]);
  await ensureVoiceIndexByLine(false, (line) => said.push(line));
  expect(said).toHaveLength(2);
});
