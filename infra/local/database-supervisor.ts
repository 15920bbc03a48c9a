/**
 * Keeps DynamoDB Local running for the local runtime. When Java stops by itself (a crash, the OOM
 * killer, someone killing it), the runtime says so at once and plainly, starts it again on the same
 * port and data directory, and tells its owner whether the data survived (with `--data` it does; in
 * memory it is gone). When it keeps stopping, or is asked to stop (SIGTERM or SIGINT to Java or its
 * watchdog), the owner is told to stop: the runtime never goes on serving 500s silently.
 */
import { type DynamoDbLocal, STOPPED_BY_SIGNAL, startDynamoDbLocal } from "./dynamodb-local";

// Java's exit code after SIGTERM (128 + 15) or SIGINT (128 + 2): someone asked it to stop, which
// stops the whole tree; a crash, or the OOM killer's SIGKILL (137), is a death to recover from.
const ASKED_TO_STOP = new Set([STOPPED_BY_SIGNAL, 143, 130]);

/** Restarts allowed within {@link RESTART_WINDOW_MS} before giving up. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

export interface SupervisorOptions {
  dataDir?: string;
  say: (line: string) => void;
  /** DynamoDB Local is answering again; recreate what it lost before traffic relies on it. */
  afterRestart: (info: { dataLost: boolean }) => Promise<void>;
  /** DynamoDB Local cannot be kept running: the runtime must stop, with this reason. */
  giveUp: (reason: string) => void;
}

export interface SupervisedDatabase {
  endpoint: string;
  /** The process id of DynamoDB Local's watchdog now (it changes after a restart). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export const superviseDynamoDbLocal = async (options: SupervisorOptions): Promise<SupervisedDatabase> => {
  let current: DynamoDbLocal = await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const { port, endpoint } = current;
  let stopping = false;
  const restarts: number[] = [];

  const watch = (database: DynamoDbLocal) => {
    void database.exited.then(async ({ code, output }) => {
      if (stopping || database !== current) return;
      if (code !== null && ASKED_TO_STOP.has(code))
        return options.giveUp("DynamoDB Local was stopped by a signal");
      options.say(`\nDynamoDB Local stopped unexpectedly (exit code ${code ?? "unknown"}).`);
      if (output.trim()) options.say(output.trim().split("\n").slice(-5).join("\n"));
      const now = Date.now();
      restarts.push(now);
      while ((restarts[0] ?? now) < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length > MAX_RESTARTS)
        return options.giveUp(`DynamoDB Local stopped ${restarts.length} times within a minute; giving up`);
      options.say(
        `Restarting it on port ${port}${options.dataDir ? ` with the data in ${options.dataDir}` : ""}…`,
      );
      try {
        current = await startDynamoDbLocal({
          port,
          ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        });
      } catch (error) {
        return options.giveUp(`DynamoDB Local could not be restarted: ${(error as Error).message}`);
      }
      if (stopping) return void current.stop();
      watch(current);
      const dataLost = !options.dataDir;
      if (dataLost) options.say("Its data was in memory and is gone.");
      await options.afterRestart({ dataLost });
      options.say("DynamoDB Local is back.");
    });
  };
  watch(current);

  return {
    endpoint,
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
};
