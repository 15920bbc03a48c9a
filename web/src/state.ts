/** The page's state as signals: who is signed in, in which language, and the period shown. */
import { computed, effect, signal } from "@preact/signals";
import { type Locale, type MessageKey, pickLocale, translate } from "./i18n";

const stored = (storage: Storage, key: string): string | null => {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
};
const remember = (storage: Storage, key: string, value: string | null) => {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the value lives in memory only.
  }
};

const savedLocale = stored(localStorage, "locale");
export const locale = signal<Locale>(
  savedLocale === "en" || savedLocale === "zh-CN" ? savedLocale : pickLocale(navigator.language),
);
/** The dev token: in memory and session storage, never in a URL. */
export const token = signal<string | null>(stored(sessionStorage, "token"));
export const role = signal<string | null>(stored(sessionStorage, "role"));
/** A bu-head's units (what the token grants); empty for the other roles. */
export const units = signal<string[]>(JSON.parse(stored(sessionStorage, "units") ?? "[]") as string[]);
/** A quarter (`2026-Q4`) or a year; chosen once the policy's time zone is known. */
export const period = signal<string | null>(null);
type Vars = Readonly<Record<string, string | number>>;

/** The status line (what is loading, who is signed in, what went wrong), shown in the current language. */
export const status = signal<{ key: MessageKey; vars?: Vars } | null>(null);

effect(() => remember(localStorage, "locale", locale.value));
effect(() => remember(sessionStorage, "token", token.value));
effect(() => remember(sessionStorage, "role", role.value));
effect(() => remember(sessionStorage, "units", JSON.stringify(units.value)));

/** Translates in the current locale; reading it in a component re-renders that component on a switch. */
export const t = (key: MessageKey, vars?: Vars): string => translate(locale.value, key, vars);

export const isZh = computed(() => locale.value === "zh-CN");
