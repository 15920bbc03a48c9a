/** The chases page's tabs: which chases each shows and how many. */
import type { Chase } from "#schemas/chase";

export const CHASE_TABS = ["open", "overdue", "answered", "all"] as const;
export type ChaseTab = (typeof CHASE_TABS)[number];

const inTab: Record<ChaseTab, (chase: Chase) => boolean> = {
  open: (c) => c.status === "OPEN",
  overdue: (c) => c.status === "OPEN" && c.overdue,
  answered: (c) => c.status === "ANSWERED",
  all: () => true,
};

/** The chases a tab shows, overdue ones first then soonest due among the open, newest first otherwise. */
export const chasesIn = (chases: readonly Chase[], tab: ChaseTab): Chase[] =>
  chases
    .filter(inTab[tab])
    .sort((a, b) =>
      tab === "answered" || tab === "all"
        ? b.raisedAt.localeCompare(a.raisedAt)
        : Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt),
    );

export const tabCounts = (chases: readonly Chase[]): Record<ChaseTab, number> =>
  Object.fromEntries(CHASE_TABS.map((tab) => [tab, chases.filter(inTab[tab]).length])) as Record<
    ChaseTab,
    number
  >;

/** A chase's state in words: an open one past its due date is overdue. */
export const chaseState = (chase: Chase): "open" | "overdue" | "answered" =>
  chase.status === "ANSWERED" ? "answered" : chase.overdue ? "overdue" : "open";
