/**
 * What a notification says and where it leads, in the reader's terms: the message for its type and
 * the page of the thing it is about (a notice, a chase, an Andon, the awards, the line).
 */
import type { Notification } from "#schemas/notification";
import type { MessageKey } from "./i18n";
import type { Route } from "./routes";

export const messageOf = (n: Notification): MessageKey => {
  switch (n.type) {
    case "Notice Issued":
      return "notificationsNoticeIssued";
    case "Product Line Pulled":
      return "notificationsLinePulled";
    case "Product Line Relisted":
      return n.reason === "withdrawn" ? "notificationsLineWithdrawn" : "notificationsLineRelisted";
    case "Notice Overdue":
      return "notificationsNoticeOverdue";
    case "Awards Published":
      return "notificationsAwardsPublished";
    case "Chase Raised":
      return "notificationsChaseRaised";
    case "Chase Overdue":
      return "notificationsChaseOverdue";
    case "Andon Raised":
      return "notificationsAndonRaised";
    case "Spike Detected":
      return "notificationsSpike";
  }
};

/**
 * The page a notification opens. An Andon goes to the Andons list for those who decide them and to
 * the line otherwise (`decidesAndons`); anything else without its own page goes to the line.
 */
export const targetOf = (n: Notification, decidesAndons: boolean): Route | null => {
  if (n.chaseId) return { page: "chases" };
  if (n.andonId && decidesAndons) return { page: "andons" };
  if (n.noticeId) return { page: "notice", id: n.noticeId };
  if (n.type === "Awards Published")
    return n.quarter ? { page: "awards", period: n.quarter } : { page: "awards" };
  if (n.productLineId) return { page: "line", id: n.productLineId };
  return null;
};

/** Unread first, newest first within each. */
export const unreadFirst = (items: readonly Notification[]): Notification[] =>
  [...items].sort((a, b) => Number(a.read) - Number(b.read) || b.at.localeCompare(a.at));
