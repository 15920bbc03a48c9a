/** The Andon on a line, wherever the line appears: a badge beside its name, a banner on its page. */
import { hrefOf } from "../router";
import { role, t } from "../state";

export const AndonBadge = ({ andon }: { andon: boolean }) =>
  andon ? (
    <span class="andon-badge" title={t("andonBanner")}>
      <span aria-hidden="true">⚠</span> {t("andonRaised")}
    </span>
  ) : null;

export const AndonBanner = ({ andon }: { andon: boolean }) =>
  andon ? (
    <p class="andon-banner" role="alert">
      <span aria-hidden="true">⚠</span> {t("andonBanner")}{" "}
      {role.value === "cco" && <a href={hrefOf({ page: "andons" })}>{t("navAndons")}</a>}
    </p>
  ) : null;
