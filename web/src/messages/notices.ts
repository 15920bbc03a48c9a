/** The notices inbox and a notice: evidence, fix plan, fix effect, actions and audit. */
const en = {
  navNotices: "Notices",
};

export const notices = {
  en,
  "zh-CN": {
    navNotices: "整改通知",
  } satisfies Record<keyof typeof en, string>,
};
