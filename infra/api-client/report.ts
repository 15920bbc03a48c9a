/**
 * What an import shows: a progress bar (or progress lines), the summary of what the API answered,
 * and `runImport`, which sends records with both (used by the CLI and by the demo seed).
 */
import type { ApiClient } from "./client";
import {
  type FieldError,
  ImportFailedError,
  type ImportSummary,
  importSignals,
  type SignalRecord,
} from "./importer";

/** Where progress and summaries are written (a `process.stdout`-like stream). */
export interface TextOut {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stream: TextOut;
  total?: number;
  label?: string;
  now?: () => number;
}

export interface Progress {
  update(done: number): void;
  finish(): void;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

/**
 * A progress bar on a TTY (redrawn at most every 100 ms), otherwise one line per 10 % (or per
 * 5,000 records when the total is unknown): done/total, signals per second and the time left.
 */
export function createProgress(options: ProgressOptions): Progress {
  const { stream, total } = options;
  const label = options.label ?? "importing";
  const now = options.now ?? Date.now;
  const started = now();
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastStep = 0;
  let lastDone = 0;
  let finished = false;

  const describe = (done: number) => {
    const elapsed = Math.max(1, now() - started);
    const rate = (done * 1000) / elapsed;
    const parts = [total !== undefined ? `${fmt(done)}/${fmt(total)}` : fmt(done)];
    if (total !== undefined && total > 0) parts.push(`${Math.floor((done * 100) / total)}%`);
    parts.push(`${fmt(rate)} signals/s`);
    if (total !== undefined && done < total && rate > 0)
      parts.push(`ETA ${formatDuration(((total - done) / rate) * 1000)}`);
    return parts.join("  ");
  };

  const draw = (done: number) => {
    const width = 24;
    const frac = total !== undefined && total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(frac * width);
    const bar = total !== undefined ? `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ` : "";
    stream.write(`\r${label} ${bar}${describe(done)}\x1b[K`);
  };

  return {
    update(done) {
      lastDone = done;
      if (finished) return;
      if (tty) {
        const t = now();
        if (t - lastDraw >= 100 || done === total) {
          lastDraw = t;
          draw(done);
        }
        return;
      }
      const step =
        total !== undefined && total > 0 ? Math.floor((done * 10) / total) : Math.floor(done / 5000);
      if (step > lastStep) {
        lastStep = step;
        stream.write(`${label} ${describe(done)}\n`);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      if (tty) {
        draw(lastDone);
        stream.write("\n");
      }
    },
  };
}

export interface SummaryOptions {
  /** @default 50 */
  maxRejected?: number;
  /** How a record is named: `line 12` for a file, `signal 12` for a list. @default "line" */
  unit?: string;
}

function formatErrors(errors: FieldError[]): string {
  if (errors.length === 0) return "rejected";
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
}

/** The summary as lines of text: the counts, then up to 50 rejected records and "… N more". */
export function formatSummary(summary: ImportSummary, options: SummaryOptions = {}): string[] {
  const maxRejected = options.maxRejected ?? 50;
  const unit = options.unit ?? "line";
  const counts: [string, number][] = [
    ["accepted", summary.accepted],
    ["duplicates", summary.duplicates],
    ["quarantined", summary.quarantined],
    ["rejected", summary.rejected.length],
  ];
  const width = Math.max(...counts.map(([, n]) => fmt(n).length));
  const lines = counts.map(([name, n]) => `  ${name.padEnd(12)}${fmt(n).padStart(width)}`);
  if (summary.rejected.length > 0) {
    lines.push("", "Rejected:");
    for (const r of summary.rejected.slice(0, maxRejected)) {
      const id = r.signalId !== undefined ? ` (${r.signalId})` : "";
      lines.push(`  ${unit} ${r.line}${id}: ${formatErrors(r.errors)}`);
    }
    const more = summary.rejected.length - maxRejected;
    if (more > 0) lines.push(`  … ${fmt(more)} more`);
  }
  return lines;
}

export interface RunImportOptions {
  client: ApiClient;
  records: AsyncIterable<SignalRecord> | Iterable<SignalRecord>;
  /** How many records there are (for the progress bar). */
  total: number;
  /** @default 3 */
  concurrency?: number;
  /** How a record is named in the summary (`line`, `signal`). */
  unit: string;
  /** The summary. */
  stdout: TextOut;
  /** Progress and retries. */
  stderr: TextOut;
}

/**
 * Imports the records with a progress bar on `stderr` and prints the summary on `stdout`. When the
 * import stops (a request failed for good), prints what was done so far and rethrows the
 * `ImportFailedError`.
 */
export async function runImport(options: RunImportOptions): Promise<ImportSummary> {
  const { stdout, stderr, total, unit } = options;
  const progress = createProgress({ stream: stderr, total });
  const started = Date.now();
  try {
    const summary = await importSignals(options.records, {
      client: options.client,
      concurrency: options.concurrency,
      onProgress: (done) => progress.update(done),
      onRetry: ({ attempt, delayMs, error }) => {
        if (attempt >= 2)
          stderr.write(
            `\nretrying (attempt ${attempt + 1}) in ${formatDuration(delayMs)}: ${error.message}\n`,
          );
      },
    });
    progress.finish();
    stdout.write(
      `${[`Done in ${formatDuration(Date.now() - started)}:`, ...formatSummary(summary, { unit })].join("\n")}\n`,
    );
    return summary;
  } catch (err) {
    progress.finish();
    if (err instanceof ImportFailedError)
      stdout.write(
        `${[
          `Stopped after ${err.done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}; so far:`,
          ...formatSummary(err.partial, { unit }),
        ].join("\n")}\n`,
      );
    throw err;
  }
}
