/** Chases: open, answered and overdue; a unit head answers. */
const en = {
  navChases: "Chases",
};

export const chases = {
  en,
  "zh-CN": {
    navChases: "追问",
  } satisfies Record<keyof typeof en, string>,
};
