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
  nav: "Pages",
  navRankings: "Rankings",
  navAwards: "Awards",
  awardsTitle: "Red and Rotten Strawberries",
  red: "Red Strawberries",
  rotten: "Rotten Strawberries",
  redRank: "Red Strawberry #{rank}",
  rottenRank: "Rotten Strawberry #{rank}",
  rateWithN: "Negative rate {rate} (n = {n})",
  shrunkRate: "Shrunk rate {rate}",
  awardsFinal: "Final: finalized {at}; these awards no longer change.",
  awardsPreview: "Preview computed {at}: it may change until the CCO team finalizes it.",
  awardsMissing:
    "The awards of {period} have not been run yet: the CCO team (cco) runs them, or the schedule does " +
    "once the period has ended. Pick another period meanwhile.",
  noAwardLines: "No line had the {minSample} signals needed to be ranked in this period.",
  eligibleNote:
    "{eligible} of {lines} lines had at least {minSample} signals and were ranked by their shrunk rate; " +
    "all lines together {pooled}, policy v{version}.",
  noCitations: "No customer words in this period.",
  finalize: "Finalize",
  finalizeConfirm: "Finalize the awards of {period}? They cannot change afterwards.",
  confirmFinalize: "Finalize now",
  cancel: "Cancel",
  finalizeNotEnded: "Awards can be finalized only once the period has ended.",
  stageOpen: "Stage view",
  stageLabel: "Awards of {period} on stage",
  stageRate: "Negative rate {rate} · n = {n}",
  stageHint: "→ / ← move · F full screen · Esc leave",
  back: "Back to the awards",
  signInFirst: "Sign in to see this page.",
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
  nav: "页面",
  navRankings: "排行",
  navAwards: "红烂草莓",
  awardsTitle: "红草莓与烂草莓",
  red: "红草莓",
  rotten: "烂草莓",
  redRank: "红草莓 第 {rank} 名",
  rottenRank: "烂草莓 第 {rank} 名",
  rateWithN: "负面率 {rate}(n = {n})",
  shrunkRate: "收缩负面率 {rate}",
  awardsFinal: "终版:已于 {at} 定稿,不再变动。",
  awardsPreview: "预览(计算于 {at}):CCO 团队定稿前可能变动。",
  awardsMissing:
    "{period} 的红烂草莓评选尚未运行:由 CCO 团队(cco)运行,或在周期结束后由定时任务运行。可先选择其他周期。",
  noAwardLines: "本周期没有产品线达到参评所需的 {minSample} 条反馈。",
  eligibleNote:
    "{lines} 条产品线中有 {eligible} 条至少有 {minSample} 条反馈,按收缩负面率排名;全部产品线合计 {pooled},策略 v{version}。",
  noCitations: "本周期没有客户原话。",
  finalize: "定稿",
  finalizeConfirm: "确定将 {period} 的评选定稿?定稿后不可更改。",
  confirmFinalize: "确认定稿",
  cancel: "取消",
  finalizeNotEnded: "周期结束后才能定稿。",
  stageOpen: "舞台模式",
  stageLabel: "{period} 颁奖舞台",
  stageRate: "负面率 {rate} · n = {n}",
  stageHint: "→ / ← 翻页 · F 全屏 · Esc 退出",
  back: "返回评选",
  signInFirst: "请先登录再查看此页。",
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
