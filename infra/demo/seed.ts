/**
 * Loads the demo data into an API: PUTs the demo catalog, then imports the demo signals with a
 * progress bar and a summary. Re-running is harmless: the catalog is replaced by the same one and
 * the signals' ids are stable, so they come back as duplicates. Used by `npm run cli -- seed` and
 * by `npm start`.
 */
import type { ApiClient } from "#infra/api-client/client";
import type { ImportSummary } from "#infra/api-client/importer";
import { runImport, type TextOut } from "#infra/api-client/report";
import { demoCatalog, UNLISTED_PRODUCT_LINE_ID } from "./catalog";
import { demoSignals } from "./signals";

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface SeedDemoOptions {
  /** Signed in with a role that may replace the catalog and send signals (cco). */
  client: ApiClient;
  /** The signals cover the year before `now`. */
  now: Date;
  /** How many signals. @default 30000 */
  count?: number;
  /** @default 20260401 */
  seed?: number;
  /** Requests in flight at once. @default 3 */
  concurrency?: number;
  /** What was loaded and the summary. */
  stdout: TextOut;
  /** Progress and retries. */
  stderr: TextOut;
}

/**
 * Seeds the API; resolves to the import's summary. Throws the `ApiError` of a refused catalog, or
 * the `ImportFailedError` of an import that stopped (after printing what was done so far).
 */
export async function seedDemo(options: SeedDemoOptions): Promise<ImportSummary> {
  const { client, stdout } = options;
  const catalog = demoCatalog();
  await client.put("/v1/catalog", catalog);
  stdout.write(
    `Catalog: ${catalog.businessUnits.length} business units, ${catalog.productLines.length} product lines\n`,
  );
  // Sent line by line, in time order: each batch then touches a few lines' days, quarters and years
  // rather than a year of days over every line, so its transactions carry far fewer counter items
  // and DynamoDB Local (which runs transactions one at a time) loads the demo in far less time.
  // The signals themselves (ids, words, times) are the generator's, whatever the order.
  const signals = demoSignals({ now: options.now, count: options.count, seed: options.seed }).sort(
    (a, b) => compare(a.productLineId, b.productLineId) || compare(a.occurredAt, b.occurredAt),
  );
  stdout.write(`Importing ${signals.length.toLocaleString("en-US")} demo signals…\n`);
  const summary = await runImport({
    client,
    records: signals.map((raw, i) => ({ line: i + 1, raw })),
    total: signals.length,
    concurrency: options.concurrency,
    unit: "signal",
    stdout,
    stderr: options.stderr,
  });
  if (summary.quarantined > 0)
    stdout.write(
      `(The quarantined signals name ${UNLISTED_PRODUCT_LINE_ID}, which is not in the catalog on purpose.)\n`,
    );
  return summary;
}
