/**
 * Stored awards on the real DynamoDB Local: awards far over the 400 KB item limit (10,000 ranked
 * lines, long citations) round-trip exactly; a preview replaces the previous one and its parts; the
 * first final store wins against any number of concurrent ones, with one event, and nothing replaces
 * it afterwards; a reader whose head was replaced while it read gets the newer awards.
 */
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { dynamodb } from "#lib/clients";
import type { Award, Awards } from "#schemas/award";
import { readAwards, storeAwards } from "#store/award-store";
import type { OutboxEvent } from "#store/outbox-store";
import { TABLE_NAME } from "#store/table";
import { startTestRuntime } from "./harness";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => runtime?.stop());

const award = (rank: number, salt: string): Award => ({
  rank,
  productLineId: `pl-${salt}-${rank}`,
  businessUnitId: "bu-a",
  name: `Line ${rank}`,
  nameZh: "电水壶",
  n: 1_000 + rank,
  negatives: rank,
  negativeRate: rank / (1_000 + rank),
  shrunkRate: 0.01 * rank,
  explanation: {
    "zh-CN": `红草莓第 ${rank} 名`,
    en: `Red Strawberry #${rank}`,
    figures: {
      n: 1_000 + rank,
      negatives: rank,
      negativeRate: rank / (1_000 + rank),
      pooledRate: 0.1,
      priorStrength: 50,
      shrunkRate: 0.01 * rank,
      shiftPoints: 0.3,
      standing: rank,
      eligible: 10_000,
      minSample: 100,
    },
  },
  // Citations of 4,000 Chinese characters: 12 KB each in UTF-8.
  citation: [0, 1, 2].map((i) => ({
    signalId: `s-${salt}-${rank}-${i}`,
    text: "好".repeat(4_000),
    kind: "csat" as const,
    score: 5,
    channel: "app" as const,
    occurredAt: "2026-09-01T00:00:00.000Z",
  })),
});

const awardsOf = (period: string, salt: string, options: { lines?: number; count?: number } = {}): Awards => {
  const lines = options.lines ?? 10_000;
  const count = options.count ?? 3;
  return {
    period,
    policyVersion: 2,
    finalized: false,
    red: Array.from({ length: count }, (_, i) => award(i + 1, `${salt}-red`)),
    rotten: Array.from({ length: count }, (_, i) => award(i + 1, `${salt}-rotten`)),
    pooledRate: 0.1,
    lines,
    eligible: lines,
    minSample: 100,
    priorStrength: 50,
    count,
    perList: count,
    ranked: Array.from({ length: lines }, (_, i) => ({
      rank: i + 1,
      productLineId: `pl-${salt}-${String(i).padStart(6, "0")}`,
      businessUnitId: `bu-${i % 17}`,
      n: 100 + i,
      negatives: i % 50,
      negativeRate: (i % 50) / (100 + i),
      shrunkRate: i / 100_000,
    })),
    computedAt: `2026-10-01T00:00:00.${salt.length.toString().padStart(3, "0")}Z`,
    computedBy: `run-${salt}`,
  };
};

const final = (awards: Awards): Awards => ({ ...awards, finalized: true, finalizedAt: awards.computedAt });
const eventOf = (awards: Awards): OutboxEvent => ({
  eventId: `awards:${awards.period}:published`,
  createdAt: awards.computedAt,
  detailType: "Awards Published",
  detail: { period: awards.period, policyVersion: awards.policyVersion, red: [], rotten: [] },
});

const store = (awards: Awards, event?: OutboxEvent) => runAs("awards", () => storeAwards(awards, event));
const read = (period: string) => runAs("awardsRead", () => readAwards(period));
const keysOf = async (pk: string) =>
  (
    await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME(),
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": { S: pk } },
        ProjectionExpression: "sk",
        ConsistentRead: true,
      }),
    )
  ).Items?.map((item) => item.sk?.S ?? "") ?? [];
