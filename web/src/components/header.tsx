/** The header: the title, the pages, the local role picker (a dev token) and the language switch. */
import { useSignal } from "@preact/signals";
import { signIn } from "../data";
import { hrefOf, route } from "../router";
import { locale, t } from "../state";

const ROLES = ["cco", "executive", "bu-head"] as const;

const Nav = () => {
  const page = route.value.page;
  return (
    <nav aria-label={t("nav")}>
      <a href={hrefOf({ page: "rankings" })} aria-current={page === "rankings" ? "page" : undefined}>
        {t("navRankings")}
      </a>
      <a href={hrefOf({ page: "awards" })} aria-current={page === "awards" ? "page" : undefined}>
        {t("navAwards")}
      </a>
    </nav>
  );
};

const SignInForm = () => {
  const chosen = useSignal<string>("cco");
  const units = useSignal("");
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void signIn(chosen.value, units.value.split(/[\s,]+/).filter(Boolean));
  };
  return (
    <form id="signin" onSubmit={submit}>
      <label>
        {t("role")}{" "}
        <select
          name="role"
          value={chosen.value}
          onChange={(e) => {
            chosen.value = e.currentTarget.value;
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {chosen.value === "bu-head" && (
        <label id="units-label">
          {t("units")}{" "}
          <input
            name="units"
            placeholder="bu-home-appliances"
            value={units.value}
            onInput={(e) => {
              units.value = e.currentTarget.value;
            }}
          />
        </label>
      )}
      <button type="submit">{t("signIn")}</button>
    </form>
  );
};

export const Header = () => (
  <header>
    <h1>
      <span aria-hidden="true">🍓</span> <span>{t("title")}</span>
    </h1>
    <Nav />
    <SignInForm />
    <button
      id="lang"
      type="button"
      aria-label={t("languageLabel")}
      lang={locale.value === "zh-CN" ? "en" : "zh-CN"}
      onClick={() => {
        locale.value = locale.value === "zh-CN" ? "en" : "zh-CN";
      }}
    >
      {t("otherLanguage")}
    </button>
  </header>
);
