/** `npm start`'s entry in its own process, as a user runs it, and ways to look at what it left behind. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";

export interface Started {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts the platform and resolves once it prints its URL.
 * @param via `node` runs the entry file; `npm` runs `npm start --`, with npm and a shell above it.
 */
export const start = async (args: string[], via: "node" | "npm" = "node"): Promise<Started> => {
  const child =
    via === "npm"
      ? spawn("npm", ["start", "--silent", "--", "--port", "0", ...args], {
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(process.execPath, ["--import", "tsx", "infra/local/start.ts", "--port", "0", ...args], {
          stdio: ["ignore", "pipe", "pipe"],
        });
  let output = "";
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not come up:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Strawberry is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    void exited.then((code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, url, output: () => output, exited };
};

/** Runs the entry point to its end (for starts that must refuse), with what it printed. */
export const run = (args: string[]): Promise<{ code: number | null; output: string }> =>
  new Promise((done) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "infra/local/start.ts", "--port", "0", ...args],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });

export const interrupt = async (started: Started, signal: NodeJS.Signals = "SIGINT") => {
  started.child.kill(signal);
  await started.exited;
};

/** Process ids whose command line matches `pattern` (pgrep -f), e.g. the Java of one data directory. */
export const processesMatching = (pattern: string): number[] => {
  try {
    return execFileSync("pgrep", ["-f", pattern], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};

/** DynamoDB Local's Java (not its watchdog) serving `dataDir`. */
export const javaFor = (dataDir: string): number[] => processesMatching(`^java .*DynamoDBLocal.*${dataDir}`);

/** Waits until `check` is true, polling; false when `timeoutMs` passes first. */
export const eventually = async (
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
};

export const call = async (url: string, method: string, path: string, body?: unknown, token?: string) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
};

/** Whether anything answers at `url`. */
export const answers = async (url: string): Promise<boolean> => {
  try {
    await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
};
