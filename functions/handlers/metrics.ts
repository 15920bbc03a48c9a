import { MetricsQuery } from "../../schemas/metrics";
import { NotFoundError } from "../core/errors";
import { parsePeriod } from "../core/period";
import { summarizeCounts } from "../core/rollup";
import { apiHandler, parseWith, queryOf } from "../lib/http";
import { findProductLine } from "../store/catalog-store";
import { currentPolicy } from "../store/policy-store";
import { readRollupTotal } from "../store/rollup-store";

/** `GET /v1/product-lines/{id}/metrics?period=`: from rollups only. */
export const handler = apiHandler("metrics", async ({ event }) => {
  const id = event.pathParameters?.id ?? "";
  const { period: text } = parseWith(MetricsQuery, queryOf(event), "query");
  const period = parsePeriod(text);
  const [line, policy] = await Promise.all([findProductLine(id), currentPolicy()]);
  if (!line) throw new NotFoundError(`No product line ${id}`);
  const counts = await readRollupTotal(id, period.from, period.to);
  return {
    body: {
      productLineId: id,
      period: period.text,
      from: period.from,
      to: period.to,
      ...summarizeCounts(counts, policy.review.confidence),
    },
  };
});
