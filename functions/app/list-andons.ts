/**
 * `GET /v1/andons` and `GET /v1/andons/{id}`: newest first, by status and unit; a `bu-head` sees
 * their own units' Andons only (naming another unit, or reading another unit's Andon, is a 403).
 * Each unit's Andons of one status are one index partition ordered by the time they were raised; a
 * page merges the partitions in reach by that order and the next page starts below the last Andon
 * shown, so paging needs no state beyond that position (which the route signs into the cursor).
 */
import { type Principal, requireAllowed } from "#core/authorize";
import { NotFoundError } from "#core/errors";
import type { PageRequest } from "#http/route";
import { ANDON_STATUSES, type Andon, type AndonsQuery } from "#schemas/andon";
import { readAndon, readUnitAndons } from "#store/andon-store";
import { readBusinessUnitIds } from "#store/catalog-store";

export const listAndons = async (
  query: AndonsQuery,
  principal: Principal,
  page: PageRequest,
): Promise<{ items: Andon[]; next?: string }> => {
  const decision = requireAllowed(principal, "andons.read", query.businessUnitId);
  const units = query.businessUnitId
    ? [query.businessUnitId]
    : decision.reach === "own"
      ? [...decision.businessUnitIds]
      : await readBusinessUnitIds();
  const statuses = query.status ? [query.status] : ANDON_STATUSES;
  const before = typeof page.after === "string" ? page.after : undefined;
  const pages = await Promise.all(
    units.flatMap((unit) =>
      statuses.map((status) =>
        readUnitAndons(unit, status, { limit: page.limit + 1, ...(before ? { before } : {}) }),
      ),
    ),
  );
  const merged = pages.flat().sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
  const shown = merged.slice(0, page.limit);
  return {
    items: shown.map(({ andon }) => andon),
    ...(merged.length > page.limit ? { next: shown[shown.length - 1]?.sortKey } : {}),
  };
};

export const readAndonFor = async (id: string, principal: Principal): Promise<Andon> => {
  const andon = await readAndon(id);
  if (!andon) throw new NotFoundError(`No Andon ${id}`);
  requireAllowed(principal, "andons.read", andon.businessUnitId);
  return andon;
};
