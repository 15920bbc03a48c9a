/**
 * A page's read of the API as a signal: loading, then the data or the error, read again when its
 * key changes (a period, an id) or on `reload()` after an action (which keeps the data shown while it
 * reads, where a new key starts from nothing). Answers that arrive after a newer
 * read began are dropped, so a fast click never shows an older answer last.
 */
import { type Signal, useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";

export type ResourceState<T> =
  | { phase: "loading"; data?: T }
  | { phase: "ready"; data: T }
  | { phase: "failed"; error: Error; data?: T };

export interface Resource<T> {
  state: Signal<ResourceState<T>>;
  reload(): Promise<void>;
}

/** Reads `load()` now and whenever `key` changes; `key` null means nothing to read yet. */
export const useResource = <T>(key: string | null, load: () => Promise<T>): Resource<T> => {
  const state = useSignal<ResourceState<T>>({ phase: "loading" });
  const generation = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const readKey = useRef<string | null>(null);
  const reload = async (): Promise<void> => {
    const mine = ++generation.current;
    // A reload keeps showing what it replaces; another key (another notice, say) never shows the last one's.
    const previous = readKey.current === key ? state.value.data : undefined;
    readKey.current = key;
    state.value = previous === undefined ? { phase: "loading" } : { phase: "loading", data: previous };
    try {
      const data = await loader.current();
      if (mine === generation.current) state.value = { phase: "ready", data };
    } catch (error) {
      if (mine === generation.current)
        state.value = {
          phase: "failed",
          error: error instanceof Error ? error : new Error(String(error)),
          ...(previous === undefined ? {} : { data: previous }),
        };
    }
  };
  useEffect(() => {
    if (key !== null) void reload();
  }, [key]);
  return { state, reload };
};