/** The runs whose parts are stored for a period. */
const runsOf = async (period: string) =>
  new Set(
    (await keysOf(`AWARDS#${period}`)).filter((sk) => sk.startsWith("P#")).map((sk) => sk.split("#")[1]),
  );
const outboxEvents = async () =>
  (await Promise.all([0, 1, 2, 3].map((b) => keysOf(`OUTBOX#${b}`))))
    .flat()
    .filter((sk) => sk.includes("awards:"));

describe("stored awards", () => {
  it("stores and reads back awards of 10,000 lines with long citations (far over 400 KB) exactly", async () => {
    const awards = awardsOf("2026-Q1", "big", { count: 20 });
    expect(Buffer.byteLength(JSON.stringify(awards))).toBeGreaterThan(2_000_000);
    expect(await store(awards)).toEqual({ outcome: "stored", awards });
    expect((await keysOf("AWARDS#2026-Q1")).length).toBeGreaterThan(5);
    expect(await read("2026-Q1")).toEqual(awards);
    expect(await read("2025-Q1")).toBeUndefined();
  });

  it("replaces a preview with the next one, and its parts with the next one's", async () => {
    const first = awardsOf("2026-Q2", "first", { lines: 3_000 });
    const second = awardsOf("2026-Q2", "second", { lines: 2_000 });
    await store(first);
    const firstRuns = await runsOf("2026-Q2");
    expect(await store(second)).toEqual({ outcome: "stored", awards: second });
    expect(await read("2026-Q2")).toEqual(second);
    const runs = await runsOf("2026-Q2");
    expect(runs.size).toBe(1);
    expect([...runs].some((run) => firstRuns.has(run))).toBe(false);
  });

  it("lets the first of 6 concurrent final stores win, with its event, and answers it to the others", async () => {
    await store(awardsOf("2025", "preview", { lines: 1_500 }));
    const rivals = ["u", "vv", "www", "xxxx", "yyyyy", "zzzzzz"].map((salt) =>
      final(awardsOf("2025", salt, { lines: 1_500 })),
    );
    const outcomes = await Promise.all(rivals.map((awards) => store(awards, eventOf(awards))));
    const stored = await read("2025");
    expect(rivals).toContainEqual(stored);
    expect(outcomes.filter((o) => o.outcome === "stored")).toHaveLength(1);
    for (const outcome of outcomes) expect(outcome.awards).toEqual(stored);
    // One head, the winner's parts only, one event.
    expect((await keysOf("AWARDS#2025")).filter((sk) => sk === "HEAD")).toHaveLength(1);
    expect((await runsOf("2025")).size).toBe(1);
    expect(await outboxEvents()).toHaveLength(1);

    // Nothing replaces final awards: neither a preview nor another final run.
    const later = await store(awardsOf("2025", "later", { lines: 10 }));
    expect(later).toEqual({ outcome: "already-final", awards: stored });
    const again = final(awardsOf("2025", "again", { lines: 10 }));
    expect(await store(again, eventOf(again))).toEqual({ outcome: "already-final", awards: stored });
    expect(await read("2025")).toEqual(stored);
    expect((await runsOf("2025")).size).toBe(1);
    expect(await outboxEvents()).toHaveLength(1);
  });

  it("reads the newer awards when a preview replaces the head it was reading", async () => {
    await store(awardsOf("2026-Q3", "a", { lines: 4_000 }));
    const reads: Promise<Awards | undefined>[] = [];
    const stores: Promise<unknown>[] = [];
    for (const salt of ["b", "cc", "ddd"]) {
      reads.push(read("2026-Q3"), read("2026-Q3"));
      stores.push(store(awardsOf("2026-Q3", salt, { lines: 4_000 })));
    }
    await Promise.all(stores);
    const seen = await Promise.all(reads);
    const salts = seen.map((awards) => awards?.computedBy);
    for (const salt of salts) expect(["run-a", "run-b", "run-cc", "run-ddd"]).toContain(salt);
    for (const awards of seen) expect(awards?.ranked).toHaveLength(4_000);
    expect((await runsOf("2026-Q3")).size).toBe(1);
  });
});
