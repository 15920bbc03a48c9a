/** The problems page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const ProblemsPage = () => <h2>{t("navProblems")}</h2>;
