/**
 * The local runtime started as `npm start` starts it, in a process of its own, so that its memory
 * and its start-up time are its own (soak, start): starting it, reading its lines as they come, and
 * the resident memory of it and of its DynamoDB Local (Java) child.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** A figure of /proc/<pid>/status in MB (Linux); NaN when the process or the figure is not there. */
const statusMb = (pid: number, field: "VmRSS" | "VmHWM"): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+)`));
    if (line?.[1]) return Number(line[1]) / 1024;
  } catch {
    // Not Linux, or gone.
  }
  return Number.NaN;
};

/** Resident set of a process in MB (Linux /proc, else ps). */
export const rssMb = (pid: number): number => {
  const rss = statusMb(pid, "VmRSS");
  if (Number.isFinite(rss)) return rss;
  try {
    return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) / 1024;
  } catch {
    return Number.NaN;
  }
};

/** The highest resident set a process has had in its life, in MB (Linux only; NaN elsewhere). */
export const peakRssMb = (pid: number): number => statusMb(pid, "VmHWM");

/** A process's children (pgrep exits 1 when there are none). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};

/** The process's descendants whose command line names java (DynamoDB Local). */
export const javaOf = (pid: number): number[] =>
  childrenOf(pid).flatMap((child) => {
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${child}/cmdline`, "utf8");
    } catch {}
    return [...(cmd.includes("java") ? [child] : []), ...javaOf(child)];
  });

export interface EntryPoint {
  child: ChildProcess;
  /** The runtime's own pid (npm's child when started through npm). */
  pid: number;
  url: string;
  /** ms from the spawn to each awaited line, by the pattern's source. */
  marks: Map<string, number>;
  /** Everything it printed up to the URL. */
  output: string;
  stop: () => Promise<void>;
}

/**
 * Spawns `command args` (the entry point, or `npm start`), waits for "Strawberry is running at",
 * and notes when each of `milestones` first appeared in its output.
 */
export const startEntryPoint = async (
  command: string,
  args: string[],
  options: { milestones?: RegExp[]; timeoutMs?: number } = {},
): Promise<EntryPoint> => {
  const began = performance.now();
  // Its own process group, so that stopping it stops npm's shell and node alike.
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const marks = new Map<string, number>();
  let output = "";
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`The runtime did not come up:\n${output}`)),
      options.timeoutMs ?? 120_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const milestone of options.milestones ?? [])
        if (!marks.has(milestone.source) && milestone.test(output))
          marks.set(milestone.source, performance.now() - began);
      const match = /Strawberry is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => fail(new Error(`The runtime exited with ${code}:\n${output}`)));
  });
  marks.set("url", performance.now() - began);
  // Keep draining its output so it never blocks on a full pipe; show what it says about trouble.
  child.stdout?.removeAllListeners("data").on("data", () => {});
  child.stderr?.removeAllListeners("data").on("data", (c: Buffer) => process.stderr.write(`[runtime] ${c}`));
  const node = command === process.execPath ? child.pid : runtimeUnder(child.pid);
  return {
    child,
    pid: node ?? child.pid ?? Number.NaN,
    url,
    marks,
    output,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGINT");
      await exited;
    },
  };
};

/** The node process that runs start.ts below npm (and the shell npm may put between them). */
const runtimeUnder = (pid: number | undefined): number | undefined => {
  if (!pid) return undefined;
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return undefined;
  }
  const argv = cmd.split("\0");
  if (/(^|\/)node$/.test(argv[0] ?? "") && argv.some((a) => a.endsWith("infra/local/start.ts"))) return pid;
  for (const c of childrenOf(pid)) {
    const found = runtimeUnder(c);
    if (found) return found;
  }
  return undefined;
};
