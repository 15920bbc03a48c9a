/** The line page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const LinePage = () => <h2>{t("lineTitle")}</h2>;
