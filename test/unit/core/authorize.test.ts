/**
 * The authorization rule against DESIGN §1 and the role column of §4, written out here by hand (not
 * derived from the grant table): every action × every role × no unit / own unit / another unit.
 */
import { describe, expect, it } from "vitest";
import { ACTIONS, type Action, authorize, type Principal, requireAllowed, rolesFor } from "#core/authorize";
import { ForbiddenError } from "#core/errors";
import { ROLES, type Role } from "#schemas/common";

const ANY = "cco bu-head executive";
const EXPECTED: Record<Action, string> = {
  "catalog.read": ANY,
  "catalog.write": "cco",
  "signals.ingest": "ingest cco",
  "metrics.read": ANY,
  "rankings.read": ANY,
  "trend.read": ANY,
  "problems.read": ANY,
  "policy.read": ANY,
  "policy.write": "cco",
  "reviews.read": ANY,
  "reviews.run": "cco",
  "notices.read": "cco executive bu-head:own",
  "notices.acknowledge": "cco bu-head:own",
  "notices.appeal": "cco bu-head:own",
  "notices.submit-fix": "cco bu-head:own",
  "notices.relist": "cco",
  "notices.reject-fix": "cco",
  "notices.reject-appeal": "cco",
  "notices.uphold-appeal": "cco",
  "awards.read": ANY,
  "awards.run": "cco",
  "voices.read": "cco executive bu-head:own",
  "chases.raise": "cco executive",
  "chases.read": "cco executive bu-head:own",
  "chases.answer": "cco bu-head:own",
  "andons.read": "cco executive bu-head:own",
  "andons.decide": "cco",
  "quarantine.read": "cco",
  "quarantine.replay": "cco",
  "notifications.read": ANY,
  "events.put": "ingest cco",
  "jobs.run": "cco",
};

const reachOf = (action: Action, role: Role): "all" | "own" | undefined => {
  const entry = EXPECTED[action].split(" ").find((e) => e.split(":")[0] === role);
  if (!entry) return undefined;
  return entry.endsWith(":own") ? "own" : "all";
};

const principal = (roles: Role[], businessUnitIds = ["bu-mine"]): Principal => ({
  sub: "u",
  roles,
  businessUnitIds,
});

const cases = ACTIONS.flatMap((action) =>
  ROLES.flatMap((role) =>
    (["no unit", "own unit", "another unit"] as const).map((unit) => [action, role, unit] as const),
  ),
);

describe("authorize", () => {
  it("has an expectation for every action, and an action for every expectation", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)("%s by %s on %s", (action, role, unit) => {
    const unitId = unit === "no unit" ? undefined : unit === "own unit" ? "bu-mine" : "bu-theirs";
    const decision = authorize(principal([role]), action, unitId);
    const reach = reachOf(action, role);
    if (reach === undefined) expect(decision).toMatchObject({ allowed: false, reason: "role" });
    else if (reach === "all") expect(decision).toEqual({ allowed: true, reach: "all" });
    else if (unit === "another unit") expect(decision).toMatchObject({ allowed: false, reason: "unit" });
    else expect(decision).toEqual({ allowed: true, reach: "own", businessUnitIds: ["bu-mine"] });
  });

  it("lets the widest of several roles decide", () => {
    expect(authorize(principal(["bu-head", "executive"]), "voices.read", "bu-theirs")).toEqual({
      allowed: true,
      reach: "all",
    });
    expect(authorize(principal(["ingest", "bu-head"]), "chases.answer", "bu-mine")).toMatchObject({
      allowed: true,
      reach: "own",
    });
  });

  it("allows nothing to a caller without roles, nor to a bu-head without units on a unit's data", () => {
    for (const action of ACTIONS) expect(authorize(principal([]), action).allowed).toBe(false);
    expect(authorize(principal(["bu-head"], []), "notices.read", "bu-mine")).toMatchObject({
      reason: "unit",
    });
  });

  it("says which roles an action needs, and whose unit it is not", () => {
    expect(authorize(principal(["executive"]), "quarantine.read")).toMatchObject({
      message: "This needs one of the roles: cco",
    });
    expect(authorize(principal(["bu-head"]), "notices.read", "bu-theirs")).toMatchObject({
      message: "Business unit bu-theirs is not one of yours",
    });
  });

  it.each(ACTIONS)("rolesFor(%s) lists exactly the roles with a grant", (action) => {
    expect([...rolesFor(action)].sort()).toEqual(
      EXPECTED[action]
        .split(" ")
        .map((e) => e.split(":")[0])
        .sort(),
    );
  });
});

describe("requireAllowed", () => {
  it("returns the decision when allowed and throws ForbiddenError with the reason when not", () => {
    expect(requireAllowed(principal(["cco"]), "notices.relist", "bu-theirs")).toEqual({
      allowed: true,
      reach: "all",
    });
    expect(() => requireAllowed(principal(["bu-head"]), "notices.acknowledge", "bu-theirs")).toThrow(
      ForbiddenError,
    );
  });
});
