/** Deployment stages and what differs between them. */
export const STAGES = ["dev", "prod"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The `stage` context value (`-c stage=prod`), checked.
 * @throws when it is neither `dev` nor `prod`.
 */
export const parseStage = (value: unknown): Stage => {
  const text = value === undefined ? "dev" : String(value);
  if ((STAGES as readonly string[]).includes(text)) return text as Stage;
  throw new Error(`Context "stage" must be one of ${STAGES.join(", ")}; got "${text}"`);
};

/** Powertools log level: everything in dev, what operators need in prod. */
export const logLevelFor = (stage: Stage): "DEBUG" | "INFO" => (stage === "prod" ? "INFO" : "DEBUG");
