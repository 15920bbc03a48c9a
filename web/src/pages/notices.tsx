/** The notices page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const NoticesPage = () => <h2>{t("navNotices")}</h2>;
