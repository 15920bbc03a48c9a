/**
 * What each page of the dashboard costs to open first, from the built files: the entry and its
 * static imports, plus the page's lazy chunk and its static imports (each file counted once), JS and
 * CSS gzipped; and what a page loads later only on use (its own dynamic imports, e.g. the pinyin
 * matcher when someone searches the rankings).
 *
 * Pages are found as the entry's table names them (`rankings:{load:()=>import("./chunk-….js")`,
 * web/src/pages/index.ts): esbuild keeps property names, so the minified entry still says which
 * chunk is which page.
 */
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageCost {
  page: string;
  jsGzip: number;
  cssGzip: number;
  /** Bytes gzipped a page fetches only when a feature is used (lazy imports of the page's chunks). */
  onUseGzip: number;
}

const STATIC_IMPORT = /(?:from|import)\s*"(\.\/[\w.-]+\.js)"/g;
const DYNAMIC_IMPORT = /import\("(\.\/[\w.-]+\.js)"\)/g;
const PAGE_ENTRY = /(\w+):\{load:\(\)=>import\("(\.\/[\w.-]+\.js)"\)/g;

const gzipOf = (dir: string, path: string): number =>
  gzipSync(readFileSync(join(dir, path)), { level: 9 }).length;

/** The file and every file it imports statically, transitively (paths relative to `dir`). */
const closure = (dir: string, start: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(start)) return seen;
  seen.add(start);
  const text = readFileSync(join(dir, start), "utf8");
  for (const m of text.matchAll(STATIC_IMPORT)) closure(dir, posix.join(dirname(start), m[1] ?? ""), seen);
  return seen;
};

const dynamicImports = (dir: string, files: Iterable<string>): Set<string> => {
  const found = new Set<string>();
  for (const file of files)
    for (const m of readFileSync(join(dir, file), "utf8").matchAll(DYNAMIC_IMPORT))
      found.add(posix.join(dirname(file), m[1] ?? ""));
  return found;
};

/** Each page's first-load cost, from a build in `dir` whose first load is `firstLoad` (entry + CSS). */
export const pageCosts = (dir: string, firstLoad: string[]): PageCost[] => {
  const entry = firstLoad.find((p) => p.endsWith(".js"));
  if (!entry) return [];
  const css = firstLoad.filter((p) => p.endsWith(".css")).reduce((s, p) => s + gzipOf(dir, p), 0);
  const shell = closure(dir, entry);
  const entryText = readFileSync(join(dir, entry), "utf8");
  const pages = [...entryText.matchAll(PAGE_ENTRY)].map((m) => ({
    page: m[1] ?? "",
    chunk: posix.join(dirname(entry), m[2] ?? ""),
  }));
  const pageChunks = new Set(pages.map((p) => p.chunk));
  return pages.map(({ page, chunk }) => {
    const files = closure(dir, chunk, new Set(shell));
    const later = [
      ...dynamicImports(
        dir,
        [...files].filter((f) => !shell.has(f)),
      ),
    ].filter((f) => !pageChunks.has(f) && !files.has(f));
    const laterFiles = new Set<string>();
    for (const f of later) for (const g of closure(dir, f)) if (!files.has(g)) laterFiles.add(g);
    return {
      page,
      jsGzip: [...files].reduce((s, f) => s + gzipOf(dir, f), 0),
      cssGzip: css,
      onUseGzip: [...laterFiles].reduce((s, f) => s + gzipOf(dir, f), 0),
    };
  });
};
