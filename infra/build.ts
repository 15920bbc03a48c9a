/**
 * `npm run build`: bundles every deployed function to `dist/<name>/index.mjs` (plus its source
 * map) with the same esbuild settings as the CDK stack, printing each size against the budget.
 * Exits non-zero when a bundle fails or is over budget.
 */
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BUNDLE_BUDGET_BYTES, BUNDLES, esbuildOptions } from "./bundling";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

await rm(dist, { recursive: true, force: true });
console.log(`Bundling ${BUNDLES.length} functions into dist/ (budget ${kb(BUNDLE_BUDGET_BYTES)} each)`);

let failed = 0;
for (const [i, { name, entry }] of BUNDLES.entries()) {
  const outfile = join(dist, name, "index.mjs");
  const started = performance.now();
  const prefix = `${`[${i + 1}/${BUNDLES.length}]`.padEnd(7)} ${name.padEnd(20)}`;
  try {
    await build(esbuildOptions(join(root, entry), outfile));
    const { size: bytes } = await stat(outfile);
    const over = bytes > BUNDLE_BUDGET_BYTES;
    if (over) failed++;
    const ms = Math.round(performance.now() - started);
    console.log(
      `${prefix} ${kb(bytes).padStart(10)}  ${String(ms).padStart(5)} ms  ${over ? "OVER BUDGET" : "ok"}`,
    );
  } catch (error) {
    failed++;
    console.error(`${prefix} FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
}

if (failed > 0) {
  console.error(`${failed} of ${BUNDLES.length} bundles failed or are over budget`);
  process.exitCode = 1;
} else {
  console.log(`All ${BUNDLES.length} bundles written to dist/`);
}
