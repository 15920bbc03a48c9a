/**
 * The policy's settings as a table: each setting, its value (a share also as a percent) and what it
 * means in words; with an older version beside it, the settings that differ are marked in words.
 */
import type { Policy } from "#schemas/policy";
import { number, percent } from "../format";
import { POLICY_FIELDS, type SettingField, valueAt } from "../policy-form";
import { locale, t } from "../state";

/** A setting's value as a person reads it: 0.95 as `95%`, counts grouped, the zone as is. */
export const shownValue = (field: SettingField, policy: Policy): string => {
  const value = valueAt(policy, field.path);
  if (typeof value === "string") return value;
  const loc = locale.value;
  return field.kind === "share" ? percent(loc, value) : number(loc, value, 2);
};

export const PolicyTable = ({ policy, older }: { policy: Policy; older?: Policy | undefined }) => (
  <table id="policy-table">
    <caption>{t("policyCaption", { version: policy.version })}</caption>
    <thead>
      <tr>
        <th scope="col">{t("policySetting")}</th>
        <th scope="col" class="num">
          {t("policyValue")}
        </th>
        {older && (
          <th scope="col" class="num">
            {t("policyOlderColumn", { version: older.version })}
          </th>
        )}
        <th scope="col">{t("policyMeaning")}</th>
      </tr>
    </thead>
    <tbody>
      {POLICY_FIELDS.map((field) => {
        const differs = older !== undefined && valueAt(older, field.path) !== valueAt(policy, field.path);
        return (
          <tr key={field.path} data-setting={field.path} class={differs ? "differs" : ""}>
            <th scope="row">{t(field.label)}</th>
            <td class="num policy-value">{shownValue(field, policy)}</td>
            {older && (
              <td class="num policy-older">
                {shownValue(field, older)}
                {differs && <span class="policy-changed"> ✎ {t("policyChanged")}</span>}
              </td>
            )}
            <td class="note">{t(field.meaning)}</td>
          </tr>
        );
      })}
    </tbody>
  </table>
);
