/**
 * `npm run bench [-- ingest|bundles|review|voices|awards|web ...]`: prints measured figures. Nothing here is asserted by
 * the tests; budgets are shown as PASS/FAIL beside the figures. `soak [--minutes N]` (10 by default) runs only when named.
 */
import "#infra/local/node-support";
import { benchAwards } from "./awards";
import { benchBundles } from "./bundles";
import { benchIngest } from "./ingest";
import { benchReview } from "./review";
import { benchSoak } from "./soak";
import { benchVoices } from "./voices";
import { benchWeb } from "./web";

const BENCHES: Record<string, () => Promise<void>> = {
  ingest: benchIngest,
  bundles: benchBundles,
  review: benchReview,
  voices: benchVoices,
  awards: benchAwards,
  web: benchWeb,
  soak: benchSoak,
};
/** Benches a bare `npm run bench` leaves out (they take long on purpose). */
const ONLY_WHEN_NAMED = new Set(["soak"]);

const main = async () => {
  const args = process.argv.slice(2);
  const names = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "--minutes");
  const chosen = names.length ? names : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
  for (const name of chosen) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`Unknown bench ${name}; choose from: ${Object.keys(BENCHES).join(", ")}`);
    await bench();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
