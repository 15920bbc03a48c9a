/**
 * `GET /v1/notices`: newest first, filtered by status, unit, quarter and overdue. A `bu-head` sees
 * their own units' notices only (naming another unit is a 403). Each unit's notices are one index
 * partition ordered by issue time; a page merges the units' partitions by that order and the next
 * page starts below the last notice shown, so paging needs no state beyond that position.
 */
import { type Principal, requireAllowed } from "#core/authorize";
import { CLOSED_STATUSES } from "#core/notice-lifecycle";
import type { PageRequest } from "#http/route";
import type { NoticeSummary, NoticesQuery } from "#schemas/notice";
import { readBusinessUnitIds } from "#store/catalog-store";
import { readUnitNotices } from "#store/notice-store";
import { summarizeNotice } from "./view-notice";

const filterOf = (query: NoticesQuery, now: Date) => {
  const clauses: string[] = [];
  const values: Record<string, { S: string }> = {};
  const names: Record<string, string> = {};
  if (query.status) {
    clauses.push("#status = :status");
    values[":status"] = { S: query.status };
    names["#status"] = "status";
  }
  if (query.quarter) {
    clauses.push("quarter = :quarter");
    values[":quarter"] = { S: query.quarter };
  }
  if (query.overdue !== undefined) {
    names["#status"] = "status";
    values[":now"] = { S: now.toISOString() };
    CLOSED_STATUSES.forEach((s, i) => {
      values[`:closed${i}`] = { S: s };
    });
    const closed = CLOSED_STATUSES.map((_, i) => `:closed${i}`).join(", ");
    const overdue = `(dueAt < :now AND NOT #status IN (${closed}))`;
    clauses.push(query.overdue === "true" ? overdue : `NOT ${overdue}`);
  }
  return clauses.length === 0
    ? undefined
    : { expression: clauses.join(" AND "), values, ...(Object.keys(names).length ? { names } : {}) };
};

export const listNotices = async (
  query: NoticesQuery,
  principal: Principal,
  page: PageRequest,
  now = new Date(),
): Promise<{ items: NoticeSummary[]; next?: string }> => {
  const decision = requireAllowed(principal, "notices.read", query.businessUnitId);
  const units = query.businessUnitId
    ? [query.businessUnitId]
    : decision.reach === "own"
      ? [...decision.businessUnitIds]
      : await readBusinessUnitIds();
  const before = typeof page.after === "string" ? page.after : undefined;
  const filter = filterOf(query, now);
  const pages = await Promise.all(
    units.map((unit) =>
      readUnitNotices(unit, {
        limit: page.limit + 1,
        ...(before ? { before } : {}),
        ...(filter ? { filter } : {}),
      }),
    ),
  );
  const merged = pages
    .flatMap((p) => p.notices.map((notice, i) => ({ notice, sortKey: p.sortKeys[i] as string })))
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
  const shown = merged.slice(0, page.limit);
  return {
    items: shown.map(({ notice }) => summarizeNotice(notice, now)),
    ...(merged.length > page.limit ? { next: shown[shown.length - 1]?.sortKey } : {}),
  };
};
