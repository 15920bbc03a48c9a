/**
 * Every visible string of the dashboard in zh-CN and en. Both are written first, neither is a
 * translation afterthought; `{name}` marks a value filled in by the caller (numbers already
 * formatted with Intl). Each area keeps its strings in its own module under `messages/` (the
 * compiler checks each has the same keys in both languages); test/unit/web/i18n.test.ts also fails
 * when a key is empty, its placeholders differ, or two modules define the same key.
 */
import { andons } from "./messages/andons";
import { awards } from "./messages/awards";
import { chases } from "./messages/chases";
import { common } from "./messages/common";
import { home } from "./messages/home";
import { line } from "./messages/line";
import { listen } from "./messages/listen";
import { notices } from "./messages/notices";
import { notifications } from "./messages/notifications";
import { policy } from "./messages/policy";
import { problems } from "./messages/problems";
import { quarantine } from "./messages/quarantine";
import { rankings } from "./messages/rankings";
import { review } from "./messages/review";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/** Each area's strings, by the name of its module (read by the test for keys defined twice). */
export const MESSAGE_MODULES = {
  andons,
  awards,
  chases,
  common,
  home,
  line,
  listen,
  notices,
  notifications,
  policy,
  problems,
  quarantine,
  rankings,
  review,
} as const;

const en = {
  ...andons.en,
  ...awards.en,
  ...chases.en,
  ...common.en,
  ...home.en,
  ...line.en,
  ...listen.en,
  ...notices.en,
  ...notifications.en,
  ...policy.en,
  ...problems.en,
  ...quarantine.en,
  ...rankings.en,
  ...review.en,
};

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  ...andons["zh-CN"],
  ...awards["zh-CN"],
  ...chases["zh-CN"],
  ...common["zh-CN"],
  ...home["zh-CN"],
  ...line["zh-CN"],
  ...listen["zh-CN"],
  ...notices["zh-CN"],
  ...notifications["zh-CN"],
  ...policy["zh-CN"],
  ...problems["zh-CN"],
  ...quarantine["zh-CN"],
  ...rankings["zh-CN"],
  ...review["zh-CN"],
};

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  "zh-CN": zhCN,
  en,
};

/** zh-CN for any Chinese browser language, English otherwise. */
export const pickLocale = (preferred: string | null | undefined): Locale =>
  String(preferred).toLowerCase().startsWith("zh") ? "zh-CN" : "en";

/** The message with `{name}` placeholders filled in. */
export const translate = (
  locale: Locale,
  key: MessageKey,
  vars: Readonly<Record<string, string | number>> = {},
): string => MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
