/**
 * Bundles bench (DESIGN §5): bundles every deployed function with the stack's esbuild settings
 * (infra/bundling.ts) into a temporary directory, then prints each bundle's minified size and its
 * cold import time in a fresh `node` process (with `--enable-source-maps`, as deployed), beyond
 * importing an empty module the same way (median of RUNS), against the budgets.
 *
 * This machine's absolute times move 2–3× between days, so the import budget is judged as a ratio
 * to DESIGN's reference bundle (middy + zod + DynamoDB client + Powertools logger: ~65 ms when the
 * 150 ms budget was set), built and imported in the same run, interleaved with the functions.
 *
 * The temporary directory links the repository's node_modules so that anything left external
 * resolves as Lambda's runtime would provide it; a bundle that imports one of those modules
 * statically fails, because that module would then be loaded at every cold start.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import {
  BUNDLE_BUDGET_BYTES,
  BUNDLES,
  COLD_IMPORT_BUDGET_MS,
  esbuildOptions,
  LAZY_EXTERNAL_MODULES,
} from "#infra/bundling";
import { ENV } from "#platform/env";
import { report } from "./summary";

const RUNS = 7;
/** DESIGN §5: the reference bundle's import time when the 150 ms budget was set. */
const REFERENCE_MS = 65;
/** The import budget as a multiple of the reference: 150 ms against ~65 ms. */
const IMPORT_BUDGET_RATIO = COLD_IMPORT_BUDGET_MS / REFERENCE_MS;
const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** What Lambda sets, so module-level code behaves as deployed (nothing is called at import). */
const LAMBDA_LIKE_ENV: Record<string, string> = {
  AWS_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "AKIDBENCH",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_SESSION_TOKEN: "bench",
  AWS_LAMBDA_FUNCTION_NAME: "bench",
  POWERTOOLS_SERVICE_NAME: "strawberry",
  POWERTOOLS_METRICS_NAMESPACE: "Strawberry",
  POWERTOOLS_LOG_LEVEL: "INFO",
  [ENV.stage]: "dev",
  [ENV.tableName]: "strawberry-bench",
  [ENV.busName]: "strawberry-governance-bench",
  [ENV.hmacSecretArn]: "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench",
  [ENV.cursorSecretArn]: "arn:aws:secretsmanager:us-east-1:000000000000:secret:bench",
};

/** Milliseconds to `import()` the module in a new Node.js process. */
const importOnce = async (file: string): Promise<number> => {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const { stdout } = await run(
    process.execPath,
    ["--enable-source-maps", "--no-warnings", "--input-type=module", "-e", script],
    { env: { PATH: process.env.PATH ?? "", ...LAMBDA_LIKE_ENV } },
  );
  return Number(stdout);
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface Row {
  name: string;
  bytes: number;
  importMs: number;
  /** Import time as a multiple of the reference bundle's, in the same run. */
  ratio: number;
  staticExternals: string[];
  error?: string;
}

const isLazyExternal = (path: string): boolean =>
  LAZY_EXTERNAL_MODULES.some((m) => path === m || path.startsWith(`${m}/`));

const printTable = (rows: Row[], emptyMs: number, reference: { ms: number; bytes: number }): boolean => {
  const header = ["function", "KB min", "≤ KB", "import ms", "× ref", "≤ × ref", "result"];
  const lines = rows.map((row) => {
    const sizeOk = row.bytes <= BUNDLE_BUDGET_BYTES;
    const importOk = row.ratio <= IMPORT_BUDGET_RATIO;
    const pass = !row.error && sizeOk && importOk && row.staticExternals.length === 0;
    const why = row.error
      ? `FAIL (${row.error})`
      : row.staticExternals.length > 0
        ? `FAIL (imports ${row.staticExternals.join(", ")} at load)`
        : pass
          ? "PASS"
          : `FAIL (${[sizeOk ? "" : "size", importOk ? "" : "import"].filter(Boolean).join(", ")})`;
    return {
      pass,
      cells: [
        row.name,
        (row.bytes / 1000).toFixed(1),
        String(BUNDLE_BUDGET_BYTES / 1000),
        Number.isFinite(row.importMs) ? row.importMs.toFixed(1) : "-",
        Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : "-",
        IMPORT_BUDGET_RATIO.toFixed(2),
        why,
      ],
    };
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l.cells[i] ?? "").length)));
  const format = (cells: string[]) =>
    cells.map((c, i) =>
      i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0),
    );
  console.log(`\nFunction bundles (esbuild settings of infra/bundling.ts; median of ${RUNS} cold imports,`);
  console.log(
    `node ${process.version} --enable-source-maps, empty module ${emptyMs.toFixed(1)} ms subtracted)`,
  );
  console.log(
    `Reference bundle (middy + zod + DynamoDB client + Powertools logger): ${(reference.bytes / 1000).toFixed(1)} KB, ` +
      `${reference.ms.toFixed(1)} ms in this run (${REFERENCE_MS} ms when the budget was set); import budget ` +
      `${IMPORT_BUDGET_RATIO.toFixed(2)} × reference = ${(IMPORT_BUDGET_RATIO * reference.ms).toFixed(0)} ms today\n`,
  );
  console.log(format(header).join("  "));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line.cells).join("  "));
  return lines.every((l) => l.pass);
};

