/**
 * The policy's settings as a form: each setting's path, what kind of number it is and its bounds
 * (the same as `#schemas/policy`, shown as hints), the text a person types, and back again — the
 * whole settings for `PUT /v1/policy`, or only the changed ones for a what-if (`PolicyPatch`).
 * Bounds are enforced by the API, whose 400 names the field; here only "is it a number at all".
 */
import type { PolicyPatch, PolicySettings } from "#schemas/policy";
import type { MessageKey } from "./i18n";

export type SettingPath =
  | "timeZone"
  | "review.minSample"
  | "review.confidence"
  | "review.absoluteThreshold"
  | "review.relativeThreshold"
  | "review.criticalComplaints"
  | "review.fixDays"
  | "review.appealDays"
  | "awards.minSample"
  | "awards.priorStrength"
  | "awards.count"
  | "retentionDays"
  | "andon.criticalPerDay"
  | "andon.spikeDays"
  | "chase.answerDays";

/** `whole`: a count; `share`: a probability (0.95) also shown as a percent; `number`: any number. */
export type SettingKind = "zone" | "whole" | "share" | "number";

export interface SettingField {
  path: SettingPath;
  kind: SettingKind;
  min?: number;
  max?: number;
  label: MessageKey;
  meaning: MessageKey;
}

const field = (
  path: SettingPath,
  kind: SettingKind,
  label: MessageKey,
  meaning: MessageKey,
  min?: number,
  max?: number,
) =>
  ({
    path,
    kind,
    label,
    meaning,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  }) as SettingField;

/** Every setting, in the order DESIGN §2 lists them. */
export const POLICY_FIELDS: readonly SettingField[] = [
  field("timeZone", "zone", "policyTimeZone", "policyTimeZoneMeaning"),
  field("review.minSample", "whole", "policyReviewMinSample", "policyReviewMinSampleMeaning", 1, 1_000_000),
  field("review.confidence", "share", "policyConfidence", "policyConfidenceMeaning", 0, 1),
  field("review.absoluteThreshold", "share", "policyAbsolute", "policyAbsoluteMeaning", 0, 1),
  field("review.relativeThreshold", "number", "policyRelative", "policyRelativeMeaning", 0, 100),
  field("review.criticalComplaints", "whole", "policyCritical", "policyCriticalMeaning", 1, 10_000),
  field("review.fixDays", "whole", "policyFixDays", "policyFixDaysMeaning", 1, 365),
  field("review.appealDays", "whole", "policyAppealDays", "policyAppealDaysMeaning", 1, 90),
  field("awards.minSample", "whole", "policyAwardsMinSample", "policyAwardsMinSampleMeaning", 1, 1_000_000),
  field("awards.priorStrength", "number", "policyPrior", "policyPriorMeaning", 0, 1_000_000),
  field("awards.count", "whole", "policyAwardsCount", "policyAwardsCountMeaning", 1, 50),
  field("retentionDays", "whole", "policyRetention", "policyRetentionMeaning", 30, 3_650),
  field("andon.criticalPerDay", "whole", "policyAndonPerDay", "policyAndonPerDayMeaning", 1, 1_000),
  field("andon.spikeDays", "whole", "policySpikeDays", "policySpikeDaysMeaning", 1, 90),
  field("chase.answerDays", "whole", "policyChaseDays", "policyChaseDaysMeaning", 1, 30),
];

/** The settings a review's flags depend on (the what-if of the review page edits only these). */
export const REVIEW_FIELDS: readonly SettingField[] = POLICY_FIELDS.filter((f) =>
  [
    "review.minSample",
    "review.confidence",
    "review.absoluteThreshold",
    "review.relativeThreshold",
    "review.criticalComplaints",
  ].includes(f.path),
);

export type Draft = Partial<Record<SettingPath, string>>;

type Settings = PolicySettings;

/** A setting's value in the settings. */
export const valueAt = (settings: Settings, path: SettingPath): string | number => {
  const [group, name] = path.split(".") as [string, string | undefined];
  const top = (settings as unknown as Record<string, unknown>)[group];
  return (name === undefined ? top : (top as Record<string, unknown>)[name]) as string | number;
};

/** The text each setting starts as in the form. */
export const draftOf = (settings: Settings, fields: readonly SettingField[] = POLICY_FIELDS): Draft =>
  Object.fromEntries(fields.map((f) => [f.path, String(valueAt(settings, f.path))]));

export type Parsed =
  | { ok: true; settings: Settings }
  | { ok: false; errors: Partial<Record<SettingPath, "notNumber" | "notWhole">> };

/** The settings the form now holds (unchanged settings from `base`), or which fields are not numbers. */
export const settingsOf = (draft: Draft, base: Settings): Parsed => {
  const settings = structuredClone({
    timeZone: base.timeZone,
    review: base.review,
    awards: base.awards,
    retentionDays: base.retentionDays,
    andon: base.andon,
    chase: base.chase,
  }) as Settings;
  const errors: Partial<Record<SettingPath, "notNumber" | "notWhole">> = {};
  for (const f of POLICY_FIELDS) {
    const text = draft[f.path];
    if (text === undefined) continue;
    let value: string | number = text.trim();
    if (f.kind !== "zone") {
      const n = value === "" ? Number.NaN : Number(value);
      if (!Number.isFinite(n)) {
        errors[f.path] = "notNumber";
        continue;
      }
      if (f.kind === "whole" && !Number.isInteger(n)) {
        errors[f.path] = "notWhole";
        continue;
      }
      value = n;
    }
    const [group, name] = f.path.split(".") as [string, string | undefined];
    const target = settings as unknown as Record<string, unknown>;
    if (name === undefined) target[group] = value;
    else (target[group] as Record<string, unknown>)[name] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
};

/** Only the settings that differ from `current`: what a what-if sends (`POST /v1/reviews` `policy`). */
export const patchOf = (proposed: Settings, current: Settings): PolicyPatch => {
  const patch: Record<string, unknown> = {};
  for (const f of POLICY_FIELDS) {
    const value = valueAt(proposed, f.path);
    if (value === valueAt(current, f.path)) continue;
    const [group, name] = f.path.split(".") as [string, string | undefined];
    if (name === undefined) patch[group] = value;
    else patch[group] = { ...((patch[group] as Record<string, unknown> | undefined) ?? {}), [name]: value };
  }
  return patch as PolicyPatch;
};

/** The settings that changed, by path (to mark them in the form and the version history). */
export const changedPaths = (proposed: Settings, current: Settings): SettingPath[] =>
  POLICY_FIELDS.filter((f) => valueAt(proposed, f.path) !== valueAt(current, f.path)).map((f) => f.path);
