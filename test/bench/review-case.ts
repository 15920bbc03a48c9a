/**
 * One case of the review bench, in a process of its own (started by `review.ts`): its own
 * runtime and in-memory DynamoDB Local, so every case reviews a fresh table and no cache of an
 * earlier case (figures, policy, catalog) is carried over. Loads the catalog over HTTP and the
 * signals with the ingest's store transactions, runs the real review, times the read APIs, and
 * hands its figures back as JSON (`cases.ts`).
 */
import "#infra/local/node-support";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { forgetCachedFigures } from "#app/period-figures";
import { startRuntime } from "#infra/local/runtime";
import { dynamodb as handlerClient } from "#lib/clients";
import { ENV } from "#platform/env";
import { DEFAULT_POLICY } from "#schemas/policy";
import { CATALOG_PK, TOTAL_BUCKETS, totalPk } from "#store/keys";
import { runIfMain } from "./cases";
import {
  benchCatalog,
  type DataPlan,
  loadWithProgress,
  putCatalog,
  signalCount,
  signalStream,
} from "./review-data";
import { type ReadTally, readCounter } from "./review-reads";
import { httpOf, type Timings, timed, timings } from "./timing";

export type { Timings };

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
  latency?: {
    rawTotals: Timings;
    rawTotalsAndCatalog: Timings;
    rankingsCold: Timings;
    rankingsWarm: Timings;
    warmRefreshed: number;
    notices: Timings;
    problemsWarm: Timings;
    problemsCold: Timings;
  };
  maxRssMb: number;
}

const ROUNDS = 10;
const WARM_PER_ROUND = 10;

/**
 * The read APIs and DynamoDB Local's raw Queries, interleaved round by round so that whatever else
 * the machine does (events still being delivered, GC, the JIT) falls on both alike.
 */
const timeReadApis = async (
  quarter: string,
  get: (path: string) => Promise<string>,
  raw: { totals: () => Promise<unknown>; catalog: () => Promise<unknown> },
): Promise<NonNullable<CaseResult["latency"]>> => {
  const q = encodeURIComponent(quarter);
  const s = Object.fromEntries(
    ["rawTotals", "rawBoth", "rankingsCold", "rankingsWarm", "notices", "problemsCold", "problemsWarm"].map(
      (k) => [k, [] as number[]],
    ),
  ) as Record<string, number[]>;
  const asOfs = new Set<string>();
  // One untimed pass of each, as the API's own first calls have JIT-warmed its paths by now.
  await Promise.all([raw.totals(), raw.catalog()]);
  await get(`/v1/rankings?period=${q}`);
  await get("/v1/notices");
  for (let round = 0; round < ROUNDS; round++) {
    await timed(s.rawTotals as number[], raw.totals);
    await timed(s.rawBoth as number[], () => Promise.all([raw.totals(), raw.catalog()]));
    forgetCachedFigures();
    await timed(s.rankingsCold as number[], () => get(`/v1/rankings?period=${q}`));
    for (let i = 0; i < WARM_PER_ROUND; i++) {
      const body = (await timed(s.rankingsWarm as number[], () => get(`/v1/rankings?period=${q}`))) as string;
      asOfs.add(JSON.parse(body).asOf);
    }
    for (let i = 0; i < WARM_PER_ROUND; i++) await timed(s.notices as number[], () => get("/v1/notices"));
    forgetCachedFigures();
    await timed(s.problemsCold as number[], () => get(`/v1/problems?period=${q}`));
    for (let i = 0; i < WARM_PER_ROUND; i++)
      await timed(s.problemsWarm as number[], () => get(`/v1/problems?period=${q}`));
  }
  const t = (k: string) => timings(s[k] ?? []);
  return {
    rawTotals: t("rawTotals"),
    rawTotalsAndCatalog: t("rawBoth"),
    rankingsCold: t("rankingsCold"),
    rankingsWarm: t("rankingsWarm"),
    // One asOf per round is expected (each round's miss reads anew); more means a warm sample missed.
    warmRefreshed: asOfs.size - ROUNDS,
    notices: t("notices"),
    problemsWarm: t("problemsWarm"),
    problemsCold: t("problemsCold"),
  };
};

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

    // DynamoDB Local's own time for the period totals (and, for a cache miss, the catalog too).
    const queryAll = async (pk: string) => {
      let items = 0;
      let start: Record<string, never> | undefined;
      const lines = new Set<string>();
      do {
        const out = await runtime.dynamodb.send(
          new QueryCommand({
            TableName: runtime.tableName,
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": { S: pk } },
            ExclusiveStartKey: start,
          }),
        );
        items += out.Items?.length ?? 0;
        for (const item of out.Items ?? []) if (item.productLineId?.S) lines.add(item.productLineId.S);
        start = out.LastEvaluatedKey as typeof start;
      } while (start);
      return { items, lines };
    };
    const rawTotals = async () => {
      const parts = await Promise.all(
        Array.from({ length: TOTAL_BUCKETS }, (_, b) => queryAll(totalPk(plan.quarter, b))),
      );
      return {
        items: parts.reduce((n, p) => n + p.items, 0),
        lines: parts.reduce((n, p) => n + p.lines.size, 0),
      };
    };
    const totals = await rawTotals();

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
    const pulled = await queryAll("PULLED");
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
        noticesIssued: pulled.items,
      },
      maxRssMb: 0,
    };
    if (measureLatency) {
      say("timing the read APIs…");
      result.latency = await timeReadApis(plan.quarter, (path) => call("GET", path, undefined, cco), {
        totals: rawTotals,
        catalog: () => queryAll(CATALOG_PK),
      });
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
