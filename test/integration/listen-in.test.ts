/**
 * Listen-in (`GET /v1/voices`) through the HTTP contract on DynamoDB Local: a line's and a unit's
 * voices newest first, negatives only, PII masked and no customer reference, pages with no
 * duplicate or gap while voices arrive, tamper-evident cursors, and own-unit reach for heads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let executive: string;
let headA: string;
let headB: string;

const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Unit A" },
    { id: "bu-b", name: "Unit B" },
  ],
  productLines: [
    { id: "pl-a1", name: "A one", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-a2", name: "A two", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-b1", name: "B one", businessUnitId: "bu-b", category: "garden" },
  ],
};

const base = Date.now() - 40 * 86_400_000;
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
let n = 0;
/** A voice of `line` at minute `minute`, of a kind chosen by `i` so every class of voice occurs. */
const voice = (line: string, minute: number, extra: Record<string, unknown> = {}) => {
  const i = n++;
  const shapes = [
    { kind: "complaint", severity: "critical" },
    { kind: "complaint", severity: "major" },
    { kind: "complaint", severity: "minor" },
    { kind: "csat", score: 1 },
    { kind: "csat", score: 5 },
    { kind: "nps", score: 8 },
    { kind: "review", score: 5 },
  ];
  return {
    signalId: `v-${line}-${i}`,
    productLineId: line,
    channel: "app",
    ...(shapes[i % shapes.length] as { kind: string; severity?: string; score?: number }),
    verbatim: `words ${i} of ${line}`,
    occurredAt: at(minute),
    ...extra,
  };
};

const a1 = Array.from({ length: 30 }, (_, i) => voice("pl-a1", i * 7));
const a2 = Array.from({ length: 25 }, (_, i) => voice("pl-a2", i * 11 + 3));
const b1 = Array.from({ length: 5 }, (_, i) => voice("pl-b1", i * 5));
const silent = {
  signalId: "no-words",
  productLineId: "pl-a1",
  channel: "app",
  kind: "csat",
  score: 1,
  occurredAt: at(1000),
};
const personal = voice("pl-a1", 2000, {
  verbatim: "Call me on 13812345678 or write to li.lei@example.com",
  customerRef: "customer-42",
  orderRef: "order-9",
});

const send = async (signals: object[]) => {
  const answer = await api.call("POST", "/v1/signals", { token: cco, body: { signals } });
  expect(answer.status).toBe(200);
  expect(answer.body.rejected).toEqual([]);
};
const voices = (token: string, query: string) => api.call("GET", `/v1/voices?${query}`, { token });
const newestFirst = (signals: { signalId: string; occurredAt: string }[]) =>
  [...signals]
    .sort((x, y) =>
      x.occurredAt === y.occurredAt
        ? x.signalId < y.signalId
          ? 1
          : -1
        : x.occurredAt < y.occurredAt
          ? 1
          : -1,
    )
    .map((s) => s.signalId);
const isNegative = (s: { kind: string; score?: number }) =>
  s.kind === "complaint" || (s.kind === "nps" ? (s.score ?? 0) <= 6 : (s.score ?? 0) <= 2);

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  [cco, executive, headA, headB] = await Promise.all([
    api.token("cco"),
    api.token("executive"),
    api.token("bu-head", ["bu-a"]),
    api.token("bu-head", ["bu-b"]),
  ]);
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  await send([...a1, ...a2, ...b1, silent, personal]);
});
afterAll(async () => runtime?.stop());

