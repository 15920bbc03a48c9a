/**
 * The application: the header, the status line and the page the hash names, each page its own chunk
 * loaded on first visit. Signed out, every address shows the landing page (and, after signing in,
 * the page it named). The stage view fills the screen alone, without the header.
 */
import { signal, useSignalEffect } from "@preact/signals";
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { Header } from "./components/header";
import { SignIn } from "./components/sign-in";
import { loadReference } from "./data";
import { PAGES } from "./pages/index";
import { type PageName, route } from "./router";
import { locale, status, t, token } from "./state";

const loaded = signal<Partial<Record<PageName, ComponentType>>>({});

const Status = () => {
  const current = status.value;
  return (
    <p id="status" role="status">
      {current ? t(current.key, current.vars) : ""}
    </p>
  );
};

const Page = () => {
  const name = route.value.page;
  const Component = loaded.value[name];
  useEffect(() => {
    if (Component) return;
    PAGES[name]
      .load()
      .then((page) => {
        loaded.value = { ...loaded.value, [name]: page };
      })
      .catch((error: unknown) => {
        status.value = {
          key: "failed",
          vars: { message: error instanceof Error ? error.message : String(error) },
        };
      });
  }, [name, Component]);
  return Component ? <Component /> : <p class="loading">{t("loading")}</p>;
};

export const App = () => {
  useSignalEffect(() => {
    document.documentElement.lang = locale.value;
    document.title = t("title");
  });
  useSignalEffect(() => {
    if (token.value) void loadReference();
  });
  if (token.value && route.value.page === "stage") return <Page />;
  return (
    <>
      <Header />
      <main>
        <Status />
        {token.value ? <Page /> : <SignIn />}
      </main>
    </>
  );
};
