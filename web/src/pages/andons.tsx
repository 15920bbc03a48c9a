/** The andons page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const AndonsPage = () => <h2>{t("navAndons")}</h2>;
