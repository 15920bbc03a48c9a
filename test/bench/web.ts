/**
 * Web bench: builds the dashboard (infra/build-web.ts) into a temporary directory and prints what
 * the first page load fetches, JS and CSS, raw and gzipped, per file and in total, against the
 * 200 KB budget for first-load JS gzipped (issue 12).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb } from "#infra/build-web";

/** First-load JavaScript, gzipped. */
export const FIRST_LOAD_JS_BUDGET_BYTES = 200_000;

const kb = (bytes: number): string => (bytes / 1000).toFixed(1);

export async function benchWeb(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "strawberry-web-"));
  try {
    const started = performance.now();
    const built = buildWeb(dir);
    const ms = Math.round(performance.now() - started);
    const rows = built.firstLoad.map((f) => ({
      path: f.path,
      bytes: f.bytes,
      gzip: gzipSync(readFileSync(join(dir, f.path)), { level: 9 }).length,
    }));
    const total = (ext: string) => rows.filter((r) => r.path.endsWith(ext)).reduce((s, r) => s + r.gzip, 0);
    const js = total(".js");
    const css = total(".css");
    const width = Math.max(20, ...rows.map((r) => r.path.length));
    console.log(`\nDashboard first load (built by infra/build-web.ts in ${ms} ms; gzip level 9)\n`);
    console.log(`${"file".padEnd(width)}  ${"KB min".padStart(8)}  ${"KB gzip".padStart(8)}`);
    console.log(`${"-".repeat(width)}  --------  --------`);
    for (const r of rows)
      console.log(`${r.path.padEnd(width)}  ${kb(r.bytes).padStart(8)}  ${kb(r.gzip).padStart(8)}`);
    console.log(`${"-".repeat(width)}  --------  --------`);
    console.log(`${"JS total".padEnd(width)}  ${"".padStart(8)}  ${kb(js).padStart(8)}`);
    console.log(`${"CSS total".padEnd(width)}  ${"".padStart(8)}  ${kb(css).padStart(8)}`);
    console.log(`${"JS + CSS".padEnd(width)}  ${"".padStart(8)}  ${kb(js + css).padStart(8)}`);
    const pass = js <= FIRST_LOAD_JS_BUDGET_BYTES;
    console.log(
      `\nFirst-load JS ${kb(js)} KB gzipped, budget ${kb(FIRST_LOAD_JS_BUDGET_BYTES)} KB: ${pass ? "PASS" : "FAIL"}`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
