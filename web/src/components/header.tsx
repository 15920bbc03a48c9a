/**
 * The header: the title, the pages this user may open, the unread notifications, who is signed in
 * (and signing out), and the language switch.
 */
import { can } from "../can";
import { signOut } from "../data";
import { PAGES } from "../pages/index";
import { hrefOf, type PageName, route } from "../router";
import { locale, role, t, token } from "../state";
import { unread } from "../unread";

/** Which nav entry a page belongs under (a notice under the notices, the stage under the awards). */
const SECTION: Partial<Record<PageName, PageName>> = { notice: "notices", stage: "awards", line: "rankings" };

const Nav = () => {
  const current = route.value.page;
  const section = SECTION[current] ?? current;
  const entries = (Object.keys(PAGES) as PageName[]).filter((name) => {
    const nav = PAGES[name].nav;
    return nav !== undefined && can(nav.needs);
  });
  return (
    <nav aria-label={t("nav")}>
      {entries.map((name) => (
        <a
          key={name}
          href={hrefOf({ page: name } as Parameters<typeof hrefOf>[0])}
          aria-current={section === name ? "page" : undefined}
        >
          {t(PAGES[name].nav?.label ?? "navHome")}
        </a>
      ))}
    </nav>
  );
};

const Unread = () => {
  const count = unread.value;
  return (
    <a id="unread" href={hrefOf({ page: "notifications" })} class={count ? "unread has" : "unread"}>
      {t("navNotifications")}
      <span class="count">{count === null ? "" : ` ${count}`}</span>
      <span class="visually-hidden">{count ? t("unreadCount", { count }) : ""}</span>
    </a>
  );
};

export const Header = () => (
  <header>
    <h1>
      <a href="#/" class="home-link">
        <span aria-hidden="true">🍓</span> <span>{t("title")}</span>
      </a>
    </h1>
    {token.value && <Nav />}
    {token.value && <Unread />}
    {token.value && (
      <span class="who">
        {t("signedInAs", { role: role.value ?? "" })}{" "}
        <button type="button" id="signout" onClick={signOut}>
          {t("signOut")}
        </button>
      </span>
    )}
    <button
      id="lang"
      type="button"
      title={t("languageLabel")}
      lang={locale.value === "zh-CN" ? "en" : "zh-CN"}
      onClick={() => {
        locale.value = locale.value === "zh-CN" ? "en" : "zh-CN";
      }}
    >
      {t("otherLanguage")}
    </button>
  </header>
);
