/**
 * `GET /v1/rankings`: every line of the catalog, best to worst by shrunk rate, from the period totals
 * (O(lines) small items, never signals). Reading 10,000 lines' totals takes DynamoDB Local most of a
 * second, so the sorted ranking of a period is kept for {@link RANKING_CACHE_MS} per container and
 * policy version, and every page says when its figures were read (`asOf`, as DESIGN §3 allows).
 */
import { parsePeriod } from "#core/period";
import { rankByShrunkRate } from "#core/ranking";
import { assessLine, pooledRate, reviewBar } from "#core/review-rules";
import type { PageRequest } from "#http/route";
import type { Policy } from "#schemas/policy";
import type { RankedLine, RankingEnvelope, RankingsQuery } from "#schemas/ranking";
import { readCatalog } from "#store/catalog-store";
import { currentPolicy } from "#store/policy-store";
import { readPeriodTotals } from "#store/total-store";

/** How long a container reuses a period's ranking before reading the totals again. */
export const RANKING_CACHE_MS = 30_000;

type Ranking = Omit<RankingEnvelope, "total"> & { lines: RankedLine[] };

const cache = new Map<string, { at: number; ranking: Promise<Ranking> }>();

const computeRanking = async (period: string, policy: Policy, now: number): Promise<Ranking> => {
  const [catalog, totals] = await Promise.all([readCatalog(), readPeriodTotals(period)]);
  const figures = catalog.productLines.map((line) => {
    const counts = totals.byLine.get(line.id) ?? {};
    return {
      productLineId: line.id,
      line,
      n: counts.n ?? 0,
      negatives: counts.neg ?? 0,
      criticalComplaints: counts.cCritical ?? 0,
    };
  });
  const pooled = pooledRate(figures);
  const bar = reviewBar(policy.review, pooled);
  const lines = rankByShrunkRate(figures, pooled, policy.awards.priorStrength).map((ranked): RankedLine => {
    const assessment = assessLine(ranked, policy.review, bar);
    return {
      rank: ranked.rank,
      productLineId: ranked.productLineId,
      name: ranked.line.name,
      ...(ranked.line.nameZh ? { nameZh: ranked.line.nameZh } : {}),
      businessUnitId: ranked.line.businessUnitId,
      category: ranked.line.category,
      n: ranked.n,
      negatives: ranked.negatives,
      negativeRate: assessment.negativeRate,
      wilson: assessment.wilson,
      shrunkRate: ranked.shrunkRate,
      pulled: false,
      atRisk: assessment.atRisk,
      andon: false,
    };
  });
  return {
    period,
    pooledRate: pooled,
    bar: bar.value,
    policyVersion: policy.version,
    asOf: new Date(now).toISOString(),
    lines,
  };
};

/** The whole ranking of a period under the policy in force (cached briefly). */
export const periodRanking = async (periodText: string, now = Date.now()): Promise<Ranking> => {
  const period = parsePeriod(periodText).text;
  const policy = await currentPolicy();
  const key = `${period}|${policy.version}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < RANKING_CACHE_MS) return hit.ranking;
  // The promise is cached, so concurrent requests share one read of the totals.
  const ranking = computeRanking(period, policy, now);
  cache.set(key, { at: now, ranking });
  ranking.catch(() => cache.delete(key));
  return ranking;
};

/** One page of the ranking, filtered by unit and category; ranks stay those among all lines. */
export const rankingsPage = async (query: RankingsQuery, page: PageRequest) => {
  const { lines, ...envelope } = await periodRanking(query.period);
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

/** Test seam: forget cached rankings. */
export const forgetCachedRankings = (): void => cache.clear();
