/**
 * What the notice pages decide without drawing anything: which lifecycle actions to offer (the
 * lifecycle's own table and the grant table, never restated), whose turn a notice is, the inbox's
 * query, the fix plan form's checks, and the scale of the fix effect chart.
 */
import {
  NOTICE_ACTIONS,
  NOTICE_STATUSES,
  type NoticeAction,
  type NoticeStatus,
  TRANSITIONS,
} from "#core/notice-lifecycle";
import type { FixPlan } from "#schemas/notice";

export { NOTICE_ACTIONS, NOTICE_STATUSES, type NoticeAction, type NoticeStatus };

/** Who moves a notice next: the owning unit, the CCO team, or nobody once it is closed. */
export const turnOf = (status: NoticeStatus): "unit" | "cco" | null => {
  switch (status) {
    case "ISSUED":
    case "ACKNOWLEDGED":
      return "unit";
    case "APPEALED":
    case "FIX_SUBMITTED":
      return "cco";
    default:
      return null;
  }
};

/** The action that is the notice's next step (what "your turn" means in the inbox). */
export const NEXT_ACTION: Readonly<Record<NoticeStatus, NoticeAction | null>> = {
  ISSUED: "acknowledge",
  ACKNOWLEDGED: "submit-fix",
  APPEALED: "reject-appeal",
  FIX_SUBMITTED: "relist",
  RELISTED: null,
  WITHDRAWN: null,
};

/**
 * The actions to offer on a notice: legal from its status (an appeal only inside its window) and
 * allowed to this user on its unit (`may`, which asks the grant table); the status's next step first.
 */
export const offeredActions = (
  notice: { status: NoticeStatus; appealUntil: string },
  may: (action: NoticeAction) => boolean,
  now = new Date(),
): NoticeAction[] => {
  const next = NEXT_ACTION[notice.status];
  return NOTICE_ACTIONS.filter(
    (action) =>
      TRANSITIONS[action].from.includes(notice.status) &&
      (action !== "appeal" || now.getTime() <= Date.parse(notice.appealUntil)) &&
      may(action),
  ).sort((a, b) => Number(b === next) - Number(a === next));
};

/**
 * The next step for this user: theirs when it is their side's turn and they may take it; waiting on
 * the other side otherwise. The CCO team may act for a unit, but a unit's step stays the unit's.
 */
export const nextStep = (
  status: NoticeStatus,
  role: string | null,
  may: (action: NoticeAction) => boolean,
): { mine: boolean; step: NoticeStatus } | null => {
  const turn = turnOf(status);
  const action = NEXT_ACTION[status];
  if (turn === null || action === null) return null;
  const mySide = turn === "cco" ? role === "cco" : role === "bu-head";
  return { mine: mySide && may(action), step: status };
};

/** The inbox's filters as the query of `GET /v1/notices`. */
export interface InboxFilter {
  status: NoticeStatus | "all";
  overdueOnly: boolean;
}

export const inboxQuery = (filter: InboxFilter, cursor?: string, limit = 50): string => {
  const query = new URLSearchParams();
  if (filter.status !== "all") query.set("status", filter.status);
  if (filter.overdueOnly) query.set("overdue", "true");
  query.set("limit", String(limit));
  if (cursor) query.set("cursor", cursor);
  return `/v1/notices?${query.toString()}`;
};

/** A fix plan as typed in the form: every field text, rows possibly blank. */
export interface FixDraft {
  rootCause: string;
  actions: { description: string; owner: string; dueDate: string }[];
}

export const emptyAction = () => ({ description: "", owner: "", dueDate: "" });
export const emptyDraft = (): FixDraft => ({ rootCause: "", actions: [emptyAction()] });

export type DraftProblem = "rootCause" | "noAction" | "incompleteAction" | "tooManyActions";

/**
 * The plan the API takes from a draft (rows left wholly blank dropped, text trimmed), or what is
 * missing. The API checks again; this only saves a round trip for the obvious.
 */
export const planOf = (draft: FixDraft): { plan: FixPlan } | { problem: DraftProblem; row?: number } => {
  const rootCause = draft.rootCause.trim();
  if (!rootCause) return { problem: "rootCause" };
  const rows = draft.actions
    .map((a) => ({ description: a.description.trim(), owner: a.owner.trim(), dueDate: a.dueDate.trim() }))
    .filter((a) => a.description || a.owner || a.dueDate);
  if (rows.length === 0) return { problem: "noAction" };
  if (rows.length > 20) return { problem: "tooManyActions" };
  const incomplete = rows.findIndex(
    (a) => !a.description || !a.owner || !/^\d{4}-\d{2}-\d{2}$/.test(a.dueDate),
  );
  if (incomplete >= 0) return { problem: "incompleteAction", row: incomplete + 1 };
  return { plan: { rootCause, actions: rows } };
};

/**
 * The right end of the fix effect chart's rate axis: a little beyond the highest upper bound,
 * rounded up to a tenth, so that two narrow intervals near 5 % are not squeezed against 0.
 */
export const effectScale = (his: (number | null | undefined)[]): number => {
  const top = Math.max(0, ...his.filter((h): h is number => typeof h === "number"));
  return Math.min(1, Math.max(0.1, Math.ceil((top + 0.02) * 10) / 10));
};
