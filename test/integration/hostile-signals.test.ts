/**
 * Hostile batches of signals (issue 13, item 2): valid signals carrying text of every Unicode plane
 * (bidi marks, astral characters, 4,000-character verbatims) and dates at the edges of the accepted
 * window, mixed with invalid ones (a NUL, a lone surrogate, 4,001 characters, a score as a string,
 * a date just outside the window, an array for a signal) and with signals repeated within the batch.
 * Each invalid one is rejected by its index naming a field of the signal, and nothing valid is lost:
 * every valid signal is accepted or counted as a duplicate, and the line's count grows by exactly
 * the distinct valid ones.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { isStorableText } from "#schemas/common";
import { DEFAULT_POLICY } from "#schemas/policy";
import { Signal } from "#schemas/signal";
import { catalog, shanghaiDay } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { hostileText } from "#test/integration/hostile-kit";

let runtime: Runtime;
let api: Api;
let cco: string;
let ingest: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  ingest = await api.token("ingest");
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
});
afterAll(async () => runtime?.stop());

const MINUTE = 60_000;
const DAY = 86_400_000;
const RETENTION = DEFAULT_POLICY.retentionDays;

/** `at` as ISO-8601 with the given offset in minutes (+14:00 … -12:00 are the extremes in use). */
const withOffset = (at: number, offsetMinutes: number): string => {
  if (offsetMinutes === 0) return new Date(at).toISOString();
  const local = new Date(at + offsetMinutes * MINUTE).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};
const offset = fc.constantFrom(0, 840, -720, 330, 345, -210);

/** Inside the window: just under the future skew, an hour ago, a day inside the retention. */
const insideWindow = fc.tuple(
  fc.constantFrom(4 * MINUTE, -MINUTE, -3_600_000, -(RETENTION - 1) * DAY),
  offset,
);
/** Outside it: past the future skew, or older than the retention. */
const outsideWindow = fc.tuple(
  fc.constantFrom(10 * MINUTE, DAY, -(RETENTION + 1) * DAY, -3650 * DAY),
  offset,
);

const storable = (max: number) => hostileText(max).filter((t) => isStorableText(t) && t.length <= max);

let serial = 0;
const validSignal = fc
  .record({
    kind: fc.constantFrom("csat", "complaint", "nps", "review"),
    channel: fc.constantFrom("hotline", "chat", "app", "social", "store", "email", "survey", "review-site"),
    verbatim: storable(4_000),
    customerRef: storable(256),
    orderRef: storable(128),
    when: insideWindow,
  })
  .map(({ kind, channel, verbatim, customerRef, orderRef, when: [shift, zone] }) => ({
    signalId: `hostile-${process.pid}-${serial++}`,
    productLineId: "pl-kettle",
    channel,
    kind,
    ...(kind === "complaint"
      ? { severity: "critical", reasons: ["safety", "safety"] }
      : { score: kind === "nps" ? 0 : 1 }),
    verbatim,
    customerRef,
    orderRef,
    occurredAt: withOffset(Date.now() + shift, zone),
    // Keys outside the schema, dropped: they must neither refuse the signal nor reach a prototype.
    constructor: { prototype: { polluted: true } },
  }))
  .map((s) => Object.defineProperty(s, "__proto__", { value: { polluted: true }, enumerable: true }));

/** Ways to spoil a valid signal, each with the field its rejection must name. */
const spoil = fc.oneof(
  fc.constant((s: Record<string, unknown>) => ({ ...s, verbatim: `${"空".repeat(4_001)}` })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, verbatim: `漏水\u0000了` })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, customerRef: "c-\ud83d" })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, orderRef: "\udc00SO" })),
  fc.constant((s: Record<string, unknown>) => ({
    ...s,
    kind: "csat",
    severity: undefined,
    reasons: undefined,
    score: "4",
  })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, signalId: `${String(s.signalId)}/..` })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, channel: ["app"] })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, occurredAt: "2026-02-30T10:00:00Z" })),
  fc.constant((s: Record<string, unknown>) => ({ ...s, productLineId: { id: "pl-kettle" } })),
  fc.constant((s: Record<string, unknown>) => [s]),
  fc.constant((s: Record<string, unknown>) => JSON.stringify(s)),
  outsideWindow.map(([shift, zone]) => (s: Record<string, unknown>) => ({
    ...s,
    occurredAt: withOffset(Date.now() + shift, zone),
  })),
);

const count = async () => {
  const period = `${shanghaiDay(RETENTION + 5)}..${shanghaiDay(-1)}`;
  const response = await api.call("GET", `/v1/product-lines/pl-kettle/metrics?period=${period}`, {
    token: cco,
  });
  expect(response.status).toBe(200);
  return response.body.n as number;
};

const FIELDS = new Set(["(root)", ...Object.keys(Signal.shape)]);

it("rejects every invalid signal by its index naming a field, and loses no valid one", async () => {
  let expected = await count();
  await fc.assert(
    fc.asyncProperty(
      fc.array(validSignal, { minLength: 1, maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(), spoil), { maxLength: 4 }),
      fc.array(fc.nat(), { maxLength: 3 }),
      async (valid, spoilt, repeats) => {
        // Prepare: the valid ones, some repeated, and spoilt copies (new ids) in random places.
        const batch: { item: unknown; ok: boolean }[] = valid.map((s) => ({ item: s, ok: true }));
        for (const r of repeats) batch.push({ item: valid[r % valid.length], ok: true });
        for (const [i, spoiler] of spoilt) {
          const base = {
            ...(valid[i % valid.length] as object),
            signalId: `spoilt-${process.pid}-${serial++}`,
          };
          batch.splice(i % (batch.length + 1), 0, { item: spoiler(base), ok: false });
        }

        // Act
        const response = await api.call("POST", "/v1/signals", {
          token: ingest,
          body: { signals: batch.map((b) => b.item) },
        });

        // Assess
        const context = JSON.stringify(response.body).slice(0, 800);
        expect(response.status, context).toBe(200);
        const rejected = response.body.rejected as { index: number; errors: { path: string }[] }[];
        const bad = batch.flatMap((b, i) => (b.ok ? [] : [i]));
        expect(
          rejected.map((r) => r.index),
          context,
        ).toEqual(bad);
        for (const r of rejected)
          for (const e of r.errors) expect(FIELDS.has(e.path.split(".")[0] as string), context).toBe(true);
        const { accepted, duplicates, quarantined } = response.body;
        expect(quarantined, context).toBe(0);
        expect(accepted, context).toBe(valid.length);
        expect(duplicates, context).toBe(repeats.length);
        expected += valid.length;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    ),
    { numRuns: 20 },
  );
  // Once at the end: the range reads two years of day rollups.
  expect(await count()).toBe(expected);
});
