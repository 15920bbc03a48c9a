/**
 * The whole platform in one process: DynamoDB Local, the table, the handlers behind one HTTP
 * port, the in-process event bus. Used by `npm start`, the integration tests and the bench.
 */
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamodb as handlersClient } from "#lib/clients";
import { useEventTransport } from "#lib/events";
import { ENV } from "#platform/env";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local";
import { LocalEventBus } from "./event-bus";
import { enforceDeclaredAccess } from "./least-privilege";
import { loadOrCreateLocalKeys } from "./secrets";
import { createLocalServer } from "./server";
import { createTable } from "./table";

export const LOCAL_TABLE = "strawberry-local";

export interface RuntimeOptions {
  /** @default 3000; 0 picks a free port */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Keep DynamoDB Local's data in this directory; in memory when absent. */
  dataDir?: string;
  /** Powertools log level of the handlers. @default "WARN" */
  logLevel?: string;
  /** Use this running DynamoDB (e.g. one shared by a test run) instead of starting DynamoDB Local. */
  dynamoEndpoint?: string;
  /** @default "strawberry-local" */
  tableName?: string;
}

export interface Runtime {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  devTokenKey: string;
  bus: LocalEventBus;
  /** A client for DynamoDB Local (for tests and the bench). */
  dynamodb: DynamoDBClient;
  stop(): Promise<void>;
}

export const startRuntime = async (options: RuntimeOptions = {}): Promise<Runtime> => {
  const database: DynamoDbLocal = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint, stop: async () => undefined }
    : await startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {});
  const tableName = options.tableName ?? LOCAL_TABLE;
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
  try {
    await createTable(dynamodb, tableName);
  } catch (error) {
    await database.stop();
    throw error;
  }
  const bus = new LocalEventBus();
  useEventTransport(bus);
  enforceDeclaredAccess(handlersClient);
  const server = createLocalServer({ devTokenKey: keys.devTokenKey, bus });
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((done, fail) => {
      server.once("error", fail);
      server.listen(options.port ?? 3000, host, () => done());
    });
  } catch (error) {
    await database.stop();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new Error(`Port ${options.port ?? 3000} is in use: stop what uses it or pass --port N`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    dynamoEndpoint: database.endpoint,
    tableName,
    devTokenKey: keys.devTokenKey,
    bus,
    dynamodb,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      dynamodb.destroy();
      await database.stop();
    },
  };
};
