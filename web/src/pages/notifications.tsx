/**
 * The signed-in person's notifications, unread first: what happened and a link to it; marking one
 * or all read, which the header's count follows at once.
 */
import { useSignal } from "@preact/signals";
import type { MarkReadRequest, Notification } from "#schemas/notification";
import { api } from "../api";
import { LoadMore } from "../components/listen-load-more";
import { Loaded } from "../components/loaded";
import { NotificationItem } from "../components/notification-item";
import { number } from "../format";
import { usePaged } from "../listen-paged";
import { unreadFirst } from "../notifications-target";
import { locale, t, token } from "../state";
import { refreshUnread } from "../unread";

interface NotificationPage {
  items: Notification[];
  unread: number;
  nextCursor?: string;
}

export const NotificationsPage = () => {
  const error = useSignal<string | null>(null);
  const paged = usePaged<Notification, NotificationPage>(token.value ? "notifications" : null, (cursor) =>
    api<NotificationPage>(
      `/v1/notifications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    ),
  );
  const markRead = async (ids?: string[]) => {
    error.value = null;
    try {
      const body: MarkReadRequest = ids ? { ids } : {};
      await api<{ unread: number }>("/v1/notifications/read", { method: "POST", body });
      await Promise.all([paged.resource.reload(), refreshUnread()]);
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure);
    }
  };
  const loc = locale.value;
  return (
    <section id="notifications-section" class="notifications">
      <h2>{t("notificationsTitle")}</h2>
      {error.value && (
        <p class="error" role="alert">
          {t("failed", { message: error.value })}
        </p>
      )}
      <Loaded
        resource={paged.resource}
        isEmpty={(data) => data.items.length === 0}
        emptyText={t("notificationsEmpty")}
      >
        {(data) => (
          <>
            <div class="toolbar">
              <p id="notifications-summary" aria-live="polite">
                {t("notificationsSummary", {
                  unread: number(loc, data.unread),
                  count: number(loc, data.items.length),
                })}
              </p>
              {data.unread > 0 && (
                <button id="notifications-mark-all" type="button" onClick={() => void markRead()}>
                  {t("notificationsMarkAll")}
                </button>
              )}
            </div>
            <ul id="notifications" class="notification-list">
              {unreadFirst(data.items).map((item) => (
                <NotificationItem key={item.id} item={item} onMarkRead={() => void markRead([item.id])} />
              ))}
            </ul>
            <LoadMore
              id="notifications-more"
              paged={paged}
              nextCursor={data.nextCursor}
              shown=""
              label={t("notificationsLoadMore")}
            />
          </>
        )}
      </Loaded>
    </section>
  );
};
