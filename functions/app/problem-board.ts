/**
 * The problem board of a period: negative signals by reason per line, unit and category, against
 * the previous period, from the two periods' figures (period totals, never signals).
 */
import { previousPeriod } from "#core/period";
import { groupCounters, problemFigures } from "#core/problems";
import type { RollupCounts } from "#core/rollup";
import type { ProblemBoard, ProblemsQuery } from "#schemas/problems";
import { REASONS } from "#schemas/signal";
import { periodFigures } from "./period-figures";

export const DEFAULT_PROBLEM_LINES = 100;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const problemBoard = async (query: ProblemsQuery): Promise<ProblemBoard> => {
  const before = previousPeriod(query.period);
  const [now, then] = await Promise.all([periodFigures(query.period), periodFigures(before)]);
  const previousOf = new Map(then.lines.map(({ line, counts }) => [line.id, counts]));
  const lines = now.lines
    .filter(
      ({ line }) =>
        (query.businessUnitId === undefined || line.businessUnitId === query.businessUnitId) &&
        (query.category === undefined || line.category === query.category),
    )
    .map(({ line, counts }) => ({
      line,
      current: counts,
      previous: previousOf.get(line.id) ?? ({} as RollupCounts),
    }));
  const countsOf = (l: (typeof lines)[number]) => ({ current: l.current, previous: l.previous });
  const total = groupCounters(lines, () => "all", countsOf).get("all") ?? { current: {}, previous: {} };
  // Ordered on the plain counters; only the page's lines get their figures worked out.
  const withProblems = lines
    .filter((l) => (l.current.neg ?? 0) > 0 || (l.previous.neg ?? 0) > 0)
    .sort((a, b) => (b.current.neg ?? 0) - (a.current.neg ?? 0) || compare(a.line.id, b.line.id));
  return {
    period: query.period,
    previousPeriod: before,
    reasons: [...REASONS],
    asOf: now.asOf,
    total: problemFigures(total.current, total.previous),
    businessUnits: [...groupCounters(lines, (l) => l.line.businessUnitId, countsOf)]
      .map(([businessUnitId, g]) => ({
        businessUnitId,
        name: now.businessUnitNames.get(businessUnitId) ?? businessUnitId,
        ...problemFigures(g.current, g.previous),
      }))
      .sort((a, b) => b.negatives - a.negatives || compare(a.businessUnitId, b.businessUnitId)),
    categories: [...groupCounters(lines, (l) => l.line.category, countsOf)]
      .map(([category, g]) => ({ category, ...problemFigures(g.current, g.previous) }))
      .sort((a, b) => b.negatives - a.negatives || compare(a.category, b.category)),
    productLines: withProblems.slice(0, query.limit ?? DEFAULT_PROBLEM_LINES).map((l) => ({
      productLineId: l.line.id,
      name: l.line.name,
      ...(l.line.nameZh ? { nameZh: l.line.nameZh } : {}),
      businessUnitId: l.line.businessUnitId,
      category: l.line.category,
      ...problemFigures(l.current, l.previous),
    })),
    productLineCount: withProblems.length,
  };
};
