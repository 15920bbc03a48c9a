/**
 * One runtime per data directory. `npm start --data DIR` writes `DIR/strawberry.lock` with its
 * process id; a second start on the same directory while that process lives is refused with a
 * clear message (two runtimes on one directory corrupt each other's counts). A DynamoDB Local
 * still holding the directory after its runtime died (an orphan of an older version, or of a
 * kill -9 of the whole process group) is found by its command line and stopped.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export class DataDirectoryInUseError extends Error {
  override name = "DataDirectoryInUseError";
}

interface LockContent {
  pid: number;
  url?: string;
  startedAt: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readLock = (file: string): LockContent | undefined => {
  try {
    const content = JSON.parse(readFileSync(file, "utf8")) as LockContent;
    return typeof content.pid === "number" ? content : undefined;
  } catch {
    return undefined;
  }
};

/** Process ids of DynamoDB Local processes (and their watchdogs) serving `dataDir`. */
export const dynamoDbLocalOn = (dataDir: string): number[] => {
  const escaped = resolve(dataDir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  try {
    return execFileSync("pgrep", ["-f", `DynamoDBLocal.*-dbPath ${escaped}( |$)`], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid);
  } catch {
    return []; // pgrep answers 1 when nothing matches (or is missing: then nothing can be checked)
  }
};

const stopOrphans = async (dataDir: string, say: (line: string) => void): Promise<void> => {
  const orphans = dynamoDbLocalOn(dataDir);
  if (orphans.length === 0) return;
  say(`Stopping a DynamoDB Local left running on ${dataDir} by an earlier run (pid ${orphans.join(", ")})…`);
  for (const pid of orphans) process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && orphans.some(isAlive); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  for (const pid of orphans.filter(isAlive)) process.kill(pid, "SIGKILL");
};

export interface DataLock {
  /** Records where the runtime answers, for the message a second start prints. */
  describe(url: string): void;
  release(): void;
}

/**
 * Takes `dataDir` for this process (the lock file is created exclusively, so two starts racing for
 * one directory cannot both win), then stops any DynamoDB Local an earlier run left on it.
 * @throws DataDirectoryInUseError when a live runtime holds it.
 */
export const lockDataDirectory = async (dataDir: string, say: (line: string) => void): Promise<DataLock> => {
  const file = join(dataDir, "strawberry.lock");
  const content: LockContent = { pid: process.pid, startedAt: new Date().toISOString() };
  const inUse = (held: LockContent) =>
    new DataDirectoryInUseError(
      `The data directory ${dataDir} is in use by a running Strawberry (pid ${held.pid}` +
        `${held.url ? `, ${held.url}` : ""}). Stop it first (Ctrl-C there, or kill ${held.pid}), or use another --data directory.`,
    );
  const claim = () => writeFileSync(file, JSON.stringify(content), { flag: "wx" });
  try {
    claim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const held = readLock(file);
    if (held && held.pid !== process.pid && isAlive(held.pid)) throw inUse(held);
    // A lock left by a runtime that is gone: take it over.
    rmSync(file, { force: true });
    try {
      claim();
    } catch {
      throw inUse(readLock(file) ?? { pid: 0, startedAt: "" });
    }
  }
  await stopOrphans(dataDir, say);
  return {
    describe: (url) => writeFileSync(file, JSON.stringify({ ...content, url })),
    release: () => {
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
};
