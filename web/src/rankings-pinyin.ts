/**
 * Pinyin search (`kqjhq` finds 空气净化器), loaded only when someone types in the search box: the
 * pinyin-match library (MIT, ~20 KB gzipped, simplified characters with their several readings, so
 * 银行 is found by `yh`) stays in a chunk of its own and off every page's first load.
 */
import { signal } from "@preact/signals";
import type { PinyinMatch } from "./rankings-view";

/** The matcher once loaded; null until then (the search then matches names as typed). */
export const pinyinMatch = signal<PinyinMatch | null>(null);

let loading: Promise<void> | null = null;

export const loadPinyin = (): Promise<void> => {
  loading ??= import("pinyin-match")
    .then(({ default: library }) => {
      pinyinMatch.value = (name, query) => library.match(name, query) !== false;
    })
    .catch(() => {
      // Offline or blocked: search by name still works; try again on the next keystroke.
      loading = null;
    });
  return loading;
};
