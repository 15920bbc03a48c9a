/**
 * `npm run cli -- rebuild-totals --table NAME`: rebuilds period totals from day rollups in a table
 * (a deployed one with the AWS credentials of the shell, or DynamoDB Local with `--endpoint`), for
 * data stored before totals existed. Idempotent and safe while the platform is running.
 */
import type { TextOut } from "#infra/api-client/report";

export interface RebuildTotalsOptions {
  table: string;
  endpoint?: string;
  region?: string;
}

export const rebuildTotalsCommand = async (
  options: RebuildTotalsOptions,
  io: { stdout: TextOut; stderr: TextOut },
) => {
  // The store reads its table and endpoint from the environment, as the functions do in Lambda;
  // it is imported only once they are set.
  process.env.TABLE_NAME = options.table;
  if (options.endpoint) process.env.AWS_ENDPOINT_URL_DYNAMODB = options.endpoint;
  if (options.region) process.env.AWS_REGION = options.region;
  const { rebuildPeriodTotals } = await import("#app/rebuild-period-totals");
  const { markTotalsComplete } = await import("#store/total-store");
  io.stdout.write(`Rebuilding period totals of ${options.table} from its day rollups…\n`);
  const report = await rebuildPeriodTotals({
    onLine: (done, total) =>
      io.stderr.write(`\r${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} product lines`),
  });
  io.stderr.write("\n");
  await markTotalsComplete();
  io.stdout.write(
    `Done: ${report.rebuilt} of ${report.periods} period totals rebuilt over ${report.lines} product lines.\n`,
  );
  return 0;
};
