/**
 * The lifecycle table of DESIGN §2, written out here by hand: every status × action × role × own or
 * other unit → the new status, 403 (role or unit may never) or 409 (the status does not allow it).
 */
import { describe, expect, it } from "vitest";
import type { Principal } from "#core/authorize";
import { ConflictError, ForbiddenError } from "#core/errors";
import {
  NOTICE_ACTIONS,
  NOTICE_STATUSES,
  type NoticeAction,
  type NoticeStatus,
  transition,
} from "#core/notice-lifecycle";

const LEGAL: Record<string, NoticeStatus> = {
  "ISSUED acknowledge": "ACKNOWLEDGED",
  "ISSUED appeal": "APPEALED",
  "ACKNOWLEDGED appeal": "APPEALED",
  "ACKNOWLEDGED submit-fix": "FIX_SUBMITTED",
  "FIX_SUBMITTED relist": "RELISTED",
  "FIX_SUBMITTED reject-fix": "ACKNOWLEDGED",
  "APPEALED reject-appeal": "ACKNOWLEDGED",
  "APPEALED uphold-appeal": "WITHDRAWN",
};
/** Who may take each action (DESIGN §2): the owning unit's head for the unit's own, the CCO team for all. */
const HEAD_MAY = new Set<NoticeAction>(["acknowledge", "appeal", "submit-fix"]);

const callers = {
  cco: { sub: "c", roles: ["cco"], businessUnitIds: [] },
  "bu-head (own unit)": { sub: "h", roles: ["bu-head"], businessUnitIds: ["bu-a"] },
  "bu-head (other unit)": { sub: "o", roles: ["bu-head"], businessUnitIds: ["bu-b"] },
  executive: { sub: "e", roles: ["executive"], businessUnitIds: [] },
  ingest: { sub: "i", roles: ["ingest"], businessUnitIds: [] },
} satisfies Record<string, Principal>;

const expected = (
  status: NoticeStatus,
  action: NoticeAction,
  caller: keyof typeof callers,
): NoticeStatus | 403 | 409 => {
  const may = caller === "cco" || (caller === "bu-head (own unit)" && HEAD_MAY.has(action));
  if (!may) return 403;
  return LEGAL[`${status} ${action}`] ?? 409;
};

const issuedAt = "2026-10-01T02:00:00.000Z";
const notice = (status: NoticeStatus) => ({ status, version: 3, businessUnitId: "bu-a", issuedAt });
const within = new Date("2026-10-05T00:00:00Z");

const outcome = (f: () => NoticeStatus): NoticeStatus | 403 | 409 => {
  try {
    return f();
  } catch (error) {
    if (error instanceof ForbiddenError) return 403;
    if (error instanceof ConflictError) return 409;
    throw error;
  }
};

const cases = NOTICE_STATUSES.flatMap((status) =>
  NOTICE_ACTIONS.flatMap((action) =>
    (Object.keys(callers) as (keyof typeof callers)[]).map((caller) => [status, action, caller] as const),
  ),
);

describe("transition", () => {
  it.each(cases)("%s, %s by %s", (status, action, caller) => {
    const result = outcome(() =>
      transition(notice(status), {
        action,
        principal: callers[caller],
        version: 3,
        now: within,
        appealDays: 7,
      }),
    );
    expect(result).toBe(expected(status, action, caller));
  });

  it("refuses a stale version with 409, even for a legal transition", () => {
    const stale = () =>
      transition(notice("ISSUED"), {
        action: "acknowledge",
        principal: callers.cco,
        version: 2,
        now: within,
        appealDays: 7,
      });
    expect(stale).toThrow(ConflictError);
    expect(stale).toThrow(/version 2/);
  });

  it("checks the caller before the version: another unit's head gets 403 whatever they saw", () => {
    expect(() =>
      transition(notice("ISSUED"), {
        action: "acknowledge",
        principal: callers["bu-head (other unit)"],
        version: 99,
        now: within,
        appealDays: 7,
      }),
    ).toThrow(ForbiddenError);
  });

  it.each([
    ["on the last instant of the window", "2026-10-08T02:00:00.000Z", "APPEALED"],
    ["a millisecond later", "2026-10-08T02:00:00.001Z", 409],
  ] as const)("takes an appeal %s (7 days after issue)", (_what, at, result) => {
    expect(
      outcome(() =>
        transition(notice("ACKNOWLEDGED"), {
          action: "appeal",
          principal: callers["bu-head (own unit)"],
          version: 3,
          now: new Date(at),
          appealDays: 7,
        }),
      ),
    ).toBe(result);
  });
});
