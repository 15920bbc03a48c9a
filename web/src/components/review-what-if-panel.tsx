/**
 * The review page's what-if: the review settings of the policy in force as a draft, and the quarter
 * dry-run with the changed ones beside the current outcome. Saving a new policy is the policy page's.
 */
import { useSignal } from "@preact/signals";
import type { Policy } from "#schemas/policy";
import { ApiError } from "../api";
import { changedPaths, draftOf, patchOf, REVIEW_FIELDS, settingsOf } from "../policy-form";
import { t } from "../state";
import { type LocalErrors, SettingFields } from "./policy-fields";
import { useWhatIf, WhatIfResult } from "./review-what-if";

export const ReviewWhatIfPanel = ({ quarter, current }: { quarter: string; current: Policy }) => {
  const draft = useSignal(draftOf(current, REVIEW_FIELDS));
  const localErrors = useSignal<LocalErrors>({});
  const nothing = useSignal(false);
  const whatIf = useWhatIf();
  const parsed = settingsOf(draft.value, current);
  const changed = parsed.ok ? changedPaths(parsed.settings, current) : [];
  const state = whatIf.state.value;
  // The API names a what-if's fields under `policy.`; the inputs are named as the policy's own.
  const apiErrors =
    state.phase === "failed" && state.error instanceof ApiError
      ? state.error.details.map((d) => ({ ...d, path: d.path.replace(/^policy\./, "") }))
      : [];
  const show = () => {
    const result = settingsOf(draft.value, current);
    localErrors.value = result.ok ? {} : result.errors;
    if (!result.ok) return;
    const patch = patchOf(result.settings, current);
    nothing.value = Object.keys(patch).length === 0;
    if (!nothing.value) void whatIf.run(quarter, patch);
  };
  return (
    <section id="what-if" aria-labelledby="what-if-title" class="review-what-if">
      <h3 id="what-if-title">{t("reviewWhatIf")}</h3>
      <p class="note">{t("reviewWhatIfIntro", { quarter })}</p>
      <form
        id="what-if-form"
        class="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
      >
        <SettingFields
          idPrefix="what-if"
          legend={t("reviewSettings")}
          fields={REVIEW_FIELDS}
          draft={draft}
          localErrors={localErrors.value}
          apiErrors={apiErrors}
          changed={changed}
        />
        <button id="what-if-run" type="submit" disabled={state.phase === "running"}>
          {t("reviewWhatIfRun")}
        </button>
      </form>
      {nothing.value && <p class="note">{t("reviewNothingChanged")}</p>}
      <WhatIfResult state={state} onRetry={show} />
    </section>
  );
};
