/** The policy: view, and for the CCO team a new version with its what-if. */
const en = {
  navPolicy: "Policy",
};

export const policy = {
  en,
  "zh-CN": {
    navPolicy: "策略",
  } satisfies Record<keyof typeof en, string>,
};
