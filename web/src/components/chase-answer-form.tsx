/** A unit head's answer to an open chase: a labelled text field, once; a 409 said plainly. */
import { useSignal } from "@preact/signals";
import type { AnswerChaseRequest, Chase } from "#schemas/chase";
import { ApiError, api } from "../api";
import { t } from "../state";
import { ErrorMessage } from "./loaded";

interface Props {
  chase: Chase;
  onAnswered: () => void;
  /** The API refused (409: answered or changed meanwhile); the page says so and shows the latest. */
  onConflict: (message: string) => void;
}

export const ChaseAnswerForm = ({ chase, onAnswered, onConflict }: Props) => {
  const answer = useSignal("");
  const sending = useSignal(false);
  const error = useSignal<Error | null>(null);
  const fieldId = `chase-answer-${chase.id}`;
  const send = async (event: Event) => {
    event.preventDefault();
    sending.value = true;
    error.value = null;
    try {
      // The version seen: an answer given meanwhile (by a colleague, in another tab) is a 409, never overwritten.
      const body: AnswerChaseRequest = { answer: answer.value, version: chase.version };
      await api<Chase>(`/v1/chases/${encodeURIComponent(chase.id)}/answer`, { method: "POST", body });
      onAnswered();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) onConflict(failure.message);
      else error.value = failure instanceof Error ? failure : new Error(String(failure));
    } finally {
      sending.value = false;
    }
  };
  return (
    <form class="chase-answer" onSubmit={(e) => void send(e)}>
      <label for={fieldId}>{t("chasesAnswerLabel")}</label>
      <textarea
        id={fieldId}
        required
        maxLength={4000}
        rows={3}
        value={answer.value}
        onInput={(e) => (answer.value = e.currentTarget.value)}
      />
      <button type="submit" disabled={sending.value}>
        {t("chasesAnswerSend")}
      </button>
      {error.value && <ErrorMessage error={error.value} />}
    </form>
  );
};
