/** Listen-in (the stream of customer voices) and chases. */
const en = {
  navListen: "Listen-in",
};

export const listen = {
  en,
  "zh-CN": {
    navListen: "倾听客户",
  } satisfies Record<keyof typeof en, string>,
};
