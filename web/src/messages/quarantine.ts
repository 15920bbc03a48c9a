/** The quarantine: signals for unknown product lines, listed and replayed. */
const en = {
  navQuarantine: "Quarantine",
};

export const quarantine = {
  en,
  "zh-CN": {
    navQuarantine: "隔离区",
  } satisfies Record<keyof typeof en, string>,
};
