/** Andons: the banner on a line and the CCO team's list to confirm or dismiss. */
const en = {
  navAndons: "Andons",
};

export const andons = {
  en,
  "zh-CN": {
    navAndons: "安灯",
  } satisfies Record<keyof typeof en, string>,
};
