/**
 * The landing page for a signed-out visitor: what Strawberry is, and how to sign in: deployed, with
 * the company account (Cognito's hosted UI, named by config.json); locally, a role picker that gets a
 * dev token (a unit head picks the units they head from the catalog's list).
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { BusinessUnit } from "#schemas/catalog";
import { api } from "../api";
import { companySignIn, completing, sessionEnded, startCompanySignIn } from "../auth";
import { signIn } from "../data";
import { localName } from "../names";
import { t } from "../state";

const ROLES = ["cco", "bu-head", "executive"] as const;
const ROLE_LABEL = { cco: "roleCco", "bu-head": "roleBuHead", executive: "roleExecutive" } as const;

/**
 * Deployed: one button to the hosted UI (PKCE), or a line saying the return is being completed; after
 * a session that could not be renewed, first why the person is back here. Not on the status line: a
 * read that the ending session made fail may write its own error there afterwards.
 */
const CompanySignIn = () =>
  completing.value ? (
    <p class="loading" aria-busy="true">
      {t("homeSigningIn")}
    </p>
  ) : (
    <div id="company-sign-in-box">
      {sessionEnded.value && (
        <p id="session-ended" class="error" role="alert">
          {t("homeSessionEnded")}
        </p>
      )}
      <button
        id="company-sign-in"
        type="button"
        class="company-sign-in"
        onClick={() => void startCompanySignIn()}
      >
        {t("homeSignInCompany")}
      </button>
      <p class="note">{t("homeSignInCompanyNote")}</p>
    </div>
  );

export const SignIn = () => (
  <section id="landing" aria-labelledby="landing-title">
    <h2 id="landing-title">{t("landingTitle")}</h2>
    <p>{t("landingWhat")}</p>
    {companySignIn.value === undefined ? (
      <p class="loading" aria-busy="true">
        {t("loading")}
      </p>
    ) : companySignIn.value ? (
      <CompanySignIn />
    ) : (
      <RolePicker />
    )}
  </section>
);

/** Local only: a dev token for the chosen role (and, for a unit head, the units picked). */
const RolePicker = () => {
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
  );
};
