/**
 * The home page: each role opens on its own question (docs: DASHBOARD.md). The quarters come from
 * the policy's time zone, so the blocks wait for the policy before reading anything.
 */

import { BuHeadHome } from "../components/home-bu-head";
import { CcoHome } from "../components/home-cco";
import { ExecutiveHome } from "../components/home-executive";
import { policy } from "../data";
import { periods } from "../format";
import { role, t } from "../state";

const QUESTION = {
  cco: "homeCcoQuestion",
  "bu-head": "homeBuHeadQuestion",
  executive: "homeExecutiveQuestion",
} as const;

export const HomePage = () => {
  const current = policy.value;
  const who = role.value;
  if (!current || !(who === "cco" || who === "bu-head" || who === "executive"))
    return (
      <p class="loading" aria-busy="true">
        {t("loading")}
      </p>
    );
  const [thisQuarter = "", lastQuarter = ""] = periods(current.timeZone);
  return (
    <section id="home" class={`home home-${who}`} aria-labelledby="home-title">
      <h2 id="home-title">{t(QUESTION[who])}</h2>
      {who === "cco" && <CcoHome current={thisQuarter} previous={lastQuarter} />}
      {who === "bu-head" && <BuHeadHome current={thisQuarter} />}
      {who === "executive" && <ExecutiveHome current={thisQuarter} />}
    </section>
  );
};
