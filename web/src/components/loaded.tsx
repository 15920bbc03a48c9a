/**
 * The designed states of anything read from the API: loading, the API's message with what to do when
 * it failed, an empty state that says what would fill it, and otherwise the content.
 */
import type { ComponentChildren } from "preact";
import { ApiError } from "../api";
import type { Resource } from "../resource";
import { t } from "../state";

export const ErrorMessage = ({ error, onRetry }: { error: Error; onRetry?: () => void }) => {
  const hint =
    error instanceof ApiError && error.status === 401
      ? t("errorSignIn")
      : error instanceof ApiError && error.status === 403
        ? t("errorForbidden")
        : error instanceof ApiError && error.status === 404
          ? t("errorNotFound")
          : t("errorRetry");
  return (
    <div class="error" role="alert">
      <p>{t("failed", { message: error.message })}</p>
      <p class="note">{hint}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
};

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="empty">{children}</p>;

interface LoadedProps<T> {
  resource: Resource<T>;
  /** Whether the data holds nothing to show; `emptyText` then says what would fill it. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ComponentChildren;
}

export const Loaded = <T,>({ resource, isEmpty, emptyText, children }: LoadedProps<T>) => {
  const current = resource.state.value;
  if (current.phase === "failed")
    return (
      <>
        <ErrorMessage error={current.error} onRetry={() => void resource.reload()} />
        {current.data !== undefined && children(current.data)}
      </>
    );
  if (current.data === undefined)
    return (
      <p class="loading" aria-busy="true">
        {t("loading")}
      </p>
    );
  if (isEmpty?.(current.data)) return <Empty>{emptyText ?? t("empty")}</Empty>;
  return <>{children(current.data)}</>;
};
