/**
 * `npm run bench -- voices`: listen-in (`GET /v1/voices`) over 1 million stored signals — p50 / p95
 * for one line and for one unit, all voices and negatives only, first and second page — beside
 * DynamoDB Local's own time to `Query` exactly the same items raw (one Query per line and class the
 * page drew from, each with the page's count as its Limit), interleaved in the same run, plus the
 * items and requests each page reads (DESIGN §5: p95 ≤ 100 ms; listen-in reads O(limit) items).
 *
 * The signals are written as ingest writes the signal item (`signalItem`, voice index keys and
 * all) with `BatchWriteItem`, not through ingest transactions: listen-in reads the voice index only,
 * and this loads a million in minutes. Sizes: `BENCH_VOICE_SIGNALS` (default 1,000,000),
 * `BENCH_VOICE_UNITS` (20), `BENCH_VOICE_LINES_PER_UNIT` (10), `BENCH_VOICE_ROUNDS` (30).
 */
import { BatchWriteItemCommand, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { isNegative } from "#core/negative";
import { dayOf } from "#core/zoned-time";
import { mulberry32, pick } from "#infra/demo/random";
import { startRuntime } from "#infra/local/runtime";
import { dynamodb as handlerClient } from "#lib/clients";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { StoredSignal } from "#schemas/signal";
import type { Voice } from "#schemas/voice";
import { signalItem } from "#store/signal-transactions";
import { rawReads } from "./review-raw";
import { readCounter } from "./review-reads";
import { report } from "./summary";
import { httpOf, type Timings, timed, timings } from "./timing";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIGNALS = env("BENCH_VOICE_SIGNALS", 1_000_000);
const UNITS = env("BENCH_VOICE_UNITS", 20);
const LINES_PER_UNIT = env("BENCH_VOICE_LINES_PER_UNIT", 10);
const ROUNDS = env("BENCH_VOICE_ROUNDS", 30);
const LIMIT = 50;
const BUDGET_MS = 100;
const DAYS = 365;

const unitId = (u: number) => `bu-${u}`;
const lineId = (u: number, l: number) => `pl-${u}-${l}`;
const say = (line: string) => process.stderr.write(`  ${line}\n`);

const WORDS = [
  "包装破损",
  "物流太慢",
  "质量很好",
  "客服态度好",
  "与描述不符",
  "价格实惠",
  "arrived late",
  "works well",
];
/** Kinds and scores in rough proportion to real feedback: most good, some poor, a few complaints. */
const SHAPES: Pick<StoredSignal, "kind" | "score" | "severity">[] = [
  ...Array(5).fill({ kind: "review", score: 5 }),
  ...Array(3).fill({ kind: "csat", score: 4 }),
  { kind: "nps", score: 9 },
  { kind: "nps", score: 3 },
  { kind: "csat", score: 1 },
  { kind: "complaint", severity: "minor" },
  { kind: "complaint", severity: "major" },
];

function* signals(now: number): Generator<StoredSignal> {
  const rng = mulberry32(20261204);
  const lines = UNITS * LINES_PER_UNIT;
  for (let i = 0; i < SIGNALS; i++) {
    const shape =
      i % 997 === 0 ? { kind: "complaint" as const, severity: "critical" as const } : pick(rng, SHAPES);
    const occurredAt = new Date(now - Math.floor(rng() * DAYS * 86_400_000)).toISOString();
    const line = i % lines;
    yield {
      signalId: `b-${i}`,
      productLineId: lineId(Math.floor(line / LINES_PER_UNIT), line % LINES_PER_UNIT),
      channel: "app",
      ...shape,
      // Seven in ten have words: the others are counted but are not voices.
      ...(rng() < 0.7 ? { verbatim: `${pick(rng, WORDS)} ${pick(rng, WORDS)} #${i}` } : {}),
      occurredAt,
      day: dayOf(occurredAt, DEFAULT_POLICY.timeZone),
      negative: isNegative(shape),
      receivedAt: occurredAt,
    };
  }
}

interface CaseTimes {
  api: number[];
  raw: number[];
  items: number[];
  requests: number[];
}

export const benchVoices = async (): Promise<void> => {
  say(`voices: ${SIGNALS.toLocaleString("en-US")} signals on ${UNITS} units × ${LINES_PER_UNIT} lines…`);
  const runtime = await startRuntime({ port: 0, logLevel: "ERROR" });
  try {
    const { call, token } = httpOf(runtime.url);
    const cco = await token("cco");
    await call(
      "PUT",
      "/v1/catalog",
      {
        businessUnits: Array.from({ length: UNITS }, (_, u) => ({ id: unitId(u), name: `Unit ${u}` })),
        productLines: Array.from({ length: UNITS * LINES_PER_UNIT }, (_, i) => ({
          id: lineId(Math.floor(i / LINES_PER_UNIT), i % LINES_PER_UNIT),
          name: `Line ${i}`,
          businessUnitId: unitId(Math.floor(i / LINES_PER_UNIT)),
          category: "bench",
        })),
      },
      cco,
    );
    const loadStart = performance.now();
    const stream = signals(Date.now());
    let written = 0;
    const put = async (requests: WriteRequest[]) => {
      let pending = requests;
      while (pending.length > 0) {
        const out = await runtime.dynamodb.send(
          new BatchWriteItemCommand({ RequestItems: { [runtime.tableName]: pending } }),
        );
        pending = out.UnprocessedItems?.[runtime.tableName] ?? [];
      }
    };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (;;) {
          const batch: WriteRequest[] = [];
          while (batch.length < 25) {
            const next = stream.next();
            if (next.done) break;
            batch.push({
              PutRequest: { Item: signalItem(next.value, "COUNTED", DEFAULT_POLICY.retentionDays) },
            });
          }
          if (batch.length === 0) return;
          await put(batch);
          written += batch.length;
          if (written % 100_000 < 25)
            say(
              `${written.toLocaleString("en-US")} stored in ${((performance.now() - loadStart) / 1000).toFixed(0)} s`,
            );
        }
      }),
    );
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const executive = await token("executive");
    const counter = readCounter(handlerClient);
    /** DynamoDB Local's own time for the same items: one Query per line and class, Limit = its count. */
    const raw = rawReads(runtime.dynamodb, runtime.tableName).voices;
    const cases: Record<string, (round: number) => string> = {
      "line, all": (r) => `productLineId=${lineId(r % UNITS, r % LINES_PER_UNIT)}`,
      "line, negatives": (r) => `productLineId=${lineId(r % UNITS, r % LINES_PER_UNIT)}&negativeOnly=true`,
      "unit, all": (r) => `businessUnitId=${unitId(r % UNITS)}`,
      "unit, negatives": (r) => `businessUnitId=${unitId(r % UNITS)}&negativeOnly=true`,
    };
    const times: Record<string, CaseTimes> = {};
    const record = (name: string) => {
      times[name] ??= { api: [], raw: [], items: [], requests: [] };
      return times[name];
    };
    const measure = async (name: string, path: string) => {
      const t = record(name);
      counter.start();
      const body = JSON.parse(await timed(t.api, () => call("GET", path, undefined, executive)));
      const reads = counter.stop();
      t.items.push(reads.items);
      t.requests.push(reads.requests);
      const got = await timed(t.raw, () => raw(body.items));
      if (got !== body.items.length)
        throw new Error(`Raw read ${got} of ${body.items.length} items for ${path}`);
      return body as { items: Voice[]; nextCursor?: string };
    };
    // One untimed pass: JIT and caches (the catalog's unit lines, 30 s) as a running service has them.
    for (const query of Object.values(cases))
      await call("GET", `/v1/voices?${query(0)}`, undefined, executive);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, query] of Object.entries(cases)) {
        const first = await measure(name, `/v1/voices?${query(round)}&limit=${LIMIT}`);
        if (first.nextCursor)
          await measure(
            `${name}, page 2`,
            `/v1/voices?${query(round)}&limit=${LIMIT}&cursor=${first.nextCursor}`,
          );
      }
    }
    const fmt = (t: Timings) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const lines = [
      "",
      `## Listen-in: GET /v1/voices, limit ${LIMIT}, ${written.toLocaleString("en-US")} stored signals (loaded in ${loadSeconds.toFixed(0)} s), ${UNITS} units × ${LINES_PER_UNIT} lines, ${ROUNDS} rounds`,
      "",
      "| case | API p50 / p95 ms | raw Query p50 / p95 ms | p95 API / raw | items read / page | requests / page | p95 ≤ 100 ms |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
      ...Object.entries(times).map(([name, t]) => {
        const api = timings(t.api);
        const rawT = timings(t.raw);
        return `| ${name} | ${fmt(api)} | ${fmt(rawT)} | ${(api.p95 / rawT.p95).toFixed(2)} | ${mean(t.items).toFixed(0)} | ${mean(t.requests).toFixed(0)} | ${api.p95 <= BUDGET_MS ? "PASS" : "FAIL"} |`;
      }),
    ];
    console.log(lines.join("\n"));
    for (const [name, t] of Object.entries(times)) {
      if (name.endsWith("page 2")) continue;
      const api = timings(t.api);
      const rawT = timings(t.raw);
      report({
        bench: "voices",
        figure: `GET /v1/voices p95, ${name} (${(written / 1e6).toFixed(1)} M signals)`,
        measured: `${api.p95.toFixed(1)} ms`,
        reference: `raw Query p95 ${rawT.p95.toFixed(1)} ms`,
        ratio: api.p95 / rawT.p95,
        budget: `≤ ${BUDGET_MS} ms`,
        pass: api.p95 <= BUDGET_MS,
      });
    }
  } finally {
    await runtime.stop();
  }
};
