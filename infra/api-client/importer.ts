/**
 * Sends signal records to `POST /v1/signals`: batches of at most 500 (and at most ~900 KB of
 * JSON), a few batches in flight, retries with backoff on 429, 5xx and network errors, and maps
 * each rejection back to the line of the file it came from. Re-running an import is harmless:
 * the server stores each `signalId` once and counts repeats as duplicates.
 */
import type { FieldError } from "#schemas/error";
import { IngestResult, MAX_SIGNALS_PER_BATCH } from "#schemas/signal";
import { type ApiClient, ApiError } from "./client";

export type { FieldError };

/** One signal to send, with the line (or position) it came from. */
export interface SignalRecord {
  /** Physical line (1-based) where the record starts in its file, or its position in a list. */
  line: number;
  /** What to send as the signal (undefined when `errors` is set). */
  raw: unknown;
  /** Set when the record cannot be sent: it is reported as rejected with these errors. */
  errors?: FieldError[];
}

export interface RejectedLine {
  /** Line of the file (or position in the list) of the rejected record. */
  line: number;
  signalId?: string;
  errors: FieldError[];
}

export interface ImportSummary {
  accepted: number;
  duplicates: number;
  quarantined: number;
  /** Ordered by line. */
  rejected: RejectedLine[];
}

export interface ImportOptions {
  client: ApiClient;
  /** Signals per request, at most 500 (the API's limit). @default 500 */
  batchSize?: number;
  /** Largest JSON body sent; the API refuses more than 1 MiB. @default 900_000 */
  maxBodyBytes?: number;
  /** Requests in flight at once. @default 3 */
  concurrency?: number;
  /** Retries of one request after the first attempt (429, 5xx, network errors). @default 6 */
  retries?: number;
  /** First retry delay; doubles each time, with jitter. @default 500 */
  retryDelayMs?: number;
  /** @default 15_000 */
  maxRetryDelayMs?: number;
  /** Called with the number of records handled so far, after each answered batch. */
  onProgress?: (done: number) => void;
  /** Called before each retry (for logging). */
  onRetry?: (info: { attempt: number; delayMs: number; error: ApiError }) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** The import stopped (a request failed for good, or the file broke); `partial` holds what was done. */
export class ImportFailedError extends Error {
  constructor(
    readonly partial: ImportSummary,
    readonly done: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "ImportFailedError";
  }
}

/** The API takes at most this many signals per request (DESIGN §4). */
export const MAX_BATCH = MAX_SIGNALS_PER_BATCH;
const ENVELOPE_BYTES = Buffer.byteLength('{"signals":[]}');

interface Pending {
  line: number;
  json: string;
  bytes: number;
  signalId?: string;
}

function signalIdOf(raw: unknown): string | undefined {
  if (typeof raw === "object" && raw !== null && "signalId" in raw) {
    const id = (raw as { signalId: unknown }).signalId;
    if (typeof id === "string") return id;
  }
  return undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function importSignals(
  records: AsyncIterable<SignalRecord> | Iterable<SignalRecord>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const batchSize = Math.max(1, Math.min(MAX_BATCH, options.batchSize ?? MAX_BATCH));
  const maxBodyBytes = options.maxBodyBytes ?? 900_000;
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const retries = options.retries ?? 6;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 15_000;
  const sleep = options.sleep ?? defaultSleep;
  const { client } = options;

  const summary: ImportSummary = { accepted: 0, duplicates: 0, quarantined: 0, rejected: [] };
  let done = 0;
  let failure: { error: unknown } | undefined;
  const inFlight = new Set<Promise<void>>();

  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done);
  };
  const reject = (p: { line: number; signalId?: string }, errors: FieldError[]) => {
    const row: RejectedLine = { line: p.line, errors };
    if (p.signalId !== undefined) row.signalId = p.signalId;
    summary.rejected.push(row);
  };

  const apply = (batch: Pending[], answer: unknown) => {
    const parsed = IngestResult.safeParse(answer);
    if (!parsed.success)
      throw new ApiError(200, "bad_response", "POST /v1/signals answered with an unexpected body");
    const result = parsed.data;
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    summary.quarantined += result.quarantined;
    for (const r of result.rejected) {
      const p = batch[r.index];
      const row: RejectedLine = { line: p?.line ?? 0, errors: r.errors };
      const signalId = r.signalId ?? p?.signalId;
      if (signalId !== undefined) row.signalId = signalId;
      if (p === undefined)
        row.errors = [
          ...r.errors,
          { path: "", message: `(the API named index ${r.index}, not in the batch)` },
        ];
      summary.rejected.push(row);
    }
  };

  const send = async (batch: Pending[]): Promise<void> => {
    const bodyText = `{"signals":[${batch.map((p) => p.json).join(",")}]}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await client.request("POST", "/v1/signals", { bodyText });
        apply(batch, answer);
        return;
      } catch (err) {
        if (err instanceof ApiError && err.status === 413) {
          if (batch.length > 1) {
            // The server's limit is lower than ours: halve and try again.
            const half = Math.ceil(batch.length / 2);
            await send(batch.slice(0, half));
            await send(batch.slice(half));
            return;
          }
          const only = batch[0]!;
          reject(only, [
            { path: "", message: `Too large for the API (${only.bytes} bytes): ${err.message}` },
          ]);
          return;
        }
        if (!(err instanceof ApiError) || !err.retryable || attempt > retries) throw err;
        const backoff = Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (attempt - 1));
        const delayMs = Math.min(
          maxRetryDelayMs * 2,
          err.retryAfterMs ?? Math.round(backoff * (0.5 + Math.random() * 0.5)),
        );
        options.onRetry?.({ attempt, delayMs, error: err });
        await sleep(delayMs);
      }
    }
  };

  const launch = async (batch: Pending[]): Promise<void> => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (failure !== undefined) return;
    const task: Promise<void> = send(batch).then(
      () => progress(batch.length),
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  };

  let batch: Pending[] = [];
  let batchBytes = ENVELOPE_BYTES;
  try {
    for await (const record of records) {
      if (failure !== undefined) break;
      if (record.errors !== undefined) {
        reject({ line: record.line, signalId: signalIdOf(record.raw) }, record.errors);
        progress(1);
        continue;
      }
      const json = JSON.stringify(record.raw) ?? "null";
      const bytes = Buffer.byteLength(json);
      const signalId = signalIdOf(record.raw);
      if (ENVELOPE_BYTES + bytes > maxBodyBytes) {
        reject({ line: record.line, signalId }, [
          {
            path: "",
            message: `Too large to send: ${bytes} bytes (a request may carry at most ${maxBodyBytes})`,
          },
        ]);
        progress(1);
        continue;
      }
      const separator = batch.length > 0 ? 1 : 0;
      if (batch.length >= batchSize || batchBytes + separator + bytes > maxBodyBytes) {
        await launch(batch);
        batch = [];
        batchBytes = ENVELOPE_BYTES;
      }
      batch.push(
        signalId === undefined
          ? { line: record.line, json, bytes }
          : { line: record.line, json, bytes, signalId },
      );
      batchBytes += (batch.length > 1 ? 1 : 0) + bytes;
    }
    if (batch.length > 0 && failure === undefined) await launch(batch);
  } catch (error) {
    failure ??= { error };
  } finally {
    await Promise.all(inFlight);
  }
  summary.rejected.sort((a, b) => a.line - b.line);
  if (failure !== undefined) throw new ImportFailedError(summary, done, failure.error);
  return summary;
}
