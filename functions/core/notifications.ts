/**
 * Who hears of what (DESIGN §4, notifications): each governance event becomes one notification per
 * audience — the owning unit's head, the CCO team, and for issues and relists the executives — and
 * each caller reads the audiences they belong to. Read state is the caller's own: everything up to a
 * position (`readThrough`, moved by "mark all read") plus the positions marked one by one after it.
 */
import type { GovernanceDetailType } from "#schemas/events";
import type { Principal } from "./authorize";

/** `unit:<businessUnitId>`, `role:cco` or `role:executive`. */
export type Audience = string;

export const unitAudience = (businessUnitId: string): Audience => `unit:${businessUnitId}`;
export const CCO_AUDIENCE: Audience = "role:cco";
export const EXECUTIVE_AUDIENCE: Audience = "role:executive";

type Hearer = "unit" | "cco" | "executive";

/**
 * The events that notify, and whom. `Product Line Pulled` always comes with its `Notice Issued`,
 * which already says the line is pulled, so it notifies nobody (one notification per change).
 */
export const HEARERS: Partial<Record<GovernanceDetailType, readonly Hearer[]>> = {
  "Notice Issued": ["unit", "cco", "executive"],
  "Product Line Relisted": ["unit", "cco", "executive"],
  "Notice Overdue": ["unit", "cco"],
  /** The unit's head must answer; the CCO team hears of it only once it is overdue. */
  "Chase Raised": ["unit"],
  "Chase Overdue": ["cco", "unit"],
  /** The unit's head hears of the danger at once; the CCO team decides it. */
  "Andon Raised": ["unit", "cco"],
  /** A warning for the unit to look into (no pull, DESIGN §2): the CCO team acts on Andons and reviews. */
  "Spike Detected": ["unit"],
};

export const NOTIFYING_TYPES = Object.keys(HEARERS) as GovernanceDetailType[];

/** The audiences an event about `businessUnitId` reaches (none for events that notify nobody). */
export const audiencesFor = (type: GovernanceDetailType, businessUnitId: string): Audience[] =>
  (HEARERS[type] ?? []).map((hearer) =>
    hearer === "unit" ? unitAudience(businessUnitId) : hearer === "cco" ? CCO_AUDIENCE : EXECUTIVE_AUDIENCE,
  );

/** The audiences a caller reads: their roles', and for a `bu-head` each unit they head. */
export const audiencesOf = (principal: Principal): Audience[] => {
  const audiences = new Set<Audience>();
  for (const role of principal.roles) {
    if (role === "cco") audiences.add(CCO_AUDIENCE);
    if (role === "executive") audiences.add(EXECUTIVE_AUDIENCE);
    if (role === "bu-head") for (const unit of principal.businessUnitIds) audiences.add(unitAudience(unit));
  }
  return [...audiences];
};

/**
 * Where a notification sits in its audience: the time of the change, then the event id, so that
 * positions sort newest last and the same event (published twice) lands on the same position.
 */
export const positionOf = (occurredAt: string, eventId: string): string => `${occurredAt}#${eventId}`;

/** The public id of a notification: its audience and position, as one opaque token. */
export const notificationId = (audience: Audience, position: string): string =>
  Buffer.from(JSON.stringify([audience, position])).toString("base64url");

/** The audience and position an id stands for; undefined for anything that is not such an id. */
export const parseNotificationId = (id: string): { audience: Audience; position: string } | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(id, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      notificationId(value[0], value[1]) === id
    )
      return { audience: value[0], position: value[1] };
  } catch {
    // Not base64url JSON: not an id.
  }
  return undefined;
};

/** A caller's read state in one audience. */
export interface ReadState {
  /** Everything at or before this position is read. */
  readThrough?: string | undefined;
  /** Positions after `readThrough` read one by one. */
  readPositions: ReadonlySet<string>;
}

export const NOTHING_READ: ReadState = { readPositions: new Set() };

export const isRead = (position: string, state: ReadState): boolean =>
  (state.readThrough !== undefined && position <= state.readThrough) || state.readPositions.has(position);
