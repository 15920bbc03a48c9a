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
import { readPulledLines } from "#store/notice-store";
import { currentPolicy } from "#store/policy-store";
import { readRollupTotal } from "#store/rollup-store";
import { readLineTotal } from "#store/total-store";

export const productLineMetrics = async (
  productLineId: string,
  periodText: string,
): Promise<ProductLineMetrics> => {
  const period = parsePeriod(periodText);
  const [line, policy, pulled, andonId] = await Promise.all([
    findProductLine(productLineId),
    currentPolicy(),
    readPulledLines(),
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
    pulled: pulled.has(productLineId),
    ...(pulled.has(productLineId) ? { openNoticeId: pulled.get(productLineId) } : {}),
    andon: andonId !== undefined,
    ...(andonId !== undefined ? { andonId } : {}),
  };
};
