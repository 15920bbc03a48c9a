/** One notification: read or not (in words and an icon), what happened, when, and a link to it. */
import type { Notification } from "#schemas/notification";
import { can } from "../can";
import { policy } from "../data";
import { dateTime } from "../format";
import { lineName } from "../names";
import { messageOf, targetOf } from "../notifications-target";
import { hrefOf } from "../router";
import { locale, t } from "../state";

export const NotificationItem = ({ item, onMarkRead }: { item: Notification; onMarkRead: () => void }) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  const target = targetOf(item, can("andons.decide", item.businessUnitId));
  const text = t(messageOf(item), {
    line: item.productLineId ? lineName(item.productLineId) : "",
    quarter: item.quarter ?? "",
    day: item.day ?? "",
    period: item.period ?? "",
  });
  return (
    <li class={item.read ? "notification read" : "notification unread"} data-notification={item.id}>
      <span class="notification-state">
        <span aria-hidden="true">{item.read ? "○ " : "● "}</span>
        {item.read ? t("notificationsRead") : t("notificationsUnread")}
      </span>
      <span class="notification-text">
        {target ? <a href={hrefOf(target)}>{text}</a> : text}
        {item.dueAt && (
          <span class="note"> · {t("notificationsDue", { due: dateTime(loc, item.dueAt, zone) })}</span>
        )}
        {item.repeatOf && <span class="note"> · {t("notificationsRepeat")}</span>}
      </span>
      <time class="note" dateTime={item.at}>
        {dateTime(loc, item.at, zone)}
      </time>
      {!item.read && (
        <button
          type="button"
          class="notification-mark"
          aria-label={`${t("notificationsMarkRead")}: ${text}`}
          onClick={onMarkRead}
        >
          {t("notificationsMarkRead")}
        </button>
      )}
    </li>
  );
};
