/**
 * `npm run bench [-- ingest|bundles|review|voices|awards|web|start ...]`: prints measured figures,
 * each bench's tables and then one summary table of every headline figure beside its reference
 * (`summary.ts`). Nothing here is asserted by the tests; budgets are shown as PASS/FAIL beside the
 * figures. `soak [--minutes N] [--signals N]` and `npm-test` run only when named (they take long).
 */
import "#infra/local/powertools-env";
import "#infra/local/node-support";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchAwards } from "./awards";
import { benchBundles } from "./bundles";
import { benchIngest } from "./ingest";
import { benchReview } from "./review";
import { benchSoak } from "./soak";
import { benchNpmTest, benchStart } from "./start";
import { type Figure, report, reported, summaryTable } from "./summary";
import { benchVoices } from "./voices";
import { benchWeb } from "./web";

const BENCHES: Record<string, () => Promise<void>> = {
  ingest: benchIngest,
  bundles: benchBundles,
  review: benchReview,
  voices: benchVoices,
  awards: benchAwards,
  web: benchWeb,
  start: benchStart,
  soak: benchSoak,
  "npm-test": benchNpmTest,
};
/** Benches a bare `npm run bench` leaves out (they take long on purpose). */
const ONLY_WHEN_NAMED = new Set(["soak", "npm-test"]);
/** Flags followed by a value (the soak's), which is not a bench's name. */
const VALUED_FLAGS = new Set(["--minutes", "--signals"]);

/** Where a bench run by {@link inOwnProcess} leaves its figures for the parent. */
const FIGURES_ENV = "BENCH_FIGURES_OUT";

/**
 * Runs one bench in a process of its own, with this run's flags, and takes its figures back. Each
 * bench starts its own runtime and DynamoDB Local, and the handlers' AWS client is made once per
 * process (as in Lambda) with the first one's endpoint: a second bench in the same process would
 * talk to a DynamoDB Local that has gone.
 */
const inOwnProcess = async (name: string, flags: string[]): Promise<boolean> => {
  const dir = mkdtempSync(join(tmpdir(), "bench-figures-"));
  const out = join(dir, "figures.json");
  try {
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", fileURLToPath(import.meta.url), name, ...flags],
        {
          stdio: "inherit",
          env: { ...process.env, [FIGURES_ENV]: out },
        },
      );
      child.once("error", fail);
      child.once("exit", done);
    });
    if (existsSync(out)) report(...(JSON.parse(readFileSync(out, "utf8")) as Figure[]));
    return code === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const main = async () => {
  const args = process.argv.slice(2);
  const names = args.filter((a, i) => !a.startsWith("-") && !VALUED_FLAGS.has(args[i - 1] ?? ""));
  const flags = args.filter((a) => !names.includes(a));
  const chosen = names.length ? names : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
  for (const name of chosen)
    if (!BENCHES[name])
      throw new Error(`Unknown bench ${name}; choose from: ${Object.keys(BENCHES).join(", ")}`);
  const figuresOut = process.env[FIGURES_ENV];
  if (chosen.length === 1) {
    await BENCHES[chosen[0] as string]?.();
    // Run by a parent: hand the figures over, the parent prints the summary.
    if (figuresOut) return writeFileSync(figuresOut, JSON.stringify(reported()));
  } else {
    const failed: string[] = [];
    for (const name of chosen) if (!(await inOwnProcess(name, flags))) failed.push(name);
    if (failed.length) {
      console.error(`\nThese benches failed or missed a budget: ${failed.join(", ")}`);
      process.exitCode = 1;
    }
  }
  const summary = summaryTable();
  if (summary)
    console.log(
      `\n## Summary: ${chosen.join(", ")} (${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n\n${summary}\n`,
    );
  // Every bench's missed budget fails the run alike, whether or not the bench set an exit code.
  const missed = reported().filter((f) => f.pass === false);
  if (missed.length) {
    console.log(`Budgets missed: ${missed.map((f) => `${f.bench}: ${f.figure}`).join("; ")}`);
    process.exitCode = 1;
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
