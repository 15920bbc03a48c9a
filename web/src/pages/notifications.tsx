/** The notifications page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const NotificationsPage = () => <h2>{t("navNotifications")}</h2>;
