/**
 * `npm start`: the whole platform locally on one port, with demo data. Opens nothing; prints
 * the URL and how to sign in. SIGINT or SIGTERM to any of its processes (npm, the shell, this one)
 * stops all of it, Java included, after the requests in flight have finished.
 */
import "./powertools-env";
import "./node-support";
import { parseArgs } from "node:util";
import { ApiClient, ApiError, describeApiError, requestDevToken } from "#infra/api-client/client";
import { ImportFailedError } from "#infra/api-client/importer";
import { buildWeb } from "#infra/build-web";
import { seedDemo } from "#infra/demo/seed";
import { DataDirectoryInUseError } from "./data-lock";
import { JavaMissingError } from "./dynamodb-local";
import { type Runtime, startRuntime } from "./runtime";

const USAGE = `Usage: npm start -- [options]

  --port N                   port for the API and the dashboard (default 3000)
  --host H                   interface to listen on (default 127.0.0.1)
  --allow-remote-dev-tokens  allow a --host others can reach (local mode mints tokens of any role)
  --data DIR                 keep DynamoDB Local's data in DIR (default: in memory)
  --no-seed                  start empty (no demo catalog and signals)
  --seed-count N             how many demo signals to load (default 30000)
  --no-schedules             do not run the schedules (quarterly review, overdue reminders,
                             outbox relay); POST /v1/dev/jobs/<id> runs one now
  --verbose                  handler logs at INFO instead of WARN
  --help                     this text`;

class UsageError extends Error {}

/** Loads the demo catalog and signals through the API; false when not everything was stored. */
async function seed(url: string, count: number): Promise<boolean> {
  const client = new ApiClient({ baseUrl: url });
  try {
    client.token = await requestDevToken(client, "cco");
    const summary = await seedDemo({
      client,
      now: new Date(),
      count,
      stdout: process.stdout,
      stderr: process.stderr,
    });
    if (summary.rejected.length > 0) return false;
    console.log("Playing the demo story (reviews of the last three quarters, notices, policy v2)…");
    // Loaded only now: the story runs the functions' code in this process, and that code reads its
    // Powertools settings when imported, which must be after the runtime has set them (as in Lambda).
    const { describeStory, playDemoStory } = await import("#infra/demo/story");
    console.log(describeStory(await playDemoStory(new Date())));
    return true;
  } catch (err) {
    const cause = err instanceof ImportFailedError ? err.cause : err;
    console.error(cause instanceof ApiError ? describeApiError(cause) : cause);
    if (err instanceof ImportFailedError)
      console.error(
        `\`npm run cli -- seed --api ${url}\` loads the rest (signals already stored count as duplicates).`,
      );
    return false;
  }
}

/** Whether only this machine can reach `host`. */
export const isLoopback = (host: string): boolean =>
  host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);

const remoteHostRefusal = (host: string) =>
  new UsageError(
    `Refusing --host ${host}: local mode has no sign-in, and POST /v1/dev/token gives any role (cco ` +
      "included) to whoever asks, so anyone who can reach this machine could read and change everything. " +
      "Use the default 127.0.0.1, or pass --allow-remote-dev-tokens if that is what you want (a demo on a closed network).",
  );

const options = () => {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: "127.0.0.1" },
      "allow-remote-dev-tokens": { type: "boolean", default: false },
      data: { type: "string" },
      "no-seed": { type: "boolean", default: false },
      "seed-count": { type: "string", default: "30000" },
      "no-schedules": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, got ${values.port}`);
  const seedCount = Number(values["seed-count"]);
  if (!Number.isInteger(seedCount) || seedCount < 1)
    throw new UsageError(`--seed-count must be a positive whole number, got ${values["seed-count"]}`);
  if (!isLoopback(values.host) && !values["allow-remote-dev-tokens"]) throw remoteHostRefusal(values.host);
  return { ...values, port, seedCount };
};

const schedulesLine = (runtime: Runtime): string => {
  if (!runtime.schedules) return "off (--no-schedules)";
  const format = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ");
  return runtime.schedules
    .next()
    .map(({ id, at }) => `${id} ${at ? `${format(at)} UTC` : "never"}`)
    .join(", ");
};

const main = async () => {
  const settings = options();
  if (settings.help) {
    console.log(USAGE);
    return;
  }
  const seeding = !settings["no-seed"];
  let runtime: Runtime | undefined;
  let stopping: Promise<never> | undefined;
  // Stops everything, once; requests in flight finish first.
  const stop = (why: string, code = 0): Promise<never> => {
    stopping ??= (async () => {
      console.log(`\n${why}: stopping…`);
      await runtime?.stop();
      process.exit(code);
    })();
    return stopping;
  };

  buildWeb();
  console.log("Starting DynamoDB Local…");
  runtime = await startRuntime({
    port: settings.port,
    host: settings.host,
    ...(settings.data ? { dataDir: settings.data } : {}),
    logLevel: settings.verbose ? "INFO" : "WARN",
    schedules: !settings["no-schedules"],
    afterDatabaseRestart: async ({ dataLost }) => {
      if (!dataLost || !seeding) return;
      console.log("Loading the demo data again…");
      if (runtime && !(await seed(runtime.url, settings.seedCount)))
        console.error("Demo data did not load completely.");
    },
    onDatabaseLost: (reason) => {
      console.error(`\n${reason}. Strawberry cannot run without it.`);
      void stop("DynamoDB Local is gone", 1);
    },
  });
  const { url, dynamoEndpoint } = runtime;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
  // \`kill <pid of npm>\` ends npm and its shell without passing the signal on: this process is then
  // handed to another parent, which is the sign to stop rather than to serve on as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop("The process that started this one has gone");
  }, 500).unref();

  console.log(
    `DynamoDB Local on ${dynamoEndpoint}${settings.data ? ` (data in ${settings.data})` : " (in memory)"}`,
  );
  if (seeding) {
    console.log(`Loading demo data (catalog and ${settings.seedCount.toLocaleString("en-US")} signals)…`);
    if (!(await seed(url, settings.seedCount)))
      console.error("Demo data did not load completely; the platform is running anyway.");
  }
  console.log(`
Strawberry is running at ${url}

  Dashboard      ${url}/
  API            ${url}/v1/health   (contract: ${url}/v1/openapi.json)
  Sign in        curl -s -X POST ${url}/v1/dev/token -H 'content-type: application/json' \\
                   -d '{"role":"cco"}'          (roles: cco, bu-head + businessUnitIds, executive, ingest)
  Import         npm run cli -- import signals.csv
  Schedules      ${schedulesLine(runtime)}
${
  isLoopback(settings.host)
    ? ""
    : `\nWarning: anyone who can reach ${url} can get a token of any role from POST /v1/dev/token.\n`
}
Press Ctrl-C to stop.`);
};

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError) console.error(`\n${error.message}\n`);
  else if (error instanceof UsageError || error instanceof DataDirectoryInUseError)
    console.error(error.message);
  else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS"))
    console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
