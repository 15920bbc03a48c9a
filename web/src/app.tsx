/**
 * The application: the header, the status line and the page the hash names, each page its own chunk
 * loaded on first visit. The stage view fills the screen alone, without the header.
 */
import { signal, useSignalEffect } from "@preact/signals";
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { Header } from "./components/header";
import { type Route, route } from "./router";
import { locale, status, t } from "./state";

type PageName = Route["page"];

const PAGES: Record<PageName, () => Promise<ComponentType>> = {
  rankings: () => import("./pages/rankings").then((m) => m.RankingsPage),
  awards: () => import("./pages/awards").then((m) => m.AwardsPage),
  stage: () => import("./pages/stage").then((m) => m.StagePage),
};

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
    PAGES[name]()
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
  if (route.value.page === "stage") return <Page />;
  return (
    <>
      <Header />
      <main>
        <Status />
        <Page />
      </main>
    </>
  );
};
