/** The review page (being built under issue 12: replace this placeholder). */
import { t } from "../state";

export const ReviewPage = () => <h2>{t("navReview")}</h2>;
