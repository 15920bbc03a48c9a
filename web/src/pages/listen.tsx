/** The listen page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const ListenPage = () => <h2>{t("navListen")}</h2>;
