/**
 * `npm start`: the whole platform locally on one port, with demo data. Opens nothing; prints
 * the URL and how to sign in. Ctrl-C stops the server and DynamoDB Local.
 */
import "./node-support";
import { parseArgs } from "node:util";
import { runCli } from "#infra/cli/main";
import { JavaMissingError } from "./dynamodb-local";
import { startRuntime } from "./runtime";

const USAGE = `Usage: npm start -- [options]

  --port N      port for the API and the dashboard (default 3000)
  --host H      interface to listen on (default 127.0.0.1)
  --data DIR    keep DynamoDB Local's data in DIR (default: in memory)
  --no-seed     start empty (no demo catalog and signals)
  --verbose     handler logs at INFO instead of WARN
  --help        this text`;

const main = async () => {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      host: { type: "string", default: "127.0.0.1" },
      data: { type: "string" },
      "no-seed": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, got ${values.port}`);

  console.log("Starting DynamoDB Local…");
  const runtime = await startRuntime({
    port,
    host: values.host,
    ...(values.data ? { dataDir: values.data } : {}),
    logLevel: values.verbose ? "INFO" : "WARN",
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  console.log(
    `DynamoDB Local on ${runtime.dynamoEndpoint}${values.data ? ` (data in ${values.data})` : " (in memory)"}`,
  );
  if (!values["no-seed"]) {
    console.log("Loading demo data (catalog and ~30,000 signals)…");
    const code = await runCli(["seed", "--api", runtime.url], {
      stdout: process.stdout,
      stderr: process.stderr,
    });
    if (code !== 0) console.error("Demo data did not load completely; the platform is running anyway.");
  }
  console.log(`
Strawberry is running at ${runtime.url}

  Dashboard      ${runtime.url}/
  API            ${runtime.url}/v1/health   (contract: ${runtime.url}/v1/openapi.json)
  Sign in        curl -s -X POST ${runtime.url}/v1/dev/token -H 'content-type: application/json' \\
                   -d '{"role":"cco"}'          (roles: cco, bu-head + businessUnitIds, executive, ingest)
  Import         npm run cli -- import signals.csv

Press Ctrl-C to stop.`);
};

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError) console.error(`\n${error.message}\n`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
