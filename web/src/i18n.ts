/**
 * Every visible string of the dashboard in zh-CN and en. Both are written first, neither is a
 * translation afterthought; `{name}` marks a value filled in by the caller (numbers already
 * formatted with Intl). test/unit/web/i18n.test.ts fails when a key is missing in either language.
 */
export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

const en = {
  title: "Strawberry · CX governance",
  role: "Role",
  units: "Business units",
  signIn: "Sign in (local)",
  otherLanguage: "中文",
  languageLabel: "Switch language",
  lines: "Product lines",
  period: "Period",
  rank: "Rank",
  line: "Product line",
  unit: "Business unit",
  category: "Category",
  n: "Signals",
  negativeRate: "Negative rate",
  interval: "{confidence} interval against the bar",
  state: "State",
  pulled: "Pulled",
  atRisk: "At risk",
  overBar: "Over the bar",
  andon: "Andon",
  intervalTitle: "{lo} – {hi}, bar {bar}",
  barNote:
    "Bar {bar} = max({absolute}, {relative} × pooled {pooled}), policy v{version}. A line is flagged for " +
    "pull-and-fix when its interval's lower bound is above the bar with at least {minSample} signals; a small " +
    "sample gives a wide interval and is never flagged on size alone.",
  quarantine: "Quarantine (unknown product lines)",
  signal: "Signal",
  words: "Customer words",
  signedInAs: "Signed in as {role}",
  loading: "Loading…",
  noDevSignIn: "Local sign-in is not available here; sign in with your company identity.",
  failed: "Request failed: {message}",
  empty: "none",
  noLines: "No product line has signals in this period yet; import signals or pick another period.",
};

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  title: "草莓 · 客户体验治理",
  role: "角色",
  units: "事业部",
  signIn: "登录(本地)",
  otherLanguage: "English",
  languageLabel: "切换语言",
  lines: "产品线",
  period: "周期",
  rank: "排名",
  line: "产品线",
  unit: "事业部",
  category: "品类",
  n: "样本数",
  negativeRate: "负面率",
  interval: "{confidence} 置信区间 与 红线",
  state: "状态",
  pulled: "已下架整改",
  atRisk: "有风险",
  overBar: "高于红线",
  andon: "安灯",
  intervalTitle: "{lo} – {hi},红线 {bar}",
  barNote:
    "红线 {bar} = max({absolute},{relative} × 全体负面率 {pooled}),策略 v{version}。区间下限高于红线" +
    "(且样本 ≥ {minSample})即被标记下架整改;样本少时区间很宽,不会仅因样本小而被标记。",
  quarantine: "隔离区(未知产品线)",
  signal: "信号",
  words: "客户原话",
  signedInAs: "已登录:{role}",
  loading: "加载中…",
  noDevSignIn: "此环境不提供本地登录,请通过企业身份登录。",
  failed: "请求失败:{message}",
  empty: "无",
  noLines: "本周期还没有任何产品线的信号;请导入信号或选择其他周期。",
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
