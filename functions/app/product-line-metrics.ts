/**
 * A product line's metrics over a period: the catalog, the policy and the counters meet here. A
 * quarter or a year reads the line's period total (one item); a date range sums its day rollups.
 */
import { NotFoundError } from "#core/errors";
import { parsePeriod } from "#core/period";
import { summarizeCounts } from "#core/rollup";
import type { ProductLineMetrics } from "#schemas/metrics";
import { readRaisedAndonOf } from "#store/andon-marks";
import { findProductLine } from "#store/catalog-store";
import { readPulledLine } from "#store/notice-store";
import { currentPolicy } from "#store/policy-store";
import { readRollupTotal } from "#store/rollup-store";
import { readLineTotal } from "#store/total-store";

export const productLineMetrics = async (
  productLineId: string,
  periodText: string,
): Promise<ProductLineMetrics> => {
  const period = parsePeriod(periodText);
  // The line's own pulled mark (one item), not the whole partition: that grows with open notices.
  const [line, policy, openNoticeId, andonId] = await Promise.all([
    findProductLine(productLineId),
    currentPolicy(),
    readPulledLine(productLineId),
    readRaisedAndonOf(productLineId),
  ]);
  if (!line) throw new NotFoundError(`No product line ${productLineId}`);
  const counts =
    period.kind === "range"
      ? await readRollupTotal(productLineId, period.from, period.to)
      : await readLineTotal(period.text, productLineId);
  return {
    productLineId,
    period: period.text,
    from: period.from,
    to: period.to,
    ...summarizeCounts(counts, policy.review.confidence),
    pulled: openNoticeId !== undefined,
    ...(openNoticeId !== undefined ? { openNoticeId } : {}),
    andon: andonId !== undefined,
    ...(andonId !== undefined ? { andonId } : {}),
  };
};
