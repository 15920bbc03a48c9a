/**
 * The notice lifecycle of DESIGN §2, as one table. A caller whose role may never take an action on
 * a notice is refused first (403, whatever the state); a permitted caller asking for a transition
 * the state does not allow, an appeal after its window, or acting on a version they did not see,
 * is a conflict (409). Every transition is audited with actor, time and comment.
 */
import { NOTICE_ACTIONS, NOTICE_STATUSES } from "#schemas/notice";
import { type Action, authorize, type Principal } from "./authorize";
import { MS_PER_DAY } from "./calendar-day";
import { ConflictError, ForbiddenError } from "./errors";

export { NOTICE_ACTIONS, NOTICE_STATUSES };
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** from → action → to. Anything absent is an illegal transition. */
export const TRANSITIONS: Readonly<
  Record<NoticeAction, { from: readonly NoticeStatus[]; to: NoticeStatus }>
> = {
  acknowledge: { from: ["ISSUED"], to: "ACKNOWLEDGED" },
  appeal: { from: ["ISSUED", "ACKNOWLEDGED"], to: "APPEALED" },
  "submit-fix": { from: ["ACKNOWLEDGED"], to: "FIX_SUBMITTED" },
  relist: { from: ["FIX_SUBMITTED"], to: "RELISTED" },
  "reject-fix": { from: ["FIX_SUBMITTED"], to: "ACKNOWLEDGED" },
  "reject-appeal": { from: ["APPEALED"], to: "ACKNOWLEDGED" },
  "uphold-appeal": { from: ["APPEALED"], to: "WITHDRAWN" },
};

/** Statuses that close a notice: the line is no longer pulled. */
export const CLOSED_STATUSES: readonly NoticeStatus[] = ["RELISTED", "WITHDRAWN"];

export const isOpen = (status: NoticeStatus): boolean => !CLOSED_STATUSES.includes(status);

/** Past its due date and not closed (DESIGN §2): the daily job reminds the unit of it. */
export const isOverdue = (notice: { status: NoticeStatus; dueAt: string }, now: Date): boolean =>
  isOpen(notice.status) && now.getTime() > Date.parse(notice.dueAt);

/** The authorization action of each lifecycle action (`notices.<action>` in the grant table). */
export const actionOf = (action: NoticeAction): Action => `notices.${action}` as Action;

/** What a transition needs to know of the notice. */
export interface NoticeState {
  status: NoticeStatus;
  version: number;
  businessUnitId: string;
  issuedAt: string;
}

export interface TransitionRequest {
  action: NoticeAction;
  principal: Principal;
  /** The version the caller saw. */
  version: number;
  now: Date;
  appealDays: number;
}

/**
 * The status `request` moves the notice to.
 * @throws ForbiddenError when the caller may never take the action on this notice (role or unit).
 * @throws ConflictError for a stale version, a transition the status does not allow, or a late appeal.
 */
export function transition(notice: NoticeState, request: TransitionRequest): NoticeStatus {
  const decision = authorize(request.principal, actionOf(request.action), notice.businessUnitId);
  if (!decision.allowed) throw new ForbiddenError(decision.message);
  if (request.version !== notice.version)
    throw new ConflictError(
      `The notice changed since you saw it (you saw version ${request.version}, it is at ${notice.version}); reload it`,
    );
  const rule = TRANSITIONS[request.action];
  if (!rule.from.includes(notice.status))
    throw new ConflictError(
      `A notice that is ${notice.status} cannot be ${request.action}: only from ${rule.from.join(" or ")}`,
    );
  if (request.action === "appeal") {
    const closes = Date.parse(notice.issuedAt) + request.appealDays * MS_PER_DAY;
    if (request.now.getTime() > closes)
      throw new ConflictError(
        `Appeals close ${request.appealDays} days after issue (${new Date(closes).toISOString()}); this one is late`,
      );
  }
  return rule.to;
}
