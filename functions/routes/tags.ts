/** The OpenAPI tags that group the routes, with the line each shows in generated documentation. */
export const TAGS = {
  System: "Health and this contract",
  Catalog: "Business units and the product lines they own",
  Signals: "Customer satisfaction signals from every channel",
  "Product lines": "What customers say about one product line, from the rollups",
  Quarantine: "Signals for product lines not (yet) in the catalog",
  Policy: "The thresholds and windows of reviews and awards, versioned",
  Rankings: "Every line of a period, best to worst, fairly ranked",
  Problems: "The root-cause register: negative signals by reason",
  Reviews: "The quarterly pull-and-fix review, and its what-if",
  Notices: "Flagged lines: evidence, lifecycle, fix plans and their effect",
  Notifications:
    "What each reader is told: notices issued, relisted and overdue; chases raised and escalated; Andons raised",
  Awards: "Red and Rotten Strawberries: fairly ranked, explained, citing customers",
  "Listen-in": "The customers' own words, newest first, PII masked",
  Chases: "A question raised from one customer's voice, answered by the owning unit",
  Andons: "Early warning between reviews: a line's critical complaints in one day, confirmed or dismissed",
} as const;

export type Tag = keyof typeof TAGS;
