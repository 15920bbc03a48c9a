/** The quarterly pull-and-fix review: run, dry run and the what-if. */
const en = {
  navReview: "Review",
};

export const review = {
  en,
  "zh-CN": {
    navReview: "整改评审",
  } satisfies Record<keyof typeof en, string>,
};