describe("GET /v1/voices", () => {
  it("gives a line's voices newest first, only signals with words, PII masked, no customer reference", async () => {
    const answer = await voices(executive, "productLineId=pl-a1&limit=100");
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((v: { signalId: string }) => v.signalId);
    expect(ids).toEqual(newestFirst([...a1, personal]));
    expect(answer.body.nextCursor).toBeUndefined();
    const first = answer.body.items[0];
    expect(first).toMatchObject({
      signalId: personal.signalId,
      productLineId: "pl-a1",
      businessUnitId: "bu-a",
    });
    expect(first.text).not.toContain("13812345678");
    expect(first.text).not.toContain("li.lei@example.com");
    expect(first.text).toContain("Call me on");
    const raw = JSON.stringify(answer.body);
    for (const secret of ["customer-42", "customerRef", "customerPseudonym", "order-9", "orderRef"])
      expect(raw).not.toContain(secret);
  });

  it("keeps negative experiences only when asked", async () => {
    const answer = await voices(cco, "productLineId=pl-a1&negativeOnly=true&limit=100");
    expect(answer.body.items.map((v: { signalId: string }) => v.signalId)).toEqual(
      newestFirst(a1.filter(isNegative)),
    );
    expect(answer.body.items.every((v: { negative: boolean }) => v.negative)).toBe(true);
  });

  it("merges a unit's lines into one stream, newest first", async () => {
    const answer = await voices(headA, "businessUnitId=bu-a&limit=100");
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((v: { signalId: string }) => v.signalId)).toEqual(
      newestFirst([...a1, ...a2, personal]),
    );
  });

  it("pages with no duplicate and no gap while new voices arrive", async () => {
    const expected = newestFirst([...a1, ...a2, personal]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    const late = voice("pl-a2", 1); // older than everything shown so far: belongs to a later page
    do {
      const answer = await voices(cco, `businessUnitId=bu-a&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...answer.body.items.map((v: { signalId: string }) => v.signalId));
      cursor = answer.body.nextCursor;
      pages++;
      // Newer voices arrive between pages (above the cursor: never shown by later pages)…
      await send([voice("pl-a1", 5000 + pages), voice("pl-a2", 5000 + pages)]);
      // …and, once, a late one from long ago (below it: shown at its place).
      if (pages === 2) await send([late]);
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(newestFirst([...a1, ...a2, personal, late]));
    expect(seen.filter((id) => !expected.includes(id))).toEqual([late.signalId]);
  });

  it("refuses a forged or re-scoped cursor with a 400 naming cursor", async () => {
    const first = await voices(cco, "productLineId=pl-a1&limit=5");
    const cursor: string = first.body.nextCursor;
    expect(cursor).toBeTruthy();
    const [payload, mac] = cursor.split(".");
    const altered = `${Buffer.from(JSON.stringify({ p: "2099-01-01T00:00:00.000Z#x", s: "x", e: 9e9 })).toString("base64url")}.${mac}`;
    for (const bad of [altered, `${payload}.AAAA`, "garbage"]) {
      const answer = await voices(cco, `productLineId=pl-a1&limit=5&cursor=${bad}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details[0].path).toBe("cursor");
    }
    // A cursor of one line's stream does not open another's.
    const other = await voices(cco, `productLineId=pl-a2&limit=5&cursor=${cursor}`);
    expect(other.status).toBe(400);
    // Nor another caller's.
    expect((await voices(executive, `productLineId=pl-a1&limit=5&cursor=${cursor}`)).status).toBe(400);
  });

  it("lets a unit's head listen to their own units only", async () => {
    expect((await voices(headB, "businessUnitId=bu-b")).status).toBe(200);
    expect((await voices(headB, "productLineId=pl-b1")).body.items).toHaveLength(5);
    for (const query of [
      "businessUnitId=bu-a",
      "productLineId=pl-a1",
      "businessUnitId=bu-a&productLineId=pl-a1",
    ]) {
      const answer = await voices(headB, query);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain("words");
    }
    expect((await voices(await api.token("ingest"), "businessUnitId=bu-a")).status).toBe(403);
    expect((await api.call("GET", "/v1/voices?businessUnitId=bu-a")).status).toBe(401);
  });

  it("names the field of a bad request", async () => {
    const cases: [string, number, string][] = [
      ["", 400, "businessUnitId"],
      ["productLineId=pl-nowhere", 404, "productLineId"],
      ["businessUnitId=bu-nowhere", 404, "businessUnitId"],
      ["businessUnitId=bu-b&productLineId=pl-a1", 400, "productLineId"],
      ["productLineId=pl-a1&limit=101", 400, "limit"],
      ["productLineId=pl-a1&negativeOnly=yes", 400, "negativeOnly"],
    ];
    for (const [query, status, path] of cases) {
      const answer = await voices(cco, query);
      expect([query, answer.status]).toEqual([query, status]);
      expect(answer.body.error.details[0].path).toBe(path);
    }
  });
});
