/**
 * One case of the review bench, in a process of its own (started by `review.ts`): its own
 * runtime and in-memory DynamoDB Local, so every case reviews a fresh table and no cache of an
 * earlier case (figures, policy, catalog) is carried over. Loads the catalog over HTTP and the
 * signals with the ingest's store transactions, runs the real review, times the read APIs, and
 * hands its figures back as JSON (`cases.ts`).
 */
import "#infra/local/node-support";
import { startRuntime } from "#infra/local/runtime";
import { dynamodb as handlerClient } from "#lib/clients";
import { ENV } from "#platform/env";
import { DEFAULT_POLICY } from "#schemas/policy";
import { PULLED_PK } from "#store/keys";
import { runIfMain } from "./cases";
import {
  benchCatalog,
  type DataPlan,
  loadWithProgress,
  putCatalog,
  signalCount,
  signalStream,
} from "./review-data";
import { type Latency, timeReadApis } from "./review-latency";
import { rawReads } from "./review-raw";
import { type ReadTally, readCounter } from "./review-reads";
import { httpOf, type Timings } from "./timing";

export type { Latency, Timings };

export interface CaseResult {
  lines: number;
  copies: number;
  perLine: number;
  arrival: DataPlan["arrival"];
  quarter: string;
  signals: number;
  /** Ingest transactions sent to load the signals, and how many of them were retries. */
  transactions: number;
  retried: number;
  loadSeconds: number;
  /** Period-total items of the quarter in the table (one per line and shard written). */
  totalItems: number;
  linesWithSignals: number;
  review: {
    ms: number;
    reads: ReadTally;
    dryRunMs: number;
    dryRunReads: ReadTally;
    /** HTTP status of the real run, and its answer when it failed. */
    status: number;
    error?: string;
    /** Size of the review's JSON (the dry run's when the real run failed): what is stored as one item. */
    responseBytes: number;
    reviewed: number;
    flagged: number;
    atRisk: number;
    noticesIssued: number;
  };
  latency?: Latency;
  maxRssMb: number;
}

const say = (line: string) => process.stderr.write(`  ${line}\n`);

const runCase = async (plan: DataPlan, measureLatency: boolean): Promise<CaseResult> => {
  const runtime = await startRuntime({ port: 0, logLevel: "ERROR" });
  try {
    const { send, call, token } = httpOf(runtime.url);
    const cco = await token("cco");

    await putCatalog(call, benchCatalog(plan.lines), cco);

    const policy = DEFAULT_POLICY;
    const expected = signalCount(plan, policy.review.minSample);
    say(`loading ${expected.toLocaleString("en-US")} signals for ${plan.quarter}…`);
    const stream = signalStream(plan, policy, process.env[ENV.hmacKey] ?? "bench");
    const loaded = await loadWithProgress(stream, policy, expected, say);

    const raw = rawReads(runtime.dynamodb, runtime.tableName);
    const totals = await raw.totals(plan.quarter);

    // The review, counted on the handlers' client: the real run (fresh table), then a dry run.
    const counter = readCounter(handlerClient);
    counter.start();
    let start = performance.now();
    // A failed run is reported, not fatal: its reads and time up to the failure are still figures.
    const real = await send("POST", "/v1/reviews", { quarter: plan.quarter }, cco);
    const ms = performance.now() - start;
    const reads = counter.stop();
    counter.start();
    start = performance.now();
    const dryRun = await call("POST", "/v1/reviews", { quarter: plan.quarter, dryRun: true }, cco);
    const dryRunMs = performance.now() - start;
    const dryRunReads = counter.stop();
    const reviewLines = JSON.parse(dryRun).lines as { flagged: boolean; atRisk: boolean }[];
    // One PULLED item per line with an open notice: the notices issued, even if the run then failed.
    const pulled = (await raw.partition(PULLED_PK)).length;
    say(
      `review: ${Math.round(ms)} ms (HTTP ${real.status}), ${reads.items.toLocaleString("en-US")} items read`,
    );

    const result: CaseResult = {
      ...plan,
      signals: loaded.written,
      transactions: loaded.transactions,
      retried: loaded.retried,
      loadSeconds: loaded.seconds,
      totalItems: totals.items,
      linesWithSignals: totals.lines,
      review: {
        ms,
        reads,
        dryRunMs,
        dryRunReads,
        status: real.status,
        ...(real.status >= 300 ? { error: real.text.slice(0, 300) } : {}),
        responseBytes: Buffer.byteLength(real.status < 300 ? real.text : dryRun),
        reviewed: reviewLines.length,
        flagged: reviewLines.filter((l) => l.flagged).length,
        atRisk: reviewLines.filter((l) => l.atRisk).length,
        noticesIssued: pulled,
      },
      maxRssMb: 0,
    };
    if (measureLatency) {
      say("timing the read APIs…");
      const get = (path: string) => call("GET", path, undefined, cco);
      result.latency = await timeReadApis(plan.quarter, plan.lines, get, raw, counter);
    }
    result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return result;
  } finally {
    await runtime.stop();
  }
};

// Started as a child process by review.ts; also importable for its types.
runIfMain(import.meta.url, ({ plan, measureLatency }: { plan: DataPlan; measureLatency: boolean }) =>
  runCase(plan, measureLatency),
);
