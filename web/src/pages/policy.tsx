/**
 * The policy page (`#/policy`): the version in force for everyone signed in — each setting with its
 * meaning, who saved it when — an older version beside it on request, and for the CCO team the draft
 * of the next version with its what-if before saving.
 */
import { useSignal } from "@preact/signals";
import type { Policy } from "#schemas/policy";
import { api } from "../api";
import { can } from "../can";
import { Loaded } from "../components/loaded";
import { PolicyEditor } from "../components/policy-editor";
import { PolicyTable } from "../components/policy-table";
import { dateTime } from "../format";
import { useResource } from "../resource";
import { locale, t, token } from "../state";

const OlderPicker = ({ current, chosen }: { current: Policy; chosen: { value: number | null } }) =>
  current.version <= 1 ? (
    <p class="note">{t("policyOlderNone")}</p>
  ) : (
    <label>
      {t("policyOlder")}{" "}
      <select
        id="policy-older"
        value={chosen.value === null ? "" : String(chosen.value)}
        onChange={(e) => (chosen.value = e.currentTarget.value === "" ? null : Number(e.currentTarget.value))}
      >
        <option value="">–</option>
        {Array.from({ length: current.version - 1 }, (_, i) => current.version - 1 - i).map((v) => (
          <option key={v} value={String(v)}>
            {t("policyOlderColumn", { version: v })}
          </option>
        ))}
      </select>
    </label>
  );

const InForce = ({ current }: { current: Policy }) => (
  <p id="policy-in-force">
    {current.updatedAt
      ? t("policyInForce", {
          version: current.version,
          by: current.updatedBy ?? "–",
          at: dateTime(locale.value, current.updatedAt, current.timeZone),
        })
      : t("policyDefaultInForce", { version: current.version })}
  </p>
);

export const PolicyPage = () => {
  const reads = useSignal(0);
  const current = useResource(token.value ? `policy|${reads.value}` : null, () => api<Policy>("/v1/policy"));
  const olderVersion = useSignal<number | null>(null);
  const older = useResource(olderVersion.value === null ? null : `older|${olderVersion.value}`, () =>
    api<Policy>(`/v1/policy/versions/${olderVersion.value}`),
  );
  const editing = useSignal(false);
  const saved = useSignal<number | null>(null);
  if (!token.value) return <p class="empty">{t("signInFirst")}</p>;
  const mayWrite = can("policy.write");
  const olderShown =
    olderVersion.value !== null && older.state.value.phase === "ready" ? older.state.value.data : undefined;
  return (
    <section id="policy-section" aria-labelledby="policy-title">
      <div class="toolbar">
        <h2 id="policy-title">{t("policyTitle")}</h2>
      </div>
      <Loaded resource={current}>
        {(policy) => (
          <>
            <InForce current={policy} />
            {saved.value !== null && saved.value === policy.version && (
              <p id="policy-saved" role="status" class="policy-saved">
                <span aria-hidden="true">✔ </span>
                {t("policySaved", { version: policy.version })}
              </p>
            )}
            <OlderPicker current={policy} chosen={olderVersion} />
            {olderVersion.value !== null && older.state.value.phase !== "ready" && (
              <Loaded resource={older}>{() => null}</Loaded>
            )}
            <PolicyTable
              policy={policy}
              older={olderShown?.version === olderVersion.value ? olderShown : undefined}
            />
            {!mayWrite && <p class="note">{t("policyReadOnly")}</p>}
            {mayWrite &&
              (editing.value ? (
                <PolicyEditor
                  key={policy.version}
                  current={policy}
                  onSaved={(next) => {
                    saved.value = next.version;
                    editing.value = false;
                    reads.value += 1;
                  }}
                  onReload={() => {
                    editing.value = false;
                    reads.value += 1;
                  }}
                />
              ) : (
                <button id="policy-edit" type="button" onClick={() => (editing.value = true)}>
                  {t("policyEdit")}
                </button>
              ))}
          </>
        )}
      </Loaded>
    </section>
  );
};
