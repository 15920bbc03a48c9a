/** The chases page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const ChasesPage = () => <h2>{t("navChases")}</h2>;
