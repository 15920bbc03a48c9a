/** The number of the user's unread notifications, shown in the header: read on sign-in, each minute and on each page change. */
import { effect, signal } from "@preact/signals";
import { api } from "./api";
import { route } from "./router";
import { token } from "./state";

export const unread = signal<number | null>(null);

export const refreshUnread = async (): Promise<void> => {
  if (!token.value) {
    unread.value = null;
    return;
  }
  try {
    unread.value = (await api<{ unread: number }>("/v1/notifications?limit=1")).unread;
  } catch {
    // The count is a hint: a failed read leaves the last one; the notifications page shows errors.
  }
};

effect(() => {
  void route.value;
  void token.value;
  void refreshUnread();
});
setInterval(() => void refreshUnread(), 60_000);