/** The largest bundle and the slowest cold import, each against DESIGN's reference bundle. */
const reportBundles = (rows: Row[], reference: { ms: number; bytes: number }) => {
  const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const slowest = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;
  report(
    {
      bench: "bundles",
      figure: `largest of ${rows.length} function bundles (${largest.name})`,
      measured: kb(largest.bytes),
      reference: `reference bundle ${kb(reference.bytes)}`,
      ratio: largest.bytes / reference.bytes,
      budget: `≤ ${BUNDLE_BUDGET_BYTES / 1000} KB`,
      pass: rows.every((r) => r.bytes <= BUNDLE_BUDGET_BYTES),
    },
    {
      bench: "bundles",
      figure: `slowest cold import (${slowest.name})`,
      measured: `${slowest.importMs.toFixed(0)} ms`,
      reference: `reference bundle ${reference.ms.toFixed(0)} ms`,
      ratio: slowest.ratio,
      budget: `≤ ${IMPORT_BUDGET_RATIO.toFixed(2)}×`,
      pass: rows.every((r) => r.ratio <= IMPORT_BUDGET_RATIO),
    },
  );
};

/** Prints the bundles table; returns nothing, sets a failing exit code when a budget is missed. */
export async function benchBundles(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "strawberry-bundles-"));
  try {
    await symlink(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    const empty = join(dir, "empty.mjs");
    await writeFile(empty, "export const handler = async () => ({});\n");

    const built: { name: string; file: string; bytes: number; staticExternals: string[]; error?: string }[] =
      [];
    const referenceFile = join(dir, "reference", "index.mjs");
    await build({
      ...esbuildOptions(join(root, "test/bench/reference-handler.ts"), referenceFile),
      logLevel: "silent",
    });
    for (const { name, entry } of BUNDLES) {
      const file = join(dir, name, "index.mjs");
      try {
        const result = await build({ ...esbuildOptions(join(root, entry), file), logLevel: "silent" });
        const staticExternals = Object.values(result.metafile?.outputs ?? {})
          .flatMap((output) => output.imports)
          .filter((i) => i.external && i.kind === "import-statement" && isLazyExternal(i.path))
          .map((i) => i.path);
        built.push({ name, file, bytes: (await stat(file)).size, staticExternals });
      } catch (error) {
        built.push({ name, file, bytes: 0, staticExternals: [], error: `bundling: ${String(error)}` });
      }
    }

    // Interleave the runs so that a noisy moment hits every module alike.
    const samples = new Map<string, number[]>([
      [empty, []],
      [referenceFile, []],
      ...built.map((b) => [b.file, []] as [string, number[]]),
    ]);
    const failures = new Map<string, string>();
    for (let i = 0; i < RUNS; i++) {
      for (const file of samples.keys()) {
        if (failures.has(file)) continue;
        try {
          samples.get(file)?.push(await importOnce(file));
        } catch (error) {
          const message =
            error instanceof Error ? error.message.split("\n").slice(0, 2).join(" ") : String(error);
          failures.set(file, `import: ${message}`);
        }
      }
    }
    const emptyMs = median(samples.get(empty) ?? []);
    const reference = {
      ms: median(samples.get(referenceFile) ?? []) - emptyMs,
      bytes: (await stat(referenceFile)).size,
    };
    const rows: Row[] = built.map((b) => ({
      name: b.name,
      bytes: b.bytes,
      importMs: median(samples.get(b.file) ?? []) - emptyMs,
      ratio: (median(samples.get(b.file) ?? []) - emptyMs) / reference.ms,
      staticExternals: b.staticExternals,
      error: b.error ?? failures.get(b.file),
    }));
    const allPass = printTable(rows, emptyMs, reference);
    reportBundles(rows, reference);
    console.log(allPass ? "\nAll bundles within budget." : "\nSome bundles miss a budget.");
    if (!allPass) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchBundles();
}
