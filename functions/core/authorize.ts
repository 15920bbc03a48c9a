/**
 * Who may do what, on which business unit's data (DESIGN §1 and the role column of §4), as one
 * table and one rule. Every route names the action it performs; the HTTP kit asks this rule at the
 * door (may this role ever do it?) and each use case asks again for the object it touches (may it
 * do it to *this* unit's data?), so a `bu-head` never reads or acts on another unit's notice,
 * voice or chase.
 */
import type { Role } from "#schemas/common";
import { ForbiddenError } from "./errors";

/** The caller, as read from a verified token. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** The units a `bu-head` heads; ignored for roles that see every unit. */
  businessUnitIds: string[];
}

/** How far a role's grant reaches: every unit's data, or only the units the caller heads. */
export type Reach = "all" | "own";

const SIGNED_IN = { cco: "all", "bu-head": "all", executive: "all" } as const;
const OWN_UNITS_FOR_HEADS = { cco: "all", executive: "all", "bu-head": "own" } as const;
const CCO_AND_OWNING_HEAD = { cco: "all", "bu-head": "own" } as const;
const CCO_ONLY = { cco: "all" } as const;

/** The grant table: action → the roles that may take it, and how far. Absent roles may not. */
export const GRANTS = {
  "catalog.read": SIGNED_IN,
  "catalog.write": CCO_ONLY,
  "signals.ingest": { ingest: "all", cco: "all" },
  "metrics.read": SIGNED_IN,
  "rankings.read": SIGNED_IN,
  "trend.read": SIGNED_IN,
  "problems.read": SIGNED_IN,
  "policy.read": SIGNED_IN,
  "policy.write": CCO_ONLY,
  "reviews.read": SIGNED_IN,
  "reviews.run": CCO_ONLY,
  "notices.read": OWN_UNITS_FOR_HEADS,
  "notices.acknowledge": CCO_AND_OWNING_HEAD,
  "notices.appeal": CCO_AND_OWNING_HEAD,
  "notices.submit-fix": CCO_AND_OWNING_HEAD,
  "notices.relist": CCO_ONLY,
  "notices.reject-fix": CCO_ONLY,
  "notices.reject-appeal": CCO_ONLY,
  "notices.uphold-appeal": CCO_ONLY,
  "awards.read": SIGNED_IN,
  "awards.run": CCO_ONLY,
  "voices.read": OWN_UNITS_FOR_HEADS,
  "chases.raise": { executive: "all", cco: "all" },
  "chases.read": OWN_UNITS_FOR_HEADS,
  "chases.answer": CCO_AND_OWNING_HEAD,
  "andons.read": OWN_UNITS_FOR_HEADS,
  "andons.decide": CCO_ONLY,
  "quarantine.read": CCO_ONLY,
  "quarantine.replay": CCO_ONLY,
  "notifications.read": SIGNED_IN,
  "events.put": { ingest: "all", cco: "all" },
  /** Local mode: run a schedule's job now (`POST /v1/dev/jobs/{id}`). */
  "jobs.run": CCO_ONLY,
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof GRANTS;
export const ACTIONS = Object.keys(GRANTS) as Action[];

/** The outcome of {@link authorize}: allowed (and how far), or refused with the reason. */
export type Decision =
  | { allowed: true; reach: "all" }
  /** Allowed for the units listed only (a `bu-head` without an all-units role). */
  | { allowed: true; reach: "own"; businessUnitIds: readonly string[] }
  | { allowed: false; reason: "role" | "unit"; message: string };

/** The roles that may take `action` at all, in the order of {@link GRANTS}. */
export const rolesFor = (action: Action): Role[] => Object.keys(GRANTS[action]) as Role[];

/**
 * May `principal` take `action`, on the data of business unit `unitId` when given?
 *
 * Without a unit it answers the question at the door: whether any of the caller's roles may take
 * the action, and over which units (a list use case filters by that). With a unit it answers for
 * that object: a grant reaching all units allows it, an own-units grant only for a unit the
 * caller heads.
 */
export function authorize(principal: Principal, action: Action, unitId?: string): Decision {
  const grant: Partial<Record<Role, Reach>> = GRANTS[action];
  const reaches = principal.roles.map((role) => grant[role]).filter((r): r is Reach => r !== undefined);
  if (reaches.length === 0) {
    return {
      allowed: false,
      reason: "role",
      message: `This needs one of the roles: ${rolesFor(action).join(", ")}`,
    };
  }
  if (reaches.includes("all")) return { allowed: true, reach: "all" };
  if (unitId === undefined) {
    return { allowed: true, reach: "own", businessUnitIds: principal.businessUnitIds };
  }
  if (principal.businessUnitIds.includes(unitId)) {
    return { allowed: true, reach: "own", businessUnitIds: principal.businessUnitIds };
  }
  return { allowed: false, reason: "unit", message: `Business unit ${unitId} is not one of yours` };
}

/**
 * {@link authorize}, for use cases: the decision when allowed.
 * @throws ForbiddenError with the reason when not.
 */
export function requireAllowed(
  principal: Principal,
  action: Action,
  unitId?: string,
): Extract<Decision, { allowed: true }> {
  const decision = authorize(principal, action, unitId);
  if (!decision.allowed) throw new ForbiddenError(decision.message);
  return decision;
}
