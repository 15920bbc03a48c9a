/** The policy page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const PolicyPage = () => <h2>{t("navPolicy")}</h2>;
