/** The notice page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const NoticePage = () => <h2>{t("navNotices")}</h2>;
