/**
 * The dashboard's build: esbuild bundles `web/src/main.tsx` (Preact, TypeScript) into content-hashed
 * files under `assets/` and writes `index.html` referencing them. `npm start` and the e2e tests build
 * into `web/dist/` (git-ignored); the CDK app builds into its asset staging directory (infra/constructs/
 * dashboard.ts). Synchronous so that CDK's local bundling can call it. `npx tsx infra/build-web.ts`
 * builds and prints the files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync, type Metafile } from "esbuild";
import { HASHED_DIR } from "./web-headers";

export const WEB_ROOT = fileURLToPath(new URL("../web", import.meta.url));
/** Where `npm start` and the tests build the dashboard to (git-ignored). */
export const WEB_BUILD_DIR = join(WEB_ROOT, "dist");
const ENTRY = join(WEB_ROOT, "src", "main.tsx");
const TEMPLATE = join(WEB_ROOT, "index.html");

/** Browsers the dashboard supports: evergreen ones of the last few years. */
export const WEB_TARGET = ["chrome110", "edge110", "firefox110", "safari16"];

export interface WebFile {
  /** Relative to the build directory, with `/` separators (e.g. `assets/app-3F2A.js`). */
  path: string;
  bytes: number;
}

export interface WebBuild {
  outDir: string;
  /** The JS and CSS the first page load fetches: the entry, the chunks it imports statically, its CSS. */
  firstLoad: WebFile[];
  /** Every file written, `index.html` included. */
  files: WebFile[];
}

const toPosix = (path: string): string => path.split("\\").join("/");

/** The entry's output and the chunks it imports statically, transitively (lazy pages excluded). */
const firstLoadOutputs = (metafile: Metafile): string[] => {
  // Lazy pages are entry points too (of their own chunks): the app's is the one built from main.tsx.
  const main = toPosix(relative(join(WEB_ROOT, ".."), ENTRY));
  const entry = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === main);
  if (!entry) throw new Error("esbuild wrote no entry output for the dashboard");
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const output = metafile.outputs[path];
    if (output?.cssBundle) seen.add(output.cssBundle);
    for (const i of output?.imports ?? []) if (i.kind === "import-statement" && !i.external) visit(i.path);
  };
  visit(entry[0]);
  return [...seen];
};

/**
 * Writes `contents` to `path` unless it already holds exactly that, through a temporary file and a
 * rename, so a reader (a running server, another build) sees the old file or the new one, never a
 * part: two `npm start`s (or a test run's workers) build into the same `web/dist` at once.
 */
const writeIfChanged = (path: string, contents: Uint8Array): void => {
  if (existsSync(path) && Buffer.from(readFileSync(path)).equals(Buffer.from(contents))) return;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
};

/** Files under `dir` (relative, `/`-separated); none when it does not exist. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => toPosix(relative(dir, join(e.parentPath, e.name))))
    : [];

/**
 * Builds the dashboard into `outDir` and returns what it wrote. Files the build does not produce
 * are removed afterwards (older hashed assets); a file already as built is left untouched.
 */
export const buildWeb = (outDir: string = WEB_BUILD_DIR): WebBuild => {
  const result = buildSync({
    entryPoints: { app: ENTRY },
    outdir: join(outDir, HASHED_DIR),
    bundle: true,
    format: "esm",
    splitting: true,
    minify: true,
    sourcemap: "linked",
    target: WEB_TARGET,
    jsx: "automatic",
    jsxImportSource: "preact",
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    assetNames: "[name]-[hash]",
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "silent",
    absWorkingDir: join(WEB_ROOT, ".."),
  });
  // esbuild names its outputs relative to the working directory; index.html and the report, to outDir.
  const rel = (path: string): string => toPosix(relative(outDir, resolve(WEB_ROOT, "..", path)));
  const firstLoad = firstLoadOutputs(result.metafile).map(rel);
  const script = firstLoad.find((p) => p.endsWith(".js"));
  const styles = firstLoad.filter((p) => p.endsWith(".css"));
  if (!script) throw new Error("esbuild wrote no JavaScript for the dashboard");
  const tags = [
    ...styles.map((href) => `<link rel="stylesheet" href="/${href}">`),
    `<script type="module" src="/${script}"></script>`,
  ].join("\n  ");
  const template = readFileSync(TEMPLATE, "utf8");
  if (!template.includes("<!-- assets -->")) throw new Error(`${TEMPLATE} has no <!-- assets --> marker`);
  const html = new TextEncoder().encode(template.replace("<!-- assets -->", tags));

  // The assets first, then index.html, which names them: a page loaded meanwhile finds them all.
  const bytes = new Map<string, number>();
  for (const file of result.outputFiles) {
    writeIfChanged(file.path, file.contents);
    bytes.set(toPosix(relative(outDir, file.path)), file.contents.length);
  }
  writeIfChanged(join(outDir, "index.html"), html);
  bytes.set("index.html", html.length);
  for (const stale of filesUnder(outDir).filter((path) => !bytes.has(path) && !path.endsWith(".tmp")))
    rmSync(join(outDir, stale), { force: true });

  const sizeOf = (path: string): WebFile => ({ path, bytes: bytes.get(path) ?? 0 });
  const written = Object.keys(result.metafile.outputs).map(rel);
  return {
    outDir,
    firstLoad: firstLoad.map(sizeOf),
    files: ["index.html", ...written].map(sizeOf),
  };
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = buildWeb();
  for (const file of built.files) console.log(`${file.path.padEnd(40)} ${(file.bytes / 1000).toFixed(1)} KB`);
}
