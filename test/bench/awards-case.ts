/**
 * One case of the awards bench, in a process of its own (started by `awards.ts`, see `cases.ts`):
 * its own runtime and in-memory DynamoDB Local. Loads the catalog over HTTP and the signals with the
 * ingest's store transactions (`awards-data.ts`), then runs `POST /v1/awards` three times, as the
 * schedules and the CCO would — a preview of the quarter, a preview of its year, the quarter
 * finalized — counting the items every read of the handlers' DynamoDB client returns during each
 * call, and hands its figures back as JSON.
 */
import "#infra/local/node-support";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { windowOf } from "#app/run-awards";
import { NEGATIVE_CLASSES, POSITIVE_CLASSES, type VoiceClass, voiceClassOf } from "#core/voice-class";
import { startRuntime } from "#infra/local/runtime";
import { dynamodb as handlerClient } from "#lib/clients";
import { ENV } from "#platform/env";
import type { Award, Awards } from "#schemas/award";
import { DEFAULT_POLICY } from "#schemas/policy";
import { voiceGsiPk } from "#store/keys";
import { type AwardsPlan, awardsLines, awardsSignalCount } from "./awards-data";
import { runIfMain } from "./cases";
import { benchCatalog, loadWithProgress, putCatalog, signalStream } from "./review-data";
import { type ReadTally, readCounter } from "./review-reads";
import { httpOf } from "./timing";

/** A winner: its line, the voices of its side stored in the period, and the classes of those cited. */
export interface Winner {
  productLineId: string;
  n: number;
  storedVoices: number;
  cited: VoiceClass[];
}

export interface AwardsRun {
  period: string;
  finalize: boolean;
  ms: number;
  status: number;
  /** The answer, when it failed. */
  error?: string;
  reads: ReadTally;
  /** Size of the JSON answered (what is stored, as a head and parts). */
  bytes: number;
  lines: number;
  eligible: number;
  red: Winner[];
  rotten: Winner[];
}

export type RunName = "preview" | "year" | "finalize";

export interface AwardsCaseResult {
  plan: AwardsPlan;
  signals: number;
  transactions: number;
  retried: number;
  loadSeconds: number;
  runs: Record<RunName, AwardsRun>;
  maxRssMb: number;
}

const say = (line: string) => process.stderr.write(`  ${line}\n`);

const runCase = async (plan: AwardsPlan): Promise<AwardsCaseResult> => {
  const runtime = await startRuntime({ port: 0, logLevel: "ERROR" });
  try {
    const { send, call, token } = httpOf(runtime.url);
    const cco = await token("cco");
    await putCatalog(call, benchCatalog(plan.lines), cco);

    const policy = DEFAULT_POLICY;
    const expected = awardsSignalCount(plan);
    say(`loading ${expected.toLocaleString("en-US")} signals for ${plan.quarter}…`);
    const stream = signalStream(plan, policy, process.env[ENV.hmacKey] ?? "bench", awardsLines(plan));
    const loaded = await loadWithProgress(stream, policy, expected, say);
    if (loaded.written !== expected) throw new Error(`Loaded ${loaded.written} of ${expected} signals`);

    /** A winner's voices of its side in the period, counted straight from the index (not by the handlers). */
    const storedVoices = async (productLineId: string, classes: readonly VoiceClass[], period: string) => {
      const { from, to } = windowOf(period, policy.timeZone);
      let count = 0;
      for (const voiceClass of classes) {
        let start: Record<string, never> | undefined;
        do {
          const out = await runtime.dynamodb.send(
            new QueryCommand({
              TableName: runtime.tableName,
              IndexName: "gsi1",
              KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
              ExpressionAttributeValues: {
                ":pk": { S: voiceGsiPk(productLineId) },
                ":from": { S: `${voiceClass}#${from.toISOString()}` },
                ":to": { S: `${voiceClass}#${new Date(to.getTime() - 1).toISOString()}#\uffff` },
              },
              Select: "COUNT",
              ExclusiveStartKey: start,
            }),
          );
          count += out.Count ?? 0;
          start = out.LastEvaluatedKey as typeof start;
        } while (start);
      }
      return count;
    };
    const winners = (awards: readonly Award[], classes: readonly VoiceClass[], period: string) =>
      Promise.all(
        awards.map(
          async (a): Promise<Winner> => ({
            productLineId: a.productLineId,
            n: a.n,
            storedVoices: await storedVoices(a.productLineId, classes, period),
            cited: a.citation.map((v) => voiceClassOf(v)),
          }),
        ),
      );

    const counter = readCounter(handlerClient);
    const run = async (period: string, finalize: boolean): Promise<AwardsRun> => {
      counter.start();
      const start = performance.now();
      // A failed run is reported, not fatal: its reads and time up to the failure are still figures.
      const answer = await send("POST", "/v1/awards", { period, ...(finalize ? { finalize } : {}) }, cco);
      const ms = performance.now() - start;
      const reads = counter.stop();
      say(
        `${period}${finalize ? " finalized" : " preview"}: ${Math.round(ms)} ms (HTTP ${answer.status}), ${reads.items.toLocaleString("en-US")} items read`,
      );
      const base = {
        period,
        finalize,
        ms,
        status: answer.status,
        reads,
        bytes: Buffer.byteLength(answer.text),
      };
      if (answer.status >= 300)
        return { ...base, error: answer.text.slice(0, 300), lines: 0, eligible: 0, red: [], rotten: [] };
      const awards = JSON.parse(answer.text) as Awards;
      return {
        ...base,
        lines: awards.lines,
        eligible: awards.eligible,
        red: await winners(awards.red, POSITIVE_CLASSES, period),
        rotten: await winners(awards.rotten, NEGATIVE_CLASSES, period),
      };
    };
    // The previews first: finalizing publishes Awards Published, whose consumers (run in this
    // process) must not read during another call's count.
    // One untimed preview first, as a warm container has run its code before: the first call in a
    // fresh process pays the JIT (~100 ms), which made time ratios between cases noise. The timed
    // preview then also reads the stored one (head and parts), as every preview after the first does.
    await send("POST", "/v1/awards", { period: plan.quarter }, cco);
    const preview = await run(plan.quarter, false);
    const year = await run(plan.quarter.slice(0, 4), false);
    const finalize = await run(plan.quarter, true);

    return {
      plan,
      signals: loaded.written,
      transactions: loaded.transactions,
      retried: loaded.retried,
      loadSeconds: loaded.seconds,
      runs: { preview, year, finalize },
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await runtime.stop();
  }
};

// Started as a child process by awards.ts; also importable for its types.
runIfMain(import.meta.url, (plan: AwardsPlan) => runCase(plan));
