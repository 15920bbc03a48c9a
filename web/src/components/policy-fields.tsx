/**
 * Labelled inputs for policy settings (the policy page's draft and the review page's what-if): each
 * with its meaning, its range, a share also as a percent, and what is wrong with it — the local
 * "not a number" or the API's own words for the field it named in a 400.
 */
import type { Signal } from "@preact/signals";
import type { FieldError } from "#schemas/error";
import { number, percent } from "../format";
import type { Draft, SettingField, SettingPath } from "../policy-form";
import { locale, t } from "../state";

export type LocalErrors = Partial<Record<SettingPath, "notNumber" | "notWhole">>;

interface Props {
  /** Makes ids unique when two forms share a page. */
  idPrefix: string;
  legend: string;
  fields: readonly SettingField[];
  draft: Signal<Draft>;
  localErrors: LocalErrors;
  apiErrors: readonly FieldError[];
  /** Settings differing from the version in force, marked beside their input. */
  changed: readonly SettingPath[];
}

const Hint = ({ field, text }: { field: SettingField; text: string | undefined }) => {
  const loc = locale.value;
  const share =
    field.kind === "share" && text !== undefined && Number.isFinite(Number(text)) && text.trim() !== "";
  const range =
    field.min !== undefined && field.max !== undefined
      ? t("policyRange", { min: number(loc, field.min), max: number(loc, field.max) })
      : "";
  return (
    <>
      {share && (
        <span class="policy-percent">{t("policyAsPercent", { percent: percent(loc, Number(text)) })}</span>
      )}
      {range && <span class="note"> ({range})</span>}
    </>
  );
};

export const SettingFields = ({
  idPrefix,
  legend,
  fields,
  draft,
  localErrors,
  apiErrors,
  changed,
}: Props) => (
  <fieldset class="policy-fields">
    <legend>{legend}</legend>
    {fields.map((field) => {
      const id = `${idPrefix}-${field.path.replace(".", "-")}`;
      const text = draft.value[field.path];
      const local = localErrors[field.path];
      const remote = apiErrors.filter((e) => e.path === field.path).map((e) => e.message);
      const problem = local
        ? t(local === "notNumber" ? "reviewFieldNotNumber" : "reviewFieldNotWhole")
        : remote.join(" ");
      const isChanged = changed.includes(field.path);
      return (
        <div key={field.path} class={`policy-field${isChanged ? " changed" : ""}`}>
          <label for={id}>{t(field.label)}</label>
          <div class="policy-input">
            <input
              id={id}
              name={field.path}
              type="text"
              inputMode={field.kind === "zone" ? "text" : field.kind === "whole" ? "numeric" : "decimal"}
              value={text ?? ""}
              aria-invalid={problem ? "true" : undefined}
              aria-describedby={`${id}-meaning${problem ? ` ${id}-problem` : ""}`}
              onInput={(e) => {
                draft.value = { ...draft.value, [field.path]: e.currentTarget.value };
              }}
            />
            <Hint field={field} text={text} />
            {isChanged && <span class="policy-changed"> ✎ {t("policyChanged")}</span>}
          </div>
          <p id={`${id}-meaning`} class="note">
            {t(field.meaning)}
          </p>
          {problem && (
            <p id={`${id}-problem`} class="error field-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      );
    })}
  </fieldset>
);
