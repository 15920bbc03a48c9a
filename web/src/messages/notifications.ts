/** Notifications and the unread count in the header. */
const en = {
  navNotifications: "Notifications",
  unreadCount: "{count} unread",
};

export const notifications = {
  en,
  "zh-CN": {
    navNotifications: "通知",
    unreadCount: "{count} 条未读",
  } satisfies Record<keyof typeof en, string>,
};
