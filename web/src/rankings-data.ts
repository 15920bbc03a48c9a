/** The period's ranking, in one call per page of up to 10,000 lines. */
import { signal } from "@preact/signals";
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import { api } from "./api";
import { failure, loadReference, policy } from "./data";
import { periods } from "./format";
import { period, status, token } from "./state";

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Ranking extends RankingEnvelope {
  lines: RankedLine[];
}

export const ranking = signal<Ranking | null>(null);

const RANKING_PAGE = 10_000;

const loadRanking = async (chosen: string): Promise<Ranking> => {
  const lines: RankedLine[] = [];
  let cursor: string | undefined;
  let envelope: RankingEnvelope | undefined;
  do {
    const query = new URLSearchParams({ period: chosen, limit: String(RANKING_PAGE) });
    if (cursor) query.set("cursor", cursor);
    const page = await api<Page<RankedLine> & RankingEnvelope>(`/v1/rankings?${query}`);
    const { items, nextCursor, ...rest } = page;
    envelope ??= rest;
    lines.push(...items);
    cursor = nextCursor;
  } while (cursor);
  return { ...envelope, lines };
};

let generation = 0;

/** Reads the ranking of the chosen period (the current quarter by default). */
export const refreshRanking = async (): Promise<void> => {
  if (!token.value) return;
  const mine = ++generation;
  try {
    await loadReference();
    const current = policy.value;
    if (!current) return;
    const chosen = period.value ?? periods(current.timeZone)[0] ?? "";
    const lines = await loadRanking(chosen);
    if (mine !== generation) return;
    period.value = chosen;
    ranking.value = lines;
  } catch (error) {
    if (mine === generation) status.value = failure(error);
  }
};
