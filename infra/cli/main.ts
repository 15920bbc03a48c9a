/**
 * `npm run cli -- <command>`: seed the demo data, import a file of signals, run a quarter's review or
 * a period's awards, against the local runtime (`npm start`, signing in with a dev token) or any API given
 * `--api URL --token T`.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ApiClient } from "#infra/api-client/client";
import { runImport, type TextOut } from "#infra/api-client/report";
import { seedDemo } from "#infra/demo/seed";
import { andonsCommand, statusProblem } from "./andons";
import { awardsCommand, periodProblem } from "./awards";
import { rebuildTotalsCommand } from "./rebuild-totals";
import { quarterProblem, reviewCommand } from "./review";
import { CliError, explain, signIn } from "./session";
import { countSignalRecords, readSignalFile } from "./signal-file";

export const DEFAULT_API = "http://127.0.0.1:3000";

export interface CliIo {
  stdout: TextOut;
  stderr: TextOut;
  /** @default process.env (reads STRAWBERRY_API and STRAWBERRY_TOKEN) */
  env?: Record<string, string | undefined>;
  /** The clock for `seed`. @default () => new Date() */
  now?: () => Date;
  fetch?: typeof fetch;
}

export const USAGE = `Strawberry CLI

Usage: npm run cli -- <command> [options]

Commands:
  seed                 load the demo catalog and a year of demo signals (re-running is harmless)
  import <file>        import signals from a .csv or .jsonl file (re-running is harmless)
  review --quarter Q   run the pull-and-fix review of quarter Q (e.g. 2026-Q3) and print the
                       flagged and at-risk lines; re-running a quarter returns the stored review
                       and issues no notice twice (needs role cco)
  awards --period P    run the Red and Rotten Strawberry awards of year or quarter P (e.g. 2026
                       or 2026-Q3) and print them with their explanations and citations; a
                       preview unless --finalize (needs role cco)
  andons               list the Andons (lines stopped the day they got too many critical
                       complaints), newest first, with their complaints and decisions
  rebuild-totals       rebuild period totals from day rollups in a table (--table NAME, with
                       the shell's AWS credentials, or --endpoint URL for DynamoDB Local)
  help                 show this text

Options:
  --api URL            the API (default: $STRAWBERRY_API or ${DEFAULT_API})
  --token T            a bearer token (default: $STRAWBERRY_TOKEN, else a dev token with
                       role cco from the local runtime's POST /v1/dev/token)
  --count N            seed: how many demo signals (default 30000)
  --concurrency N      requests in flight at once (default 3)
  --quarter Q          review: the quarter, YYYY-Qn
  --dry-run            review: compute and print the review, store nothing, issue no notice
  --period P           awards: the year (YYYY) or quarter (YYYY-Qn)
  --finalize           awards: make the period's awards final (only once it has ended); a
                       final period answers its stored awards unchanged ever after
  --status S           andons: only RAISED, CONFIRMED or DISMISSED ones
  --json               review, awards, andons: print the API's JSON instead of tables
  --table NAME         rebuild-totals: the DynamoDB table
  --endpoint URL       rebuild-totals: a DynamoDB endpoint other than AWS's (e.g. DynamoDB Local)
  --region R           rebuild-totals: the table's region (default: $AWS_REGION)
  -h, --help           show this text

A CSV file has a header row of signal field names in any order (signalId, productLineId,
channel, kind, score, severity, reasons, verbatim, customerRef, orderRef, occurredAt, locale);
empty cells are absent and reasons are joined by "|". A JSONL file has one signal per line.
The summary names each rejected row by its line number.`;

