/**
 * What the benches that run each case in a process of its own share (review, awards): starting a
 * case file as a child process — its own runtime and in-memory DynamoDB Local, so every case works
 * on a fresh table and no cache of an earlier case (figures, policy, catalog) is carried over —
 * taking its figures back as JSON, and printing figures as markdown tables.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReadTally } from "./review-reads";

const SPEC_ENV = "BENCH_CASE";
const OUT_ENV = "BENCH_CASE_OUT";

/** Runs the case module `file` (one that calls {@link runIfMain}) in a child process on `spec`. */
export const runInChild = async <T>(file: URL, spec: unknown, label: string): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), "bench-case-"));
  const out = join(dir, "result.json");
  try {
    return await new Promise<T>((done, fail) => {
      const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(file)], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, [OUT_ENV]: out, [SPEC_ENV]: JSON.stringify(spec) },
      });
      child.on("error", fail);
      child.on("exit", (code) =>
        code === 0
          ? done(JSON.parse(readFileSync(out, "utf8")) as T)
          : fail(new Error(`${label} failed (exit ${code})`)),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const samePath = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * In a case module: when this process was started for it (by {@link runInChild}), runs the case on
 * its spec, writes the result for the parent and exits. Does nothing when the module is imported.
 */
export const runIfMain = <S, T>(moduleUrl: string, run: (spec: S) => Promise<T>): void => {
  if (!process.argv[1] || !samePath(process.argv[1], fileURLToPath(moduleUrl))) return;
  const spec = process.env[SPEC_ENV];
  const out = process.env[OUT_ENV];
  if (!spec || !out) {
    console.error("A bench case: run it through `npm run bench -- <name>`");
    process.exit(1);
  }
  run(JSON.parse(spec) as S).then(
    (result) => {
      writeFileSync(out, JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
};

export const num = (n: number) => Math.round(n).toLocaleString("en-US");
export const ms = (n: number) => (n >= 100 ? num(n) : n.toFixed(1));
export const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

/** A markdown row: the first cell left-aligned, the others right-aligned. */
export const row = (cells: (string | number)[], widths: number[]) =>
  `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join(" | ")} |`;
export const rule = (widths: number[]) =>
  `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
export const table = (head: string[], widths: number[], rows: (string | number)[][]) =>
  [row(head, widths), rule(widths), ...rows.map((cells) => row(cells, widths))].join("\n");

/** Items read by the request kinds `test` accepts (`Query TOTAL`, `Query gsi1 VOICE`, …). */
export const itemsOfKind = (tally: ReadTally, test: (kind: string) => boolean) =>
  Object.entries(tally.byKind).reduce((n, [kind, t]) => n + (test(kind) ? t.items : 0), 0);

/** Requests / items per request kind, one column per named tally. */
export const kindsTable = (columns: { name: string; reads: ReadTally }[], width = 15): string => {
  const kinds = [...new Set(columns.flatMap((c) => Object.keys(c.reads.byKind)))].sort();
  const widths = [30, ...columns.map(() => width)];
  return table(
    ["read (requests / items)", ...columns.map((c) => c.name)],
    widths,
    kinds.map((kind) => [
      kind,
      ...columns.map((c) => {
        const t = c.reads.byKind[kind];
        return t ? `${num(t.requests)} / ${num(t.items)}` : "–";
      }),
    ]),
  );
};
