/** The problem board: reasons by unit and category against the previous period. */
const en = {
  navProblems: "Problems",
};

export const problems = {
  en,
  "zh-CN": {
    navProblems: "问题看板",
  } satisfies Record<keyof typeof en, string>,
};
