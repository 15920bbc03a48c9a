/** The page: header, status line, the product lines and (for the CCO team) the quarantine. */
import { useSignalEffect } from "@preact/signals";
import { Header } from "./components/header";
import { Lines } from "./components/lines";
import { Quarantine } from "./components/quarantine";
import { locale, status, t } from "./state";

const Status = () => {
  const current = status.value;
  return (
    <p id="status" role="status">
      {current ? t(current.key, current.vars) : ""}
    </p>
  );
};

export const App = () => {
  useSignalEffect(() => {
    document.documentElement.lang = locale.value;
    document.title = t("title");
  });
  return (
    <>
      <Header />
      <main>
        <Status />
        <Lines />
        <Quarantine />
      </main>
    </>
  );
};
