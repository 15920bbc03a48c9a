/**
 * What the page reads: the catalog (unit names), the policy (the bar's settings and time zone), the
 * period's ranking in one call per page of up to 10,000 lines, and for the CCO team the quarantine.
 */
import { signal } from "@preact/signals";
import type { CatalogView } from "#schemas/catalog";
import type { Policy } from "#schemas/policy";
import type { QuarantinedSignal } from "#schemas/quarantine";
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import { ApiError, api } from "./api";
import { periods } from "./format";
import { period, role, status, token } from "./state";

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Ranking extends RankingEnvelope {
  lines: RankedLine[];
}

export const catalog = signal<CatalogView | null>(null);
export const policy = signal<Policy | null>(null);
export const ranking = signal<Ranking | null>(null);
export const quarantine = signal<QuarantinedSignal[] | null>(null);

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

const loadQuarantine = async (): Promise<QuarantinedSignal[] | null> =>
  role.value === "cco" ? (await api<Page<QuarantinedSignal>>("/v1/quarantine?limit=50")).items : null;

const failure = (error: unknown) => ({
  key: "failed" as const,
  vars: { message: error instanceof Error ? error.message : String(error) },
});

let generation = 0;

/** Reads everything the page shows for the signed-in user; the status line says how it went. */
export const refresh = async (): Promise<void> => {
  if (!token.value) return;
  const mine = ++generation;
  status.value = { key: "loading" };
  try {
    const [view, current] = await Promise.all([
      catalog.value ?? api<CatalogView>("/v1/catalog"),
      policy.value ?? api<Policy>("/v1/policy"),
    ]);
    const chosen = period.value ?? periods(current.timeZone)[0] ?? "";
    const [lines, held] = await Promise.all([loadRanking(chosen), loadQuarantine()]);
    if (mine !== generation) return;
    catalog.value = view;
    policy.value = current;
    period.value = chosen;
    ranking.value = lines;
    quarantine.value = held;
    status.value = { key: "signedInAs", vars: { role: role.value ?? "" } };
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ApiError && error.status === 401) token.value = null;
    status.value = failure(error);
  }
};

/** Gets a dev token for a role (local runtime only) and loads the page for it. */
export const signIn = async (chosenRole: string, businessUnitIds: string[]): Promise<void> => {
  try {
    const answer = await api<{ token: string }>("/v1/dev/token", {
      method: "POST",
      body: { role: chosenRole, businessUnitIds },
    });
    catalog.value = null;
    ranking.value = null;
    quarantine.value = null;
    token.value = answer.token;
    role.value = chosenRole;
    await refresh();
  } catch (error) {
    status.value =
      error instanceof ApiError && error.status === 404 ? { key: "noDevSignIn" } : failure(error);
  }
};
