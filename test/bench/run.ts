/**
 * `npm run bench [-- ingest|bundles|review|voices|awards|web|start ...]`: prints measured figures,
 * each bench's tables and then one summary table of every headline figure beside its reference
 * (`summary.ts`). Nothing here is asserted by the tests; budgets are shown as PASS/FAIL beside the
 * figures. `soak [--minutes N] [--signals N]` and `npm-test` run only when named (they take long).
 */
import "#infra/local/powertools-env";
import "#infra/local/node-support";
import { benchAwards } from "./awards";
import { benchBundles } from "./bundles";
import { benchIngest } from "./ingest";
import { benchReview } from "./review";
import { benchSoak } from "./soak";
import { benchNpmTest, benchStart } from "./start";
import { summaryTable } from "./summary";
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

const main = async () => {
  const args = process.argv.slice(2);
  const names = args.filter((a, i) => !a.startsWith("-") && !VALUED_FLAGS.has(args[i - 1] ?? ""));
  const chosen = names.length ? names : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`Unknown bench ${name}; choose from: ${Object.keys(BENCHES).join(", ")}`);
    await bench();
  }
  const summary = summaryTable();
  if (summary)
    console.log(
      `\n## Summary: ${chosen.join(", ")} (${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n\n${summary}\n`,
    );
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
