/**
 * Web bench: builds the dashboard (infra/build-web.ts) into a temporary directory and prints what
 * the first page load fetches, JS and CSS, raw and gzipped, per file and in total, against the
 * 200 KB budget for first-load JS gzipped (issue 12); then what opening each page first costs (the
 * entry plus the page's lazy chunk, `web-pages.ts`); then the rankings' time to first rows at 50 and
 * 10,000 lines in Chromium as a ratio to a plain 50-row HTML table in the same run (`web-first-rows.ts`).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildWeb } from "#infra/build-web";
import { report } from "./summary";
import { firstRows } from "./web-first-rows";
import { pageCosts } from "./web-pages";

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
    report({
      bench: "web",
      figure: "dashboard first-load JS, gzipped",
      measured: `${kb(js)} KB`,
      reference: "–",
      budget: `≤ ${kb(FIRST_LOAD_JS_BUDGET_BYTES)} KB`,
      pass,
    });
    printPages(
      dir,
      built.firstLoad.map((f) => f.path),
    );
    await printFirstRows(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const printPages = (dir: string, firstLoad: string[]) => {
  const pages = pageCosts(dir, firstLoad);
  console.log(
    "\nOpening each page first: the entry + the page's chunk and their static imports, gzip level 9\n",
  );
  console.log(
    `${"page".padEnd(14)}  ${"KB JS".padStart(7)}  ${"KB CSS".padStart(7)}  ${"KB total".padStart(8)}  ${"KB on use".padStart(9)}`,
  );
  console.log(`${"-".repeat(14)}  -------  -------  --------  ---------`);
  for (const p of pages)
    console.log(
      `${p.page.padEnd(14)}  ${kb(p.jsGzip).padStart(7)}  ${kb(p.cssGzip).padStart(7)}  ${kb(p.jsGzip + p.cssGzip).padStart(8)}  ${(p.onUseGzip ? kb(p.onUseGzip) : "").padStart(9)}`,
    );
  console.log(
    '"on use" = loaded only when a feature is used (the rankings\' pinyin search: when someone types).',
  );
};

const printFirstRows = async (dir: string) => {
  const cases = await firstRows(dir, (line) => console.log(line));
  const [reference, ...rankings] = cases;
  for (const c of rankings)
    report({
      bench: "web",
      figure: `rankings' time to first rows in Chromium, ${c.name.replace("rankings, ", "")}`,
      measured: `${c.ms.toFixed(0)} ms`,
      reference: `static 50-row table ${reference?.ms.toFixed(0)} ms`,
      ratio: c.ratio,
    });
  const [few, many] = rankings;
  // Windowed rows: 10,000 lines should cost about what 50 do, the 10,000-line answer's size aside.
  if (few && many)
    report({
      bench: "web",
      figure: "rankings' first rows at 10,000 lines / at 50",
      measured: `${many.ms.toFixed(0)} ms`,
      reference: `50 lines ${few.ms.toFixed(0)} ms`,
      ratio: many.ms / few.ms,
      budget: "≤ 1.5×",
      pass: many.ms / few.ms <= 1.5,
    });
  console.log(
    "\nRankings: time to first rows in Chromium (median; ms from navigation start to the rows committed)\n",
  );
  console.log(
    `${"case".padEnd(32)}  ${"ms".padStart(7)}  ${"× ref".padStart(6)}  ${"API ms".padStart(7)}  ${"render ms".padStart(9)}  ${"rows in DOM".padStart(11)}`,
  );
  console.log(`${"-".repeat(32)}  -------  ------  -------  ---------  -----------`);
  for (const c of cases)
    console.log(
      `${c.name.padEnd(32)}  ${c.ms.toFixed(0).padStart(7)}  ${c.ratio.toFixed(2).padStart(6)}  ${(Number.isFinite(c.apiMs) ? c.apiMs.toFixed(0) : "").padStart(7)}  ${(Number.isFinite(c.afterApiMs) ? c.afterApiMs.toFixed(0) : "").padStart(9)}  ${(c.rowsInDom ? String(c.rowsInDom) : "").padStart(11)}`,
    );
  console.log(
    "\n× ref = the case's time over the reference's in this run (a static 50-row HTML table, same browser and origin);\n" +
      "API ms = the GET /v1/rankings request inside that time; render ms = from its answer to the rows committed\n" +
      "(JSON, filter, sort, render); rows in DOM = the windowed table's rows (of 50 or 10,000). The rest is loading\n" +
      "the scripts and the catalog and policy every page reads first.",
  );
};
