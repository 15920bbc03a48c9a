/**
 * `npm run bench [-- ingest|bundles|review|voices|awards|web ...]`: prints measured figures. Nothing here is asserted by
 * the tests; budgets are shown as PASS/FAIL beside the figures.
 */
import "#infra/local/node-support";
import { benchAwards } from "./awards";
import { benchBundles } from "./bundles";
import { benchIngest } from "./ingest";
import { benchReview } from "./review";
import { benchVoices } from "./voices";
import { benchWeb } from "./web";

const BENCHES: Record<string, () => Promise<void>> = {
  ingest: benchIngest,
  bundles: benchBundles,
  review: benchReview,
  voices: benchVoices,
  awards: benchAwards,
  web: benchWeb,
};

const main = async () => {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const chosen = names.length ? names : Object.keys(BENCHES);
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
