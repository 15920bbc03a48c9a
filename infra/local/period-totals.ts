/**
 * Period totals for a local table: a table made by this version has them from its first signal;
 * a `--data` directory from before totals existed gets them rebuilt from its day rollups once
 * (idempotent, exact under concurrent ingest), then marked complete so later starts skip it.
 */
import { rebuildPeriodTotals } from "#app/rebuild-period-totals";
import { markTotalsComplete, totalsComplete } from "#store/total-store";

export const ensurePeriodTotals = async (created: boolean, say: (line: string) => void): Promise<void> => {
  if (created) return markTotalsComplete();
  if (await totalsComplete()) return;
  say("Counting period totals for data stored before they existed…");
  const report = await rebuildPeriodTotals();
  await markTotalsComplete();
  say(`Period totals: ${report.rebuilt} of ${report.periods} rebuilt over ${report.lines} product lines.`);
};
