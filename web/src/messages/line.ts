/** The product line page: metrics, trend, problems, voices and notices of one line. */
const en = {
  lineTitle: "Product line",
};

export const line = {
  en,
  "zh-CN": {
    lineTitle: "产品线",
  } satisfies Record<keyof typeof en, string>,
};
