/**
 * `GET /v1/rankings`: every line of the catalog, best to worst by shrunk rate under the policy in
 * force, from the period's figures (the period totals: O(lines) small items, never signals, kept
 * briefly per container; `asOf` says when they were read). Pulled lines and lines with an undecided
 * Andon are marked.
 */
import { rankByShrunkRate } from "#core/ranking";
import { assessLine, pooledRate, reviewBar } from "#core/review-rules";
import type { PageRequest } from "#http/route";
import type { Policy } from "#schemas/policy";
import type { RankedLine, RankingEnvelope, RankingsQuery } from "#schemas/ranking";
import { readRaisedAndons } from "#store/andon-marks";
import { readPulledLines } from "#store/notice-store";
import { currentPolicy } from "#store/policy-store";
import { type PeriodFigures, periodFigures } from "./period-figures";

type Ranking = Omit<RankingEnvelope, "total"> & { lines: RankedLine[] };

/** The whole ranking of a period's figures under `policy`. */
export const rankFigures = (
  figures: PeriodFigures,
  policy: Policy,
  pulled: ReadonlyMap<string, string> = new Map(),
  andons: ReadonlyMap<string, string> = new Map(),
): Ranking => {
  const lines = figures.lines.map(({ line, counts }) => ({
    productLineId: line.id,
    line,
    n: counts.n ?? 0,
    negatives: counts.neg ?? 0,
    criticalComplaints: counts.cCritical ?? 0,
  }));
  const pooled = pooledRate(lines);
  const bar = reviewBar(policy.review, pooled);
  const ranked = rankByShrunkRate(lines, pooled, policy.awards.priorStrength).map((r): RankedLine => {
    const assessment = assessLine(r, policy.review, bar);
    return {
      rank: r.rank,
      productLineId: r.productLineId,
      name: r.line.name,
      ...(r.line.nameZh ? { nameZh: r.line.nameZh } : {}),
      businessUnitId: r.line.businessUnitId,
      category: r.line.category,
      n: r.n,
      negatives: r.negatives,
      negativeRate: assessment.negativeRate,
      wilson: assessment.wilson,
      shrunkRate: r.shrunkRate,
      pulled: pulled.has(r.productLineId),
      atRisk: assessment.atRisk,
      andon: andons.has(r.productLineId),
    };
  });
  return {
    period: figures.period,
    pooledRate: pooled,
    bar: bar.value,
    policyVersion: policy.version,
    asOf: figures.asOf,
    lines: ranked,
  };
};

/** One page of the ranking, filtered by unit and category; ranks stay those among all lines. */
export const rankingsPage = async (query: RankingsQuery, page: PageRequest) => {
  // Pulled and Andon lines are read on every request (one small query each): a relist, a raised or
  // a decided Andon shows at once.
  const [figures, policy, pulled, andons] = await Promise.all([
    periodFigures(query.period),
    currentPolicy(),
    readPulledLines(),
    readRaisedAndons(),
  ]);
  const { lines, ...envelope } = rankFigures(figures, policy, pulled, andons);
  const matching = lines.filter(
    (line) =>
      (query.businessUnitId === undefined || line.businessUnitId === query.businessUnitId) &&
      (query.category === undefined || line.category === query.category),
  );
  const offset = typeof page.after === "number" ? page.after : 0;
  const end = offset + page.limit;
  return {
    ...envelope,
    total: matching.length,
    items: matching.slice(offset, end),
    ...(end < matching.length ? { next: end } : {}),
  };
};
