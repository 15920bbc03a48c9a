/**
 * Every product line with its counters for one period (a quarter or a year): the catalog and the
 * period totals, read together. Rankings, the problem board and reviews all start from this, and
 * reading it for 10,000 lines takes DynamoDB Local most of a second, so each container keeps a
 * period's figures for {@link FIGURES_CACHE_MS}; every answer built on them says when they were
 * read (`asOf`), as DESIGN §3 allows ("or says how far behind it is").
 */
import type { RollupCounts } from "#core/rollup";
import type { ProductLine } from "#schemas/catalog";
import { readCatalog } from "#store/catalog-store";
import { readPeriodTotals } from "#store/total-store";

/** How long a container reuses a period's figures before reading them again. */
export const FIGURES_CACHE_MS = 30_000;

export interface PeriodFigures {
  period: string;
  /** When the figures were read: signals accepted after this are not in them yet. */
  asOf: string;
  businessUnitNames: ReadonlyMap<string, string>;
  /** Every line of the catalog, with its counters in the period (empty for a line without signals). */
  lines: readonly { line: ProductLine; counts: RollupCounts }[];
  /** Totals items read, for the bench. */
  itemsRead: number;
}

const cache = new Map<string, { at: number; figures: Promise<PeriodFigures> }>();

/**
 * A catalog read still in flight, shared: figures of two periods read at once (the problem board's
 * quarter and the one before) would otherwise read the whole catalog twice. Dropped once it
 * settles, so every later miss reads the catalog anew.
 */
let catalogInFlight: ReturnType<typeof readCatalog> | undefined;
const sharedCatalogRead = () => {
  if (!catalogInFlight) {
    const read = readCatalog();
    catalogInFlight = read;
    const done = () => {
      if (catalogInFlight === read) catalogInFlight = undefined;
    };
    read.then(done, done);
  }
  return catalogInFlight;
};

const readFigures = async (period: string, now: number): Promise<PeriodFigures> => {
  const [catalog, totals] = await Promise.all([sharedCatalogRead(), readPeriodTotals(period)]);
  return {
    period,
    asOf: new Date(now).toISOString(),
    businessUnitNames: new Map(catalog.businessUnits.map((bu) => [bu.id, bu.name])),
    lines: catalog.productLines.map((line) => ({ line, counts: totals.byLine.get(line.id) ?? {} })),
    itemsRead: totals.itemsRead,
  };
};

/**
 * The figures of `period` (a quarter or a year), at most `maxAgeMs` old.
 * @param options.maxAgeMs @default FIGURES_CACHE_MS (0 reads them now, as a review does)
 */
export const periodFigures = (
  period: string,
  options: { maxAgeMs?: number; now?: number } = {},
): Promise<PeriodFigures> => {
  const now = options.now ?? Date.now();
  const hit = cache.get(period);
  if (hit && now - hit.at < (options.maxAgeMs ?? FIGURES_CACHE_MS)) return hit.figures;
  // The promise is cached, so concurrent requests share one read.
  const figures = readFigures(period, now);
  cache.set(period, { at: now, figures });
  figures.catch(() => cache.delete(period));
  return figures;
};

/** Test and bench seam: forget cached figures. */
export const forgetCachedFigures = (): void => cache.clear();
