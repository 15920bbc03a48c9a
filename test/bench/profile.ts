/**
 * `npm run bench -- ingest --profile`: where the bench process's time goes during one phase. A CPU
 * profile of this process (the handlers run in it), summed by self time into frames and categories,
 * beside the CPU time this process and DynamoDB Local's Java spent over the same wall time: the
 * two share the machine's cores, so every millisecond one saves the other can use.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { findSourceMap } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The parts of a V8 `.cpuprofile` read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface Frame {
  name: string;
  file: string;
  /** 1-based, in the source file when a source map says where; 0 when the frame has no line. */
  line: number;
  category: string;
  ms: number;
}

/**
 * Maps a generated 0-based position to a 1-based source line, and names a function V8 saw as
 * anonymous: tsx serves TypeScript transpiled with esbuild's keepNames, whose `__name(() => …)`
 * wrapper hides every arrow function's name from the profiler.
 */
export type Locate = (url: string, line: number, column: number) => { line: number; name?: string };

const PACKAGES: [RegExp, string][] = [
  [/^@(aws-sdk|smithy)\//, "AWS SDK (@aws-sdk, @smithy)"],
  [/^zod\//, "zod"],
  [/^@(middy|aws-lambda-powertools)\//, "middy / powertools"],
];

/** The file as a path from the repository root (or node_modules/…, or the node: URL). */
export const fileOf = (url: string, root: string): string => {
  const path = url.startsWith("file://") ? fileURLToPath(url.split("?")[0] ?? url) : url;
  const inModules = path.lastIndexOf("/node_modules/");
  if (inModules >= 0) return path.slice(inModules + 1);
  const base = root.endsWith("/") ? root : `${root}/`;
  return path.startsWith(base) ? path.slice(base.length) : path;
};

export const categoryOf = (functionName: string, file: string): string => {
  if (functionName === "(idle)") return "idle";
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "V8 (program: compiler, runtime)";
  if (file.startsWith("node:")) return "node internals (http, streams, crypto)";
  if (file === "") return "native (bindings, builtins)";
  if (file.startsWith("node_modules/")) {
    const pkg = file.slice("node_modules/".length);
    return PACKAGES.find(([pattern]) => pattern.test(pkg))?.[1] ?? "other";
  }
  if (/^(functions|schemas|infra)\//.test(file)) return `project ${file}`;
  if (file.startsWith("test/bench/")) return "bench client (test/bench)";
  return "other";
};

const byMs = <T extends { ms: number }>(a: T, b: T) => b.ms - a.ms;

/**
 * Self time per frame and per category. A sample's time is the gap to the next sample (as Chrome
 * DevTools counts it), so a long idle gap is charged to the idle sample, not to the code after it.
 */
export const summarize = (
  profile: CpuProfile,
  root: string,
  locate: Locate = (_, l) => ({ line: l + 1 }),
) => {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const selfUs = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    const us = i + 1 < deltas.length ? (deltas[i + 1] as number) : 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, us));
  }
  const frames = new Map<string, Frame>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = fileOf(url, root);
    const at = url && lineNumber >= 0 ? locate(url, lineNumber, columnNumber) : { line: 0 };
    const line = at.line;
    const name = functionName || at.name || "(anonymous)";
    const key = `${name}\0${file}\0${line}`;
    const frame = frames.get(key) ?? { name, file, line, category: categoryOf(functionName, file), ms: 0 };
    frame.ms += us / 1000;
    frames.set(key, frame);
  }
  const categories = new Map<string, number>();
  for (const f of frames.values()) categories.set(f.category, (categories.get(f.category) ?? 0) + f.ms);
  const sorted = [...frames.values()].sort(byMs);
  const totalMs = sorted.reduce((sum, f) => sum + f.ms, 0);
  return {
    totalMs,
    idleMs: categories.get("idle") ?? 0,
    samples: samples.length,
    frames: sorted,
    categories: [...categories].map(([category, ms]) => ({ category, ms })).sort(byMs),
  };
};

/** Every frame and every category by self time, largest first. */
export type ProfileSummary = ReturnType<typeof summarize>;

const pct = (ms: number, of: number) => `${((100 * ms) / Math.max(of, 1e-9)).toFixed(1)} %`;

