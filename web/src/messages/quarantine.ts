/** The quarantine: signals for unknown product lines, listed and replayed. */
const en = {
  navQuarantine: "Quarantine",
  quarantineTitle: "Quarantine",
  quarantineIntro:
    "Signals naming a product line the catalog does not know yet. They are counted nowhere until the line is added to the catalog and they are replayed.",
  quarantineEmpty: "Nothing is quarantined: every signal received names a product line in the catalog.",
  quarantineUnknownLine: "Unknown line",
  quarantineChannel: "Channel · kind",
  quarantineOccurred: "Occurred",
  quarantineHeld: "Quarantined",
  quarantineShown: "{count} signals shown",
  quarantineLoadMore: "Load more",
  quarantineReplay: "Replay all",
  quarantineReplayHint:
    "Add the missing lines to the catalog first; signals whose line is still unknown stay here.",
  quarantineReplaying: "Replaying…",
  quarantineReplayed: "{replayed} replayed and now counted; {stillUnknown} still name an unknown line.",
};

export const quarantine = {
  en,
  "zh-CN": {
    navQuarantine: "隔离区",
    quarantineTitle: "隔离区",
    quarantineIntro: "这些信号指向的产品线尚未录入目录。在目录补上该产品线并重放之前,它们不计入任何统计。",
    quarantineEmpty: "隔离区是空的:收到的每条信号都指向目录中已有的产品线。",
    quarantineUnknownLine: "未知产品线",
    quarantineChannel: "渠道 · 类型",
    quarantineOccurred: "发生时间",
    quarantineHeld: "隔离时间",
    quarantineShown: "已显示 {count} 条信号",
    quarantineLoadMore: "加载更多",
    quarantineReplay: "全部重放",
    quarantineReplayHint: "请先在目录中补上缺失的产品线;产品线仍未知的信号会继续留在这里。",
    quarantineReplaying: "正在重放…",
    quarantineReplayed: "已重放并计入 {replayed} 条;仍有 {stillUnknown} 条指向未知产品线。",
  } satisfies Record<keyof typeof en, string>,
};
