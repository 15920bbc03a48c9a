/** The chases page's tabs: which chases each shows, in which order, and how many. */
import { describe, expect, it } from "vitest";
import type { Chase } from "#schemas/chase";
import { chaseState, chasesIn, tabCounts } from "#web/chases-filter";

const chase = (id: string, over: Partial<Chase>): Chase =>
  ({
    id,
    status: "OPEN",
    overdue: false,
    raisedAt: "2026-11-01T00:00:00Z",
    dueAt: "2026-11-04T00:00:00Z",
    ...over,
  }) as Chase;

const list = [
  chase("open-late-due", { dueAt: "2026-11-09T00:00:00Z", raisedAt: "2026-11-06T00:00:00Z" }),
  chase("answered", { status: "ANSWERED", raisedAt: "2026-11-07T00:00:00Z" }),
  chase("overdue", { overdue: true, dueAt: "2026-11-02T00:00:00Z", raisedAt: "2026-10-30T00:00:00Z" }),
  chase("open-soon-due", { dueAt: "2026-11-05T00:00:00Z", raisedAt: "2026-11-02T00:00:00Z" }),
];
const ids = (chases: Chase[]) => chases.map((c) => c.id);

describe("chasesIn", () => {
  it("shows the open ones overdue first, then the soonest due", () => {
    expect(ids(chasesIn(list, "open"))).toEqual(["overdue", "open-soon-due", "open-late-due"]);
  });
  it("shows only the overdue, only the answered, or all newest first", () => {
    expect(ids(chasesIn(list, "overdue"))).toEqual(["overdue"]);
    expect(ids(chasesIn(list, "answered"))).toEqual(["answered"]);
    expect(ids(chasesIn(list, "all"))).toEqual(["answered", "open-late-due", "open-soon-due", "overdue"]);
  });
  it("never reorders the list it was given", () => {
    const before = ids(list);
    chasesIn(list, "open");
    expect(ids(list)).toEqual(before);
  });
});

it("counts each tab", () => {
  expect(tabCounts(list)).toEqual({ open: 3, overdue: 1, answered: 1, all: 4 });
  expect(tabCounts([])).toEqual({ open: 0, overdue: 0, answered: 0, all: 0 });
});

it("words a chase's state: an answered one is never overdue", () => {
  expect(chaseState(chase("a", {}))).toBe("open");
  expect(chaseState(chase("b", { overdue: true }))).toBe("overdue");
  expect(chaseState(chase("c", { status: "ANSWERED", overdue: true }))).toBe("answered");
});
