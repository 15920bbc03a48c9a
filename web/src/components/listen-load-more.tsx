/** The "Load more" button under a paged list, with how many are shown and what went wrong. */
import type { Paged } from "../listen-paged";
import { t } from "../state";
import { ErrorMessage } from "./loaded";

export const LoadMore = ({
  paged,
  nextCursor,
  shown,
  label,
  id,
}: {
  paged: Pick<Paged<unknown>, "loadMore" | "loadingMore" | "moreError">;
  nextCursor: string | undefined;
  /** "12 voices shown", in the page's words. */
  shown: string;
  label: string;
  id: string;
}) => (
  <div class="load-more">
    <p class="note" aria-live="polite">
      {shown} {nextCursor ? "" : t("listenAllShown")}
    </p>
    {paged.moreError.value && (
      <ErrorMessage error={paged.moreError.value} onRetry={() => void paged.loadMore()} />
    )}
    {nextCursor && (
      <button id={id} type="button" disabled={paged.loadingMore.value} onClick={() => void paged.loadMore()}>
        {paged.loadingMore.value ? t("loading") : label}
      </button>
    )}
  </div>
);
