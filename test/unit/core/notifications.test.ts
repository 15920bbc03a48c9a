/** Who hears of what, which audiences a caller reads, notification ids and read state. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  audiencesFor,
  audiencesOf,
  isRead,
  NOTIFYING_TYPES,
  notificationId,
  parseNotificationId,
  positionOf,
} from "#core/notifications";
import { GOVERNANCE_DETAIL_TYPES } from "#schemas/events";

describe("audiencesFor", () => {
  it.each([
    ["Notice Issued", ["unit:bu-a", "role:cco", "role:executive"]],
    ["Product Line Relisted", ["unit:bu-a", "role:cco", "role:executive"]],
    ["Notice Overdue", ["unit:bu-a", "role:cco"]],
    ["Chase Raised", ["unit:bu-a"]],
    ["Chase Overdue", ["role:cco", "unit:bu-a"]],
    ["Spike Detected", ["unit:bu-a"]],
    ["Product Line Pulled", []],
  ] as const)("%s reaches %j", (type, audiences) => {
    expect(audiencesFor(type, "bu-a")).toEqual(audiences);
  });

  it("notifies of exactly the types that reach someone, all of them governance types", () => {
    const reaching = GOVERNANCE_DETAIL_TYPES.filter((t) => audiencesFor(t, "u").length > 0);
    expect([...NOTIFYING_TYPES].sort()).toEqual([...reaching].sort());
  });
});

describe("audiencesOf", () => {
  const principal = (roles: string[], businessUnitIds: string[] = []) =>
    ({ sub: "s", roles, businessUnitIds }) as Parameters<typeof audiencesOf>[0];

  it.each([
    [["cco"], [], ["role:cco"]],
    [["executive"], [], ["role:executive"]],
    [["bu-head"], ["bu-a", "bu-b"], ["unit:bu-a", "unit:bu-b"]],
    [["bu-head"], [], []],
    [["ingest"], [], []],
    [["cco", "bu-head"], ["bu-a"], ["role:cco", "unit:bu-a"]],
    // Units listed for a role that heads none are not the caller's.
    [["executive"], ["bu-a"], ["role:executive"]],
  ])("roles %j of units %j read %j", (roles, units, audiences) => {
    expect(audiencesOf(principal(roles, units))).toEqual(audiences);
  });
});

describe("notification ids", () => {
  it("round-trip any audience and position", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (audience, position) => {
        expect(parseNotificationId(notificationId(audience, position))).toEqual({ audience, position });
      }),
    );
  });

  it.each([
    "",
    "x",
    "not-an-id",
    Buffer.from("[1,2]").toString("base64url"),
    Buffer.from('["a"]').toString("base64url"),
  ])("refuse %j", (id) => {
    expect(parseNotificationId(id)).toBeUndefined();
  });

  it("refuse an id with the same meaning written differently (one id per notification)", () => {
    const id = notificationId("role:cco", "p");
    expect(parseNotificationId(`${id}=`)).toBeUndefined();
    expect(parseNotificationId(Buffer.from('[ "role:cco","p"]').toString("base64url"))).toBeUndefined();
  });
});

describe("positions and read state", () => {
  it("sort by time, then event id, and are the same for the same event", () => {
    expect(positionOf("2026-10-01T00:00:00.000Z", "b") < positionOf("2026-10-02T00:00:00.000Z", "a")).toBe(
      true,
    );
    expect(positionOf("2026-10-01T00:00:00.000Z", "a")).toBe(positionOf("2026-10-01T00:00:00.000Z", "a"));
  });

  it("reads a position when it is at or before the mark, or marked by itself", () => {
    const state = { readThrough: "b", readPositions: new Set(["d"]) };
    expect(["a", "b", "c", "d", "e"].map((p) => isRead(p, state))).toEqual([true, true, false, true, false]);
    expect(isRead("a", { readPositions: new Set() })).toBe(false);
  });
});
