/** The home page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const HomePage = () => <h2>{t("navHome")}</h2>;
