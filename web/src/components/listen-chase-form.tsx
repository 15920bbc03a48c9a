/** Raising a chase from a voice: a labelled question, then the chase created and a way to it. */
import { useSignal } from "@preact/signals";
import type { Chase, RaiseChaseRequest } from "#schemas/chase";
import { api } from "../api";
import { policy } from "../data";
import { dateTime } from "../format";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { ErrorMessage } from "./loaded";

export const ChaseForm = ({ signalId }: { signalId: string }) => {
  const open = useSignal(false);
  const question = useSignal("");
  const sending = useSignal(false);
  const raised = useSignal<Chase | null>(null);
  const error = useSignal<Error | null>(null);
  const fieldId = `chase-question-${signalId}`;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  if (raised.value)
    return (
      <p class="chase-raised" role="status">
        <span aria-hidden="true">✓</span>{" "}
        {t("listenChaseRaised", { due: dateTime(locale.value, raised.value.dueAt, zone) })}{" "}
        <a href={hrefOf({ page: "chases" })}>{t("listenChaseSee")}</a>
      </p>
    );
  if (!open.value)
    return (
      <button type="button" class="chase-open" onClick={() => (open.value = true)}>
        {t("listenChase")}
      </button>
    );
  const send = async (event: Event) => {
    event.preventDefault();
    sending.value = true;
    error.value = null;
    try {
      const body: RaiseChaseRequest = { signalId, question: question.value };
      raised.value = await api<Chase>("/v1/chases", { method: "POST", body });
    } catch (failure) {
      error.value = failure instanceof Error ? failure : new Error(String(failure));
    } finally {
      sending.value = false;
    }
  };
  return (
    <form class="chase-form" onSubmit={(e) => void send(e)}>
      <label for={fieldId}>{t("listenChaseQuestion")}</label>
      <textarea
        id={fieldId}
        required
        maxLength={2000}
        rows={2}
        value={question.value}
        onInput={(e) => (question.value = e.currentTarget.value)}
        aria-describedby={`${fieldId}-hint`}
      />
      <span id={`${fieldId}-hint`} class="note">
        {t("listenChaseHint", { days: policy.value?.chase.answerDays ?? 3 })}
      </span>
      <span class="chase-buttons">
        <button type="submit" disabled={sending.value}>
          {t("listenChaseSend")}
        </button>{" "}
        <button type="button" onClick={() => (open.value = false)}>
          {t("cancel")}
        </button>
      </span>
      {error.value && <ErrorMessage error={error.value} />}
    </form>
  );
};
