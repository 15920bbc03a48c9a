/**
 * Stored reviews on the real DynamoDB Local: a review far over DynamoDB's 400 KB item limit (a
 * quarter with thousands of product lines) round-trips exactly, concurrent stores of one quarter and
 * version agree on one review, and reviews stored whole by the earlier release still read.
 */
import { DeleteItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { dynamodb } from "#lib/clients";
import type { Review, ReviewLine } from "#schemas/review";
import { REASONS } from "#schemas/signal";
import { toItem } from "#store/attributes";
import { reviewKey } from "#store/keys";
import { readReview, storeReview } from "#store/review-store";
import { TABLE_NAME } from "#store/table";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
});
afterAll(async () => runtime?.stop());

// Multi-byte categories: parts are bounded in UTF-8 bytes, not in characters.
const line = (i: number, salt: string): ReviewLine => {
  const flagged = i % 25 === 0;
  return {
    productLineId: `pl-${salt}-${String(i).padStart(6, "0")}`,
    businessUnitId: `bu-${i % 7}`,
    category: i % 2 ? "厨房电器 kitchen appliances" : "garden",
    n: 40 + (i % 300),
    negatives: i % 17,
    negativeRate: i % 11 === 0 ? null : (i % 17) / (40 + (i % 300)),
    wilson: i % 11 === 0 ? null : { lo: 0.0123456789 * (i % 5), hi: 0.1 + 0.0087654321 * (i % 9) },
    criticalComplaints: i % 3,
    flagged,
    flaggedBy: flagged ? ["rate", "critical-complaints"] : [],
    atRisk: i % 13 === 0,
    ...(i % 13 === 0 ? { negativesToFlag: 1 + (i % 4) } : {}),
    reasons: REASONS.slice(0, i % 4).map((reason, k) => ({ reason, count: 10 - k })),
    repeat: i % 50 === 0,
    ...(flagged ? { noticeId: `n-2026-Q1-pl-${salt}-${i}` } : {}),
  };
};

const reviewOf = (quarter: string, policyVersion: number, lines: number, salt = "a"): Review => {
  const all = Array.from({ length: lines }, (_, i) => line(i, salt));
  return {
    quarter,
    policyVersion,
    pooledRate: 0.0712,
    bar: { value: 0.2, absolute: 0.2, relative: 0.1068, pooledRate: 0.0712, from: "absolute" },
    lines: all,
    noticesIssued: all.flatMap((l) => (l.noticeId ? [l.noticeId] : [])),
    ranAt: "2026-04-01T02:00:00.000Z",
    ranBy: `schedule-${salt}`,
    dryRun: false,
  };
};

const store = (review: Review) => runAs("review", () => storeReview(review));
const read = (quarter: string, version?: number) => runAs("reviewRead", () => readReview(quarter, version));
const itemsOf = async (quarter: string) =>
  (
    await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: `REVIEW#${quarter}` } },
        ProjectionExpression: "sk",
      }),
    )
  ).Items?.map((item) => item.sk?.S ?? "") ?? [];

describe("stored reviews", () => {
  it("stores and reads back a review of 3,000 lines (far over 400 KB) exactly", async () => {
    const review = reviewOf("2026-Q1", 3, 3_000);
    expect(Buffer.byteLength(JSON.stringify(review))).toBeGreaterThan(700_000);

    expect(await store(review)).toEqual(review);
    // In parts (DynamoDB Local refuses items over 400 KB just as DynamoDB does).
    expect((await itemsOf("2026-Q1")).filter((sk) => !sk.startsWith("V#")).length).toBeGreaterThan(2);
    expect(await read("2026-Q1", 3)).toEqual(review);
    expect(await read("2026-Q1")).toEqual(review);
    const answer = await api.call("GET", "/v1/reviews/2026-Q1", { token: await api.token("cco") });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(review);
  });

  it("reads the highest version it was stored under, whatever the parts of each version", async () => {
    const [v1, v2, v10] = [1, 2, 10].map((v) => reviewOf("2026-Q2", v, 2_000, `v${v}`));
    // The highest version stored first: the read must not depend on the order of the writes.
    for (const review of [v10, v1, v2]) await store(review as Review);
    expect(await read("2026-Q2")).toEqual(v10);
    expect(await read("2026-Q2", 2)).toEqual(v2);
    expect(await read("2026-Q2", 5)).toBeUndefined();
    expect(await read("2025-Q4")).toBeUndefined();
  });

  it("answers the one stored to every concurrent store of a quarter and version", async () => {
    const rivals = ["x", "y", "z"].map((salt) => reviewOf("2026-Q3", 4, 2_500, salt));
    const answers = await Promise.all(rivals.map(store));
    const stored = await read("2026-Q3", 4);
    expect(rivals).toContainEqual(stored);
    for (const answer of answers) expect(answer).toEqual(stored);
    // Each loser deletes its own parts: only the winner's remain.
    const items = await itemsOf("2026-Q3");
    const heads = items.filter((sk) => sk.startsWith("V#"));
    const runs = new Set(items.filter((sk) => !sk.startsWith("V#")).map((sk) => sk.split("#")[2]));
    expect(heads).toHaveLength(1);
    expect(runs.size).toBe(1);
    // A re-run of the quarter later answers the stored one too, and writes nothing more.
    expect(await store(reviewOf("2026-Q3", 4, 2_500, "late"))).toEqual(stored);
    expect(await itemsOf("2026-Q3")).toEqual(items);
  });

  it("reads a review the earlier release stored whole, in one item", async () => {
    const review = reviewOf("2025-Q3", 2, 300);
    await dynamodb.send(
      new PutItemCommand({
        TableName: TABLE_NAME(),
        Item: toItem({ ...reviewKey("2025-Q3", 2), doc: JSON.stringify(review) }),
      }),
    );
    expect(await read("2025-Q3")).toEqual(review);
    expect(await read("2025-Q3", 2)).toEqual(review);
    expect(await store(reviewOf("2025-Q3", 2, 10, "late"))).toEqual(review);
  });

  it("refuses to read a review whose parts are missing, rather than answer fewer lines", async () => {
    await store(reviewOf("2026-Q4", 1, 3_000));
    const part = (await itemsOf("2026-Q4")).find((sk) => !sk.startsWith("V#")) as string;
    await dynamodb.send(
      new DeleteItemCommand({
        TableName: TABLE_NAME(),
        Key: { pk: { S: "REVIEW#2026-Q4" }, sk: { S: part } },
      }),
    );
    await expect(read("2026-Q4")).rejects.toThrow(/2026-Q4.*part/);
  });
});
