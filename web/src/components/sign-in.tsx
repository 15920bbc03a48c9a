/**
 * The landing page for a signed-out visitor: what Strawberry is, and locally a role picker that gets
 * a dev token (a unit head picks the units they head from the catalog's list).
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { BusinessUnit } from "#schemas/catalog";
import { api } from "../api";
import { signIn } from "../data";
import { localName } from "../names";
import { t } from "../state";

const ROLES = ["cco", "bu-head", "executive"] as const;
const ROLE_LABEL = { cco: "roleCco", "bu-head": "roleBuHead", executive: "roleExecutive" } as const;

export const SignIn = () => {
  const chosen = useSignal<(typeof ROLES)[number]>("cco");
  const unitList = useSignal<BusinessUnit[] | null>(null);
  const picked = useSignal<string[]>([]);
  useEffect(() => {
    api<{ businessUnits: BusinessUnit[] }>("/v1/dev/units")
      .then((answer) => {
        unitList.value = answer.businessUnits;
      })
      .catch(() => {
        unitList.value = [];
      });
  }, []);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void signIn(chosen.value, chosen.value === "bu-head" ? picked.value : []);
  };
  return (
    <section id="landing" aria-labelledby="landing-title">
      <h2 id="landing-title">{t("landingTitle")}</h2>
      <p>{t("landingWhat")}</p>
      <form id="signin" onSubmit={submit}>
        <fieldset>
          <legend>{t("role")}</legend>
          {ROLES.map((r) => (
            <label key={r} class="choice">
              <input
                type="radio"
                name="role"
                value={r}
                checked={chosen.value === r}
                onChange={() => {
                  chosen.value = r;
                }}
              />{" "}
              {t(ROLE_LABEL[r])}
            </label>
          ))}
        </fieldset>
        {chosen.value === "bu-head" && (
          <label id="units-label">
            {t("units")}
            <select
              name="units"
              multiple
              size={Math.min(6, Math.max(2, unitList.value?.length ?? 2))}
              onChange={(e) => {
                picked.value = Array.from(e.currentTarget.selectedOptions, (o) => o.value);
              }}
            >
              {(unitList.value ?? []).map((u) => (
                <option key={u.id} value={u.id} selected={picked.value.includes(u.id)}>
                  {localName(u)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" disabled={chosen.value === "bu-head" && picked.value.length === 0}>
          {t("signIn")}
        </button>
      </form>
    </section>
  );
};
