/**
 * A list read page by page through the API's opaque cursor ("Load more"): the first page is a
 * resource (designed loading, error and empty states); later pages are appended to it. Used by
 * listen-in, the chases, the quarantine and the notifications.
 */
import { type Signal, useSignal } from "@preact/signals";
import { type Resource, useResource } from "./resource";

export interface PageOf<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export interface Paged<P> {
  resource: Resource<P>;
  loadMore(): Promise<void>;
  loadingMore: Signal<boolean>;
  moreError: Signal<Error | null>;
}

/** Reads `read()` when `key` changes, and `read(cursor)` for each "Load more". */
export const usePaged = <T, P extends PageOf<T>>(
  key: string | null,
  read: (cursor?: string) => Promise<P>,
): Paged<P> => {
  const resource = useResource<P>(key, () => read());
  const loadingMore = useSignal(false);
  const moreError = useSignal<Error | null>(null);
  const loadMore = async (): Promise<void> => {
    const current = resource.state.value;
    const cursor = current.data?.nextCursor;
    if (current.phase !== "ready" || !cursor) return;
    loadingMore.value = true;
    moreError.value = null;
    try {
      const next = await read(cursor);
      // A reload or a new key since: this page belongs to a list no longer shown.
      if (resource.state.value === current)
        resource.state.value = {
          phase: "ready",
          data: { ...next, items: [...current.data.items, ...next.items] },
        };
    } catch (error) {
      moreError.value = error instanceof Error ? error : new Error(String(error));
    } finally {
      loadingMore.value = false;
    }
  };
  return { resource, loadMore, loadingMore, moreError };
};