/** The top frames and the categories as markdown tables. */
export const profileTables = (summary: ProfileSummary, top = 5): string => {
  const busy = summary.totalMs - summary.idleMs;
  const table = (head: string[], rows: string[][], rightFrom: number) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const right = (i: number) => i >= rightFrom;
    const line = (r: string[]) =>
      `| ${r.map((c, i) => (right(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ")} |`;
    const rule = `| ${widths.map((w, i) => (right(i) ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
    return [line(head), rule, ...rows.map(line)].join("\n");
  };
  const shares = (ms: number, idle = false) => [
    ms.toFixed(0),
    pct(ms, summary.totalMs),
    idle ? "–" : pct(ms, busy),
  ];
  const frames = summary.frames
    .filter((f) => f.category !== "idle")
    .slice(0, top)
    .map((f) => [f.name, f.file || "–", f.line ? String(f.line) : "–", ...shares(f.ms)]);
  // Project files under 0.5 % of the busy time fold into one row.
  const kept = summary.categories.filter((c) => !c.category.startsWith("project ") || c.ms >= 0.005 * busy);
  const folded = summary.categories.filter((c) => !kept.includes(c));
  const projectMs = summary.categories
    .filter((c) => c.category.startsWith("project "))
    .reduce((sum, c) => sum + c.ms, 0);
  const rows = [
    ...kept.map((c) => [c.category, ...shares(c.ms, c.category === "idle")]),
    ...(folded.length
      ? [[`project, ${folded.length} smaller files`, ...shares(folded.reduce((s, c) => s + c.ms, 0))]]
      : []),
    ["(all project code)", ...shares(projectMs)],
  ];
  return [
    `Top ${top} frames by self time (${summary.samples.toLocaleString("en-US")} samples, ${(summary.totalMs / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy):\n`,
    table(["function", "file", "line", "self ms", "% of all", "% of busy"], frames, 2),
    "\nSelf time by category:\n",
    table(["category", "self ms", "% of all", "% of busy"], rows, 1),
  ].join("\n");
};

const readOr = <T>(read: () => T, fallback: T): T => {
  try {
    return read();
  } catch {
    return fallback;
  }
};

const sources = new Map<string, string[]>();
const sourceLines = (url: string): string[] => {
  const path = url.startsWith("file:") ? fileURLToPath(url) : url;
  if (!sources.has(url))
    sources.set(
      url,
      readOr(() => readFileSync(path, "utf8").split("\n"), []),
    );
  return sources.get(url) ?? [];
};

/** The name an arrow function's source gives it: `const name = (…) =>`, or the call it is passed to. */
export const nameAt = (before: string): string | undefined => {
  // The position is the arrow's parameter list, or just inside it.
  const head = before.replace(/\(\s*$/, "");
  const declared = /(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s*)?$/.exec(head)?.[1];
  const property = /([\w$]+)\s*:\s*(?:async\s*)?$/.exec(head)?.[1];
  if (declared || property) return declared ?? property;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i] === ")") depth++;
    else if (before[i] === "(" && depth-- === 0) {
      const call = /([\w$]+)\s*$/.exec(before.slice(0, i))?.[1];
      if (call) return `(callback of ${call})`;
      depth = 0;
    }
  }
  return undefined;
};

/** Source lines and names through the source maps tsx registers; the generated line without one. */
export const locateBySourceMap: Locate = (url, line, column) => {
  try {
    const map = findSourceMap(url) ?? findSourceMap(url.startsWith("file:") ? fileURLToPath(url) : url);
    const entry = map?.findEntry(line, column) as
      | { originalSource?: string; originalLine?: number; originalColumn?: number }
      | undefined;
    if (entry && typeof entry.originalLine === "number") {
      const text = sourceLines(entry.originalSource ?? url)[entry.originalLine] ?? "";
      return { line: entry.originalLine + 1, name: nameAt(text.slice(0, entry.originalColumn ?? 0)) };
    }
  } catch {
    // No map for this file: the generated line is the best there is.
  }
  return { line: line + 1 };
};

const childrenOf = (pid: number): number[] =>
  readOr(() => readdirSync(`/proc/${pid}/task`), [] as string[]).flatMap((task) =>
    readOr(() => readFileSync(`/proc/${pid}/task/${task}/children`, "utf8"), "")
      .split(" ")
      .filter(Boolean)
      .map(Number),
  );

/** DynamoDB Local's Java below this process (under its watchdog), or undefined off Linux. */
const javaBelow = (pid: number): number | undefined => {
  for (const child of childrenOf(pid)) {
    if (readOr(() => readFileSync(`/proc/${child}/comm`, "utf8").trim(), "") === "java") return child;
    const below = javaBelow(child);
    if (below) return below;
  }
  return undefined;
};

/** utime + stime of a process in ms, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
const procCpuMs = (pid: number, ticksPerSecond: number): number | undefined =>
  readOr(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  }, undefined);

/**
 * Starts profiling this process; `stop()` writes the `.cpuprofile` under the temp directory and
 * answers the profile, where it went, and the CPU time of this process and of Java meanwhile.
 */
export const startProfile = async () => {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  const java = javaBelow(process.pid);
  const ticks = readOr(() => Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })), 100) || 100;
  const javaStart = java ? procCpuMs(java, ticks) : undefined;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
      const wallMs = performance.now() - wallStart;
      const cpu = process.cpuUsage(cpuStart);
      const javaEnd = java ? procCpuMs(java, ticks) : undefined;
      session.disconnect();
      const path = join(tmpdir(), `ingest-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
      await writeFile(path, JSON.stringify(profile));
      return {
        profile,
        path,
        wallMs,
        nodeCpuMs: (cpu.user + cpu.system) / 1000,
        javaCpuMs: javaStart !== undefined && javaEnd !== undefined ? javaEnd - javaStart : undefined,
      };
    },
  };
};

export type Profiled = Awaited<ReturnType<Awaited<ReturnType<typeof startProfile>>["stop"]>>;

/** Everything `--profile` prints: where the profile is, CPU against wall time, and the tables. */
export const profileReport = (run: Profiled, signals: number): string => {
  const summary = summarize(run.profile, ROOT, locateBySourceMap);
  const cores = (ms: number) => `${(ms / 1000).toFixed(1)} s CPU = ${(ms / run.wallMs).toFixed(2)} cores`;
  const perSignal = (ms: number) => `${((ms * 1000) / signals).toFixed(0)} µs per signal`;
  return [
    `\nCPU profile of the HTTP phase: ${run.path}`,
    `Wall time ${(run.wallMs / 1000).toFixed(1)} s; this Node process (bench client + handlers): ${cores(run.nodeCpuMs)}, ${perSignal(run.nodeCpuMs)}`,
    run.javaCpuMs === undefined
      ? "DynamoDB Local's Java: CPU time not readable here (no /proc)"
      : `DynamoDB Local's Java: ${cores(run.javaCpuMs)}, ${perSignal(run.javaCpuMs)}`,
    `Node's main thread idle ${pct(summary.idleMs, summary.totalMs)} of the profile (profile times are its wall time: above its CPU time when the cores are contended)\n`,
    profileTables(summary),
  ].join("\n");
};
