/** The rankings page: filters, the windowed table, the CSV download and each line's "why". */
const en = {
  overBar: "Over the bar",
  barNote:
    "Bar {bar} = max({absolute}, {relative} × pooled {pooled}), policy v{version}. A line is flagged for " +
    "pull-and-fix when its interval's lower bound is above the bar with at least {minSample} signals; a small " +
    "sample gives a wide interval and is never flagged on size alone.",
  noLines:
    "The catalog has no product line yet: once the CCO team adds lines to the catalog, every one of them is ranked here.",
  rankingsHeading: "Product lines against the bar",
  rankingsSearch: "Search by name",
  rankingsSearchHint: "Chinese or English name, or pinyin initials (kqjhq finds 空气净化器)",
  rankingsAllUnits: "All business units",
  rankingsAllCategories: "All categories",
  rankingsAllStates: "Every state",
  rankingsStateNone: "Nothing to flag",
  rankingsCount: "{shown} of {total} lines",
  rankingsClear: "Clear filters",
  rankingsCsv: "Download CSV",
  rankingsCsvHint: "The {shown} lines shown, in the order shown",
  rankingsNegatives: "Negatives",
  rankingsSortBy: "Sort by {column}",
  rankingsTableLabel: "Product lines of {period}",
  rankingsNoMatch:
    "No line matches these filters: clear the search, or pick another unit, category or state.",
  rankingsWhyFlagged: "Why flagged?",
  rankingsWhyAtRisk: "Why at risk?",
  rankingsWhyRank: "Why this rank?",
  rankingsWhyOf: "{question} {name}",
  rankingsWhyTitle: "Why? {name}",
  rankingsClose: "Close",
  rankingsCsvId: "Product line id",
  rankingsCsvLo: "Interval low",
  rankingsCsvHi: "Interval high",
  rankingsCsvBar: "Bar",
  rankingsCsvShrunk: "Shrunk rate",
  rankingsWhyNone: "No signals in {period} yet: there is nothing to judge this line on.",
  rankingsWhyFigures: "{n} signals, {negatives} negative ({rate}).",
  rankingsWhyOver: "We are {confidence} sure the negative rate is above {lo}, over the bar of {bar}.",
  rankingsWhyRisk:
    "Its rate is over the bar of {bar}, but we can only be {confidence} sure it is above {lo}: not flagged yet, one to watch.",
  rankingsWhyUnder: "We are {confidence} sure the negative rate is below {hi}, under the bar of {bar}.",
  rankingsWhyStraddles:
    "We are {confidence} sure the negative rate is between {lo} and {hi}; that range includes the bar of {bar}, so it is not flagged.",
  rankingsWhySmall:
    "Only {n} signals, fewer than the {minSample} needed to judge a line: its interval {lo} – {hi} is too wide to flag it on.",
  rankingsWhyPulled: "It is pulled for fix: its notice stays open until the line is relisted.",
  rankingsWhyRankIs:
    "Rank {rank} of {total}, best first, by its shrunk rate {shrunk}: its rate is pulled toward the overall {pooled} as if it had {prior} more signals at that rate, so a line with few signals is not ranked on luck.",
};

export const rankings = {
  en,
  "zh-CN": {
    overBar: "高于红线",
    barNote:
      "红线 {bar} = max({absolute},{relative} × 全体负面率 {pooled}),策略 v{version}。区间下限高于红线" +
      "(且样本 ≥ {minSample})即被标记下架整改;样本少时区间很宽,不会仅因样本小而被标记。",
    noLines: "目录中还没有任何产品线:CCO 团队把产品线加入目录后,每一条都会在这里排名。",
    rankingsHeading: "各产品线与红线",
    rankingsSearch: "按名称搜索",
    rankingsSearchHint: "中文名、英文名或拼音首字母(输入 kqjhq 即可找到 空气净化器)",
    rankingsAllUnits: "全部事业部",
    rankingsAllCategories: "全部品类",
    rankingsAllStates: "全部状态",
    rankingsStateNone: "无需标记",
    rankingsCount: "显示 {shown} 条,共 {total} 条产品线",
    rankingsClear: "清除筛选",
    rankingsCsv: "下载 CSV",
    rankingsCsvHint: "即当前显示的 {shown} 条,按当前顺序",
    rankingsNegatives: "负面数",
    rankingsSortBy: "按{column}排序",
    rankingsTableLabel: "{period} 各产品线",
    rankingsNoMatch: "没有符合这些筛选条件的产品线:请清空搜索,或换一个事业部、品类或状态。",
    rankingsWhyFlagged: "为何被标记?",
    rankingsWhyAtRisk: "为何有风险?",
    rankingsWhyRank: "为何是这个名次?",
    rankingsWhyOf: "{name}:{question}",
    rankingsWhyTitle: "原因:{name}",
    rankingsClose: "关闭",
    rankingsCsvId: "产品线编号",
    rankingsCsvLo: "区间下限",
    rankingsCsvHi: "区间上限",
    rankingsCsvBar: "红线",
    rankingsCsvShrunk: "收缩后负面率",
    rankingsWhyNone: "{period} 还没有这条产品线的信号,暂时无从判断。",
    rankingsWhyFigures: "共 {n} 条信号,其中负面 {negatives} 条({rate})。",
    rankingsWhyOver: "我们有 {confidence} 的把握认为负面率高于 {lo},超过了 {bar} 的红线。",
    rankingsWhyRisk:
      "负面率已高于 {bar} 的红线,但我们只有 {confidence} 的把握认为它高于 {lo}:暂不标记,需要重点关注。",
    rankingsWhyUnder: "我们有 {confidence} 的把握认为负面率低于 {hi},在 {bar} 的红线之下。",
    rankingsWhyStraddles:
      "我们有 {confidence} 的把握认为负面率在 {lo} 到 {hi} 之间;这个范围包含 {bar} 的红线,因此不标记。",
    rankingsWhySmall: "只有 {n} 条信号,不足判断所需的 {minSample} 条:区间 {lo} – {hi} 太宽,不能据此标记。",
    rankingsWhyPulled: "已下架整改:整改通知会一直保持开启,直到这条产品线重新上架。",
    rankingsWhyRankIs:
      "按收缩后负面率 {shrunk} 从好到差排第 {rank} 名(共 {total} 条):相当于再加上 {prior} 条按全体负面率 {pooled} 计的信号,样本少的产品线不会靠运气排到前面或后面。",
  } satisfies Record<keyof typeof en, string>,
};
