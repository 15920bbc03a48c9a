/**
 * Rebuilds product lines' period totals from their day rollups, for data stored before totals
 * existed. Works shard by shard (the ingest transaction writes a rollup and the totals of the same
 * shard, so each shard's total is the sum of that shard's rollups). Idempotent (a total that already
 * equals its rollups is left alone) and exact under concurrent ingest: each shard's total is read
 * first, then its rollups, and the new total is written only if the stored one did not move in
 * between (its `n`); otherwise it is read again.
 */
import { parsePeriod, quarterOf, yearOf } from "#core/period";
import { addCounts, type RollupCounts } from "#core/rollup";
import { readCatalog } from "#store/catalog-store";
import { ROLLUP_SHARDS } from "#store/keys";
import { readShardRollups } from "#store/rollup-store";
import { readLineShardTotals, replaceShardTotal } from "#store/total-store";

export interface RebuildReport {
  lines: number;
  /** Period totals (a line's quarter or year, in one shard) that have rollups, over all lines. */
  periods: number;
  /** Of those, the totals that were missing or different and were written. */
  rebuilt: number;
}

const MAX_ATTEMPTS = 8;
/** Lines rebuilt at once: each costs a few queries per period. */
const CONCURRENCY = 8;
const ALL_DAYS = { from: "0001-01-01", to: "9999-12-31" } as const;

const sameCounts = (a: RollupCounts, b: RollupCounts): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

/** Brings one shard of a line's total for one period in line with its rollups; true when it wrote. */
const rebuildOne = async (productLineId: string, period: string, shard: number): Promise<boolean> => {
  const { from, to } = parsePeriod(period);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = (await readLineShardTotals(period, productLineId)).get(shard) ?? {};
    let sum: RollupCounts = {};
    for (const counts of (await readShardRollups(productLineId, shard, from, to)).values())
      sum = addCounts(sum, counts);
    if (sameCounts(stored, sum)) return false;
    if (await replaceShardTotal(period, productLineId, shard, sum, stored.n)) return true;
  }
  throw new Error(`The ${period} total of ${productLineId} kept moving; run the rebuild again`);
};

/** The (period, shard) pairs in which a line has rollups: its quarters and years, per shard. */
const totalsOf = async (productLineId: string): Promise<[string, number][]> => {
  const pairs: [string, number][] = [];
  for (let shard = 0; shard < ROLLUP_SHARDS; shard++) {
    const days = [...(await readShardRollups(productLineId, shard, ALL_DAYS.from, ALL_DAYS.to)).keys()];
    for (const period of new Set(days.flatMap((day) => [quarterOf(day), yearOf(day)])))
      pairs.push([period, shard]);
  }
  return pairs;
};

/**
 * Rebuilds the totals of `productLineIds` (every line of the catalog by default).
 * @param onLine called after each line, with the lines done and the total, for progress.
 */
export const rebuildPeriodTotals = async (
  options: { productLineIds?: readonly string[]; onLine?: (done: number, total: number) => void } = {},
): Promise<RebuildReport> => {
  const ids = options.productLineIds ?? (await readCatalog()).productLines.map((pl) => pl.id);
  const report: RebuildReport = { lines: ids.length, periods: 0, rebuilt: 0 };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      for (const [period, shard] of await totalsOf(id)) {
        report.periods++;
        if (await rebuildOne(id, period, shard)) report.rebuilt++;
      }
      options.onLine?.(++done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return report;
};
