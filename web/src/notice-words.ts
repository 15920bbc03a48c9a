/** The notice pages' words for the API's codes (statuses, actions, reasons, channels), in the chosen language. */
import type { Notice, NoticeSummary } from "#schemas/notice";
import { can } from "./can";
import type { MessageKey } from "./i18n";
import { type NoticeAction, type NoticeStatus, nextStep } from "./notice-view";
import { role, t } from "./state";

type Verbatim = Notice["evidence"]["verbatims"][number];
type Reason = Notice["evidence"]["topReasons"][number]["reason"];

export const statusWord = (status: NoticeStatus): string => t(`noticeStatus_${status}` as const);
export const actionWord = (action: NoticeAction): string => t(`noticeAction_${action}` as const);
export const reasonWord = (reason: Reason): string => t(`noticeReason_${reason}` as const);
export const kindWord = (v: Verbatim): string =>
  v.severity
    ? `${t(`noticeKind_${v.kind}` as const)} (${t(`noticeSeverity_${v.severity}` as const)})`
    : t(`noticeKind_${v.kind}` as const);
export const channelWord = (v: Verbatim): string => t(`noticeChannel_${v.channel}` as const);

const DID = new Set([
  "issue",
  "flag",
  "acknowledge",
  "appeal",
  "submit-fix",
  "relist",
  "reject-fix",
  "reject-appeal",
  "uphold-appeal",
]);
/** An audit entry's action in words; an action this dashboard does not know yet stays as the API wrote it. */
export const didWord = (action: string): string =>
  DID.has(action) ? t(`noticeDid_${action}` as MessageKey) : action;

/** The next step for the signed-in user, in words: theirs, or whom it waits on, or closed. */
export const nextStepWords = (
  notice: Pick<NoticeSummary, "status" | "businessUnitId">,
): { text: string; mine: boolean } => {
  const next = nextStep(notice.status, role.value, (action) =>
    can(`notices.${action}`, notice.businessUnitId),
  );
  if (!next) return { text: t("noticeClosed"), mine: false };
  const step = next.step as Exclude<NoticeStatus, "RELISTED" | "WITHDRAWN">;
  return next.mine
    ? { text: t(`noticeMine_${step}` as const), mine: true }
    : { text: t(`noticeWait_${step}` as const), mine: false };
};