const OPTIONS = {
  api: { type: "string" },
  token: { type: "string" },
  count: { type: "string" },
  concurrency: { type: "string" },
  quarter: { type: "string" },
  "dry-run": { type: "boolean" },
  period: { type: "string" },
  finalize: { type: "boolean" },
  status: { type: "string" },
  json: { type: "boolean" },
  table: { type: "string" },
  endpoint: { type: "string" },
  region: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

async function seed(client: ApiClient, io: CliIo, count: number, concurrency: number): Promise<number> {
  const now = (io.now ?? (() => new Date()))();
  const summary = await seedDemo({ client, now, count, concurrency, stdout: io.stdout, stderr: io.stderr });
  return summary.rejected.length > 0 ? 1 : 0;
}

async function importFile(
  client: ApiClient,
  io: CliIo,
  file: string,
  total: number,
  concurrency: number,
): Promise<number> {
  io.stdout.write(`Importing ${total.toLocaleString("en-US")} records from ${file}…\n`);
  const summary = await runImport({
    client,
    records: readSignalFile(file),
    total,
    concurrency,
    unit: "line",
    stdout: io.stdout,
    stderr: io.stderr,
  });
  if (summary.rejected.length > 0) {
    io.stderr.write(
      `${summary.rejected.length.toLocaleString("en-US")} record(s) were rejected; fix them and re-run.\n`,
    );
    return 1;
  }
  return 0;
}

/** Runs one CLI command; resolves to the exit code (0 success, 1 failure). Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\nRun \`npm run cli -- help\` for the commands and options.\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [command = "help", ...args] = positionals;
  if (values.help || command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const api = (values.api ?? env.STRAWBERRY_API ?? DEFAULT_API).replace(/\/+$/, "");
  try {
    const concurrency = positiveInt("concurrency", values.concurrency, 3);
    // A seed that ignored --dry-run would store data the user meant only to look at.
    const reviewOnly = (["quarter", "dry-run"] as const).find((name) => values[name] !== undefined);
    if (reviewOnly !== undefined && command !== "review")
      throw new CliError(`--${reviewOnly} applies to review only`);
    const awardsOnly = (["period", "finalize"] as const).find((name) => values[name] !== undefined);
    if (awardsOnly !== undefined && command !== "awards")
      throw new CliError(`--${awardsOnly} applies to awards only`);
    if (values.status !== undefined && command !== "andons")
      throw new CliError("--status applies to andons only");
    if (values.json !== undefined && !["review", "awards", "andons"].includes(command))
      throw new CliError("--json applies to review, awards and andons only");
    if (command === "seed") {
      if (args.length > 0) throw new CliError(`seed takes no arguments, got: ${args.join(" ")}`);
      const count = positiveInt("count", values.count, 30_000);
      const client = new ApiClient({ baseUrl: api, ...(io.fetch ? { fetch: io.fetch } : {}) });
      await signIn(client, api, values.token ?? env.STRAWBERRY_TOKEN);
      return await seed(client, io, count, concurrency);
    }
    if (command === "import") {
      const [file, ...rest] = args;
      if (file === undefined)
        throw new CliError("import needs a file: npm run cli -- import <file.csv|file.jsonl>");
      if (rest.length > 0) throw new CliError(`import takes one file, got: ${args.join(" ")}`);
      if (values.count !== undefined) throw new CliError("--count applies to seed only");
      const client = new ApiClient({ baseUrl: api, ...(io.fetch ? { fetch: io.fetch } : {}) });
      // Read the file through once first: a missing file, a bad header or a broken CSV is
      // reported before anything is sent, and the progress bar knows the total.
      const total = await countSignalRecords(file);
      await signIn(client, api, values.token ?? env.STRAWBERRY_TOKEN);
      return await importFile(client, io, file, total, concurrency);
    }
    if (command === "review") {
      if (args.length > 0) throw new CliError(`review takes no arguments, got: ${args.join(" ")}`);
      const quarter = values.quarter ?? "";
      const problem = quarterProblem(quarter);
      if (problem !== undefined) throw new CliError(problem);
      const client = new ApiClient({ baseUrl: api, ...(io.fetch ? { fetch: io.fetch } : {}) });
      await signIn(client, api, values.token ?? env.STRAWBERRY_TOKEN);
      const options = { quarter, dryRun: values["dry-run"] === true, json: values.json === true };
      return await reviewCommand(client, options, io);
    }
    if (command === "awards") {
      if (args.length > 0) throw new CliError(`awards takes no arguments, got: ${args.join(" ")}`);
      const period = values.period ?? "";
      const problem = periodProblem(period);
      if (problem !== undefined) throw new CliError(problem);
      const client = new ApiClient({ baseUrl: api, ...(io.fetch ? { fetch: io.fetch } : {}) });
      await signIn(client, api, values.token ?? env.STRAWBERRY_TOKEN);
      const options = { period, finalize: values.finalize === true, json: values.json === true };
      return await awardsCommand(client, options, io);
    }
    if (command === "andons") {
      if (args.length > 0) throw new CliError(`andons takes no arguments, got: ${args.join(" ")}`);
      const problem = statusProblem(values.status);
      if (problem !== undefined) throw new CliError(problem);
      const client = new ApiClient({ baseUrl: api, ...(io.fetch ? { fetch: io.fetch } : {}) });
      await signIn(client, api, values.token ?? env.STRAWBERRY_TOKEN);
      return await andonsCommand(client, { status: values.status, json: values.json === true }, io);
    }
    if (command === "rebuild-totals") {
      if (!values.table) throw new CliError("rebuild-totals needs the table: --table NAME");
      return await rebuildTotalsCommand(
        {
          table: values.table,
          ...(values.endpoint ? { endpoint: values.endpoint } : {}),
          ...(values.region ? { region: values.region } : {}),
        },
        io,
      );
    }
    throw new CliError(
      `Unknown command "${command}". Commands: seed, import, review, awards, andons, rebuild-totals, help.`,
    );
  } catch (err) {
    io.stderr.write(`${explain(api, err, command)}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
