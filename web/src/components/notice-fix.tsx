/**
 * The fix plan: as submitted (root cause, then each action with its owner and due date), and the
 * form that writes one for `submit-fix`, every field labelled and the rows added or removed by button.
 */
import type { Signal } from "@preact/signals";
import type { Notice } from "#schemas/notice";
import { policy } from "../data";
import { dateTime } from "../format";
import { emptyAction, type FixDraft } from "../notice-view";
import { locale, t } from "../state";

type Fix = NonNullable<Notice["fix"]>;

export const FixPlanView = ({ fix }: { fix: Fix }) => (
  <section id="notice-fix" aria-labelledby="notice-fix-title">
    <h3 id="notice-fix-title">{t("noticeFixTitle")}</h3>
    <p class="note">
      {t("noticeFixBy", {
        who: fix.submittedBy,
        at: dateTime(locale.value, fix.submittedAt, policy.value?.timeZone ?? "Asia/Shanghai"),
      })}
    </p>
    <h4>{t("noticeRootCause")}</h4>
    <p class="notice-root-cause">{fix.rootCause}</p>
    <table class="notice-fix-actions">
      <caption>{t("noticeFixActions")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("noticeFixWhat")}</th>
          <th scope="col">{t("noticeFixOwner")}</th>
          <th scope="col">{t("noticeFixDue")}</th>
        </tr>
      </thead>
      <tbody>
        {fix.actions.map((a, i) => (
          <tr key={i}>
            <td>{a.description}</td>
            <td>{a.owner}</td>
            <td>{a.dueDate}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

/** The fields of a fix plan; the surrounding action form sends it. */
export const FixPlanFields = ({ draft }: { draft: Signal<FixDraft> }) => {
  const d = draft.value;
  const setRow = (i: number, field: keyof FixDraft["actions"][number], value: string) => {
    draft.value = { ...d, actions: d.actions.map((a, j) => (j === i ? { ...a, [field]: value } : a)) };
  };
  return (
    <fieldset class="notice-fix-form">
      <legend>{t("noticeFixTitle")}</legend>
      <label for="fix-root-cause">{t("noticeRootCause")}</label>
      <textarea
        id="fix-root-cause"
        rows={3}
        maxLength={2000}
        value={d.rootCause}
        onInput={(e) => {
          draft.value = { ...d, rootCause: e.currentTarget.value };
        }}
      />
      <ol class="notice-fix-rows">
        {d.actions.map((a, i) => {
          const row = i + 1;
          return (
            <li key={i} class="notice-fix-row">
              <label>
                <span class="visually-hidden">{t("noticeFixWhatRow", { row })}</span>
                <span aria-hidden="true">{t("noticeFixWhat")}</span>
                <input
                  class="fix-what"
                  maxLength={1000}
                  value={a.description}
                  onInput={(e) => setRow(i, "description", e.currentTarget.value)}
                />
              </label>
              <label>
                <span class="visually-hidden">{t("noticeFixOwnerRow", { row })}</span>
                <span aria-hidden="true">{t("noticeFixOwner")}</span>
                <input
                  class="fix-owner"
                  maxLength={200}
                  value={a.owner}
                  onInput={(e) => setRow(i, "owner", e.currentTarget.value)}
                />
              </label>
              <label>
                <span class="visually-hidden">{t("noticeFixDueRow", { row })}</span>
                <span aria-hidden="true">{t("noticeFixDue")}</span>
                <input
                  class="fix-due"
                  type="date"
                  value={a.dueDate}
                  onInput={(e) => setRow(i, "dueDate", e.currentTarget.value)}
                />
              </label>
              {d.actions.length > 1 && (
                <button
                  type="button"
                  class="fix-remove"
                  aria-label={t("noticeFixRemove", { row })}
                  onClick={() => {
                    draft.value = { ...d, actions: d.actions.filter((_, j) => j !== i) };
                  }}
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {d.actions.length < 20 && (
        <button
          type="button"
          id="fix-add"
          onClick={() => {
            draft.value = { ...d, actions: [...d.actions, emptyAction()] };
          }}
        >
          {t("noticeFixAdd")}
        </button>
      )}
    </fieldset>
  );
};
