/**
 * The CCO team's draft of the next policy version: every setting as a labelled field, the what-if of
 * the draft on a quarter (which lines' flags would flip) shown before it may be saved, then
 * `PUT /v1/policy` with the version the draft started from as `expectedVersion`: a version saved by
 * someone else meanwhile is refused by the API (409) and said plainly (reload), never overwritten.
 */
import { useSignal } from "@preact/signals";
import type { Policy } from "#schemas/policy";
import { ApiError, api } from "../api";
import { policy as policyInForce } from "../data";
import { periods } from "../format";
import { changedPaths, draftOf, POLICY_FIELDS, patchOf, settingsOf } from "../policy-form";
import { t } from "../state";
import { type LocalErrors, SettingFields } from "./policy-fields";
import { useWhatIf, WhatIfResult, whatIfKey } from "./review-what-if";

type Saving =
  | { phase: "idle" }
  | { phase: "saving" }
  | { phase: "refused"; error: ApiError | Error }
  | { phase: "stale"; version: number };

export const PolicyEditor = ({
  current,
  onSaved,
  onReload,
}: {
  current: Policy;
  onSaved: (saved: Policy) => void;
  onReload: () => void;
}) => {
  const quarters = periods(current.timeZone).filter((p) => p.includes("-Q"));
  const draft = useSignal(draftOf(current));
  const quarter = useSignal(quarters[0] ?? "");
  const localErrors = useSignal<LocalErrors>({});
  const saving = useSignal<Saving>({ phase: "idle" });
  const whatIf = useWhatIf();
  const parsed = settingsOf(draft.value, current);
  const patch = parsed.ok ? patchOf(parsed.settings, current) : null;
  const changed = parsed.ok ? changedPaths(parsed.settings, current) : [];
  const state = whatIf.state.value;
  const shownForDraft =
    patch !== null && state.phase === "ready" && state.key === whatIfKey(quarter.value, patch);
  const refused = saving.value.phase === "refused" ? saving.value.error : null;
  const whatIfRefused =
    state.phase === "failed" && state.error instanceof ApiError ? state.error.details : [];
  const apiErrors = [
    ...(refused instanceof ApiError ? refused.details : []),
    ...whatIfRefused.map((d) => ({ ...d, path: d.path.replace(/^policy\./, "") })),
  ];

  const showWhatIf = () => {
    localErrors.value = parsed.ok ? {} : parsed.errors;
    if (patch) void whatIf.run(quarter.value, patch);
  };
  const save = async () => {
    if (!parsed.ok) return;
    saving.value = { phase: "saving" };
    try {
      const saved = await api<Policy>("/v1/policy", {
        method: "PUT",
        body: { ...parsed.settings, expectedVersion: current.version },
      });
      policyInForce.value = saved;
      saving.value = { phase: "idle" };
      onSaved(saved);
    } catch (error) {
      saving.value =
        error instanceof ApiError && error.status === 409
          ? { phase: "stale", version: current.version + 1 }
          : { phase: "refused", error: error instanceof Error ? error : new Error(String(error)) };
    }
  };

  return (
    <section id="policy-editor" aria-labelledby="policy-editor-title">
      <h3 id="policy-editor-title">{t("policyEditTitle", { version: current.version + 1 })}</h3>
      <p class="note">{t("policyEditIntro")}</p>
      <form
        id="policy-form"
        class="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          showWhatIf();
        }}
      >
        <SettingFields
          idPrefix="policy"
          legend={t("policyEditTitle", { version: current.version + 1 })}
          fields={POLICY_FIELDS}
          draft={draft}
          localErrors={localErrors.value}
          apiErrors={apiErrors}
          changed={changed}
        />
        <div class="policy-what-if-controls">
          <label>
            {t("policyWhatIfQuarter")}{" "}
            <select
              id="policy-what-if-quarter"
              value={quarter.value}
              onChange={(e) => (quarter.value = e.currentTarget.value)}
            >
              {quarters.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </label>{" "}
          <button
            id="policy-what-if"
            type="submit"
            disabled={state.phase === "running" || (parsed.ok && changed.length === 0)}
          >
            {t("reviewWhatIfRun")}
          </button>
        </div>
      </form>
      {changed.length === 0 && parsed.ok && <p class="note">{t("reviewNothingChanged")}</p>}
      <WhatIfResult state={state} onRetry={showWhatIf} />
      <div class="policy-save">
        <button
          id="policy-save"
          type="button"
          disabled={!shownForDraft || saving.value.phase === "saving"}
          aria-describedby={shownForDraft ? undefined : "policy-save-hint"}
          onClick={() => void save()}
        >
          {t(saving.value.phase === "saving" ? "policySaving" : "policySave", {
            version: current.version + 1,
          })}
        </button>{" "}
        <button
          id="policy-discard"
          type="button"
          onClick={() => {
            draft.value = draftOf(current);
            localErrors.value = {};
            saving.value = { phase: "idle" };
          }}
        >
          {t("policyDiscard")}
        </button>
        {!shownForDraft && (
          <p id="policy-save-hint" class="note">
            {t("policySaveNeedsWhatIf")}
          </p>
        )}
        {refused && (
          <p id="policy-refused" class="error" role="alert">
            {t("policyRefused", { message: refused.message })}{" "}
            {refused instanceof ApiError && refused.details.map((d) => `${d.path}: ${d.message}`).join("; ")}
          </p>
        )}
        {saving.value.phase === "stale" && (
          <div id="policy-stale" class="error" role="alert">
            <p>{t("policyStale", { version: saving.value.version })}</p>
            <button type="button" onClick={onReload}>
              {t("policyReload")}
            </button>
          </div>
        )}
      </div>
    </section>
  );
};
