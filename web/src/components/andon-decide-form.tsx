/** The CCO team's decision on a raised Andon: confirm, or dismiss with a reason (the API names a missing one). */
import { useSignal } from "@preact/signals";
import type { Andon, AndonAction, AndonActionRequest } from "#schemas/andon";
import { ApiError, api } from "../api";
import { t } from "../state";
import { ErrorMessage } from "./loaded";

export const AndonDecideForm = ({
  andon,
  onDecided,
}: {
  andon: Andon;
  onDecided: (andon: Andon) => void;
}) => {
  const comment = useSignal("");
  const sending = useSignal(false);
  const error = useSignal<Error | null>(null);
  const fieldId = `andon-comment-${andon.id}`;
  const decide = async (action: AndonAction) => {
    sending.value = true;
    error.value = null;
    try {
      // Sent as typed, even blank: the API is the one judge of what a dismissal needs, and says which field.
      const body: AndonActionRequest = {
        action,
        version: andon.version,
        ...(comment.value ? { comment: comment.value } : {}),
      };
      onDecided(
        await api<Andon>(`/v1/andons/${encodeURIComponent(andon.id)}/actions`, { method: "POST", body }),
      );
    } catch (failure) {
      error.value = failure instanceof Error ? failure : new Error(String(failure));
    } finally {
      sending.value = false;
    }
  };
  const fields = error.value instanceof ApiError ? error.value.details : [];
  const commentWrong = fields.some((f) => f.path === "comment");
  return (
    <form class="andon-decide" onSubmit={(e) => e.preventDefault()}>
      <label for={fieldId}>{t("andonsComment")}</label>
      <textarea
        id={fieldId}
        rows={2}
        maxLength={2000}
        value={comment.value}
        aria-invalid={commentWrong}
        aria-describedby={commentWrong ? `${fieldId}-error` : undefined}
        onInput={(e) => (comment.value = e.currentTarget.value)}
      />
      <span class="andon-buttons">
        <button
          type="button"
          class="andon-confirm"
          disabled={sending.value}
          onClick={() => void decide("confirm")}
        >
          {t("andonsConfirm")}
        </button>{" "}
        <button
          type="button"
          class="andon-dismiss"
          disabled={sending.value}
          onClick={() => void decide("dismiss")}
        >
          {t("andonsDismiss")}
        </button>
      </span>
      {error.value && (
        <div id={`${fieldId}-error`} class="andon-error">
          <ErrorMessage error={error.value} />
          {fields.length > 0 && (
            <ul class="error field-errors">
              {fields.map((f) => (
                <li key={f.path}>
                  <span aria-hidden="true">⚠ </span>
                  {t("andonsFieldError", { field: f.path, message: f.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
};
