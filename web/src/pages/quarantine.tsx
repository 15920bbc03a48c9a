/** The quarantine page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const QuarantinePage = () => <h2>{t("navQuarantine")}</h2>;
