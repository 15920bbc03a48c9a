/** The awards page and the stage view. */
const en = {
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
  finalizeNotEnded: "Awards can be finalized only once the period has ended.",
  stageOpen: "Stage view",
  stageLabel: "Awards of {period} on stage",
  stageRate: "Negative rate {rate} · n = {n}",
  stageHint: "→ / ← move · F full screen · Esc leave",
  back: "Back to the awards",
};

export const awards = {
  en,
  "zh-CN": {
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
    finalizeNotEnded: "周期结束后才能定稿。",
    stageOpen: "舞台模式",
    stageLabel: "{period} 颁奖舞台",
    stageRate: "负面率 {rate} · n = {n}",
    stageHint: "→ / ← 翻页 · F 全屏 · Esc 退出",
    back: "返回评选",
  } satisfies Record<keyof typeof en, string>,
};
