/**
 * `GET /v1/chases`: newest first, by status and unit. A `bu-head` sees their own units' chases only
 * (naming another unit is a 403). Each unit's chases of one status are one index partition ordered
 * by the time they were raised; a page merges the partitions in reach by that order and the next
 * page starts below the last chase shown, so paging needs no state beyond that position (which the
 * route signs into the cursor).
 */
import { type Principal, requireAllowed } from "#core/authorize";
import { viewChase } from "#core/chase";
import type { PageRequest } from "#http/route";
import { CHASE_STATUSES, type Chase, type ChasesQuery } from "#schemas/chase";
import { readBusinessUnitIds } from "#store/catalog-store";
import { readUnitChases } from "#store/chase-store";

export const listChases = async (
  query: ChasesQuery,
  principal: Principal,
  page: PageRequest,
  now = new Date(),
): Promise<{ items: Chase[]; next?: string }> => {
  const decision = requireAllowed(principal, "chases.read", query.businessUnitId);
  const units = query.businessUnitId
    ? [query.businessUnitId]
    : decision.reach === "own"
      ? [...decision.businessUnitIds]
      : await readBusinessUnitIds();
  const statuses = query.status ? [query.status] : CHASE_STATUSES;
  const before = typeof page.after === "string" ? page.after : undefined;
  const pages = await Promise.all(
    units.flatMap((unit) =>
      statuses.map((status) =>
        readUnitChases(unit, status, { limit: page.limit + 1, ...(before ? { before } : {}) }),
      ),
    ),
  );
  const merged = pages.flat().sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
  const shown = merged.slice(0, page.limit);
  return {
    items: shown.map(({ chase }) => viewChase(chase, now)),
    ...(merged.length > page.limit ? { next: shown[shown.length - 1]?.sortKey } : {}),
  };
};
