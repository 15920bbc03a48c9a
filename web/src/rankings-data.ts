/** The period's ranking, in one call per page of up to 10,000 lines (one call for most catalogs). */
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import { api } from "./api";

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Ranking extends RankingEnvelope {
  lines: RankedLine[];
}

const RANKING_PAGE = 10_000;

/** Every line of the period's ranking, best first as the API ranks them. */
export const loadRanking = async (period: string): Promise<Ranking> => {
  const read = (cursor?: string) => {
    const query = new URLSearchParams({ period, limit: String(RANKING_PAGE) });
    if (cursor) query.set("cursor", cursor);
    return api<Page<RankedLine> & RankingEnvelope>(`/v1/rankings?${query}`);
  };
  const { items, nextCursor, ...envelope } = await read();
  const lines = items;
  for (let cursor = nextCursor; cursor; ) {
    const next = await read(cursor);
    for (const item of next.items) lines.push(item);
    cursor = next.nextCursor;
  }
  return { ...envelope, lines };
};
