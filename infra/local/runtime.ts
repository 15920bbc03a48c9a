/**
 * The whole platform in one process: DynamoDB Local (supervised), the table, the handlers behind
 * one HTTP port, the in-process event bus. Used by `npm start`, the integration tests and the bench.
 */
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamodb as handlersClient } from "#lib/clients";
import { useEventTransport } from "#lib/events";
import { ENV } from "#platform/env";
import { type DataLock, lockDataDirectory } from "./data-lock";
import { type SupervisedDatabase, superviseDynamoDbLocal } from "./database-supervisor";
import { awaitTransactionCommits } from "./durable-commits";
import { LocalEventBus } from "./event-bus";
import { enforceDeclaredAccess } from "./least-privilege";
import { ensurePeriodTotals } from "./period-totals";
import { type LocalSchedules, startSchedules } from "./scheduler";
import { loadOrCreateLocalKeys } from "./secrets";
import { createLocalServer } from "./server";
import { createTable } from "./table";
import { ensureVoiceIndexByLine } from "./voice-index";

export const LOCAL_TABLE = "strawberry-local";

/** How long requests in flight may take to finish when the runtime stops. */
export const DRAIN_MS = 5_000;

export interface RuntimeOptions {
  /** @default 3000; 0 picks a free port */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Keep DynamoDB Local's data in this directory (one runtime per directory); in memory when absent. */
  dataDir?: string;
  /** Powertools log level of the handlers. @default "WARN" */
  logLevel?: string;
  /** Use this running DynamoDB (e.g. one shared by a test run) instead of starting DynamoDB Local. */
  dynamoEndpoint?: string;
  /** @default "strawberry-local" */
  tableName?: string;
  /** Where the runtime reports what happens to DynamoDB Local. @default console.error */
  say?: (line: string) => void;
  /** Run the declared schedules (quarterly review, overdue reminders, outbox relay). @default false */
  schedules?: boolean;
  /** DynamoDB Local was restarted and the table recreated (e.g. to seed again when data was lost). */
  afterDatabaseRestart?: (info: { dataLost: boolean }) => Promise<void>;
  /** DynamoDB Local cannot be kept running; the owner should stop the runtime and exit non-zero. */
  onDatabaseLost?: (reason: string) => void;
}

export interface Runtime {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  devTokenKey: string;
  bus: LocalEventBus;
  /** The running schedules, when asked for. */
  schedules: LocalSchedules | undefined;
  /** A client for DynamoDB Local (for tests and the bench). */
  dynamodb: DynamoDBClient;
  /** Stops taking requests, lets those in flight finish (up to {@link DRAIN_MS}), then stops everything. */
  stop(): Promise<void>;
}

/** Brings data kept from an earlier version to this version's shape (no-ops for a new table). */
const ensureDataShape = async (created: boolean, say: (line: string) => void) => {
  await ensurePeriodTotals(created, say);
  await ensureVoiceIndexByLine(created, say);
};

const owned = async (options: RuntimeOptions, tableName: string, say: (line: string) => void) => {
  let client: DynamoDBClient | undefined;
  const database: SupervisedDatabase = await superviseDynamoDbLocal({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    say,
    afterRestart: async (info) => {
      if (client) {
        const created = await createTable(client, tableName);
        // The table should have survived in --data: saying so turns silent loss into a visible one.
        if (created && options.dataDir)
          say(`The table was missing from ${options.dataDir} after the restart: created it empty.`);
        await ensureDataShape(created, say);
      }
      await options.afterDatabaseRestart?.(info);
    },
    giveUp: (reason) => (options.onDatabaseLost ?? ((r) => say(r)))(reason),
  });
  return { database, attach: (c: DynamoDBClient) => (client = c) };
};

export const startRuntime = async (options: RuntimeOptions = {}): Promise<Runtime> => {
  const say = options.say ?? ((line: string) => console.error(line));
  const tableName = options.tableName ?? LOCAL_TABLE;
  const lock: DataLock | undefined = options.dataDir
    ? await lockDataDirectory(options.dataDir, say)
    : undefined;
  let database: { endpoint: string; stop(): Promise<void> };
  let attach = (_client: DynamoDBClient) => undefined as unknown;
  try {
    if (options.dynamoEndpoint) database = { endpoint: options.dynamoEndpoint, stop: async () => undefined };
    else ({ database, attach } = await owned(options, tableName, say));
  } catch (error) {
    lock?.release();
    throw error;
  }
  const keys = loadOrCreateLocalKeys();
  // The handlers read their configuration from the environment, exactly as in Lambda.
  Object.assign(process.env, {
    [ENV.tableName]: tableName,
    [ENV.hmacKey]: keys.hmacKey,
    [ENV.cursorKey]: keys.cursorKey,
    [ENV.stage]: "local",
    AWS_ENDPOINT_URL_DYNAMODB: database.endpoint,
    AWS_REGION: "local",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    POWERTOOLS_SERVICE_NAME: "strawberry",
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? "WARN",
    POWERTOOLS_METRICS_DISABLED: "true",
    POWERTOOLS_TRACE_ENABLED: "false",
    // Node 20 is a supported prerequisite locally; deployed functions run Node 22.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
  const dynamodb = new DynamoDBClient({
    endpoint: database.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  attach(dynamodb);
  const bus = new LocalEventBus();
  useEventTransport(bus);
  enforceDeclaredAccess(handlersClient);
  // Kept on disk, an acknowledged transaction must survive DynamoDB Local being killed.
  if (options.dataDir && !options.dynamoEndpoint)
    awaitTransactionCommits(handlersClient, dynamodb, tableName);
  const server = createLocalServer({ devTokenKey: keys.devTokenKey, bus });
  const host = options.host ?? "127.0.0.1";
  const release = async () => {
    dynamodb.destroy();
    await database.stop();
    lock?.release();
  };
  try {
    await ensureDataShape(await createTable(dynamodb, tableName), say);
    await new Promise<void>((done, fail) => {
      server.once("error", fail);
      server.listen(options.port ?? 3000, host, () => done());
    });
  } catch (error) {
    await release();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new Error(`Port ${options.port ?? 3000} is in use: stop what uses it or pass --port N`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  lock?.describe(url);
  const schedules = options.schedules ? startSchedules({ say }) : undefined;
  let stopped: Promise<void> | undefined;
  return {
    url,
    dynamoEndpoint: database.endpoint,
    tableName,
    devTokenKey: keys.devTokenKey,
    bus,
    schedules,
    dynamodb,
    stop: () => {
      stopped ??= (async () => {
        schedules?.stop();
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        const drained = await Promise.race([
          closed.then(() => true),
          new Promise<boolean>((done) => setTimeout(() => done(false), DRAIN_MS).unref()),
        ]);
        if (!drained) server.closeAllConnections();
        await release();
      })();
      return stopped;
    },
  };
};
