/** The policy's settings as form text and back: the whole settings, or only what changed. */
import { expect, it } from "vitest";
import { DEFAULT_POLICY } from "#schemas/policy";
import { changedPaths, draftOf, POLICY_FIELDS, patchOf, REVIEW_FIELDS, settingsOf } from "#web/policy-form";

it("round-trips every setting through the form unchanged", () => {
  const parsed = settingsOf(draftOf(DEFAULT_POLICY), DEFAULT_POLICY);
  const { version: _version, ...settings } = DEFAULT_POLICY;
  expect(parsed.ok && parsed.settings).toEqual(settings);
  expect(parsed.ok && patchOf(parsed.settings, DEFAULT_POLICY)).toEqual({});
  expect(POLICY_FIELDS).toHaveLength(15);
  expect(REVIEW_FIELDS.map((f) => f.path)).toContain("review.confidence");
});

it("sends only the changed settings for a what-if, nested as the API takes them", () => {
  const draft = { ...draftOf(DEFAULT_POLICY), "review.absoluteThreshold": "0.3", "andon.spikeDays": " 14 " };
  const parsed = settingsOf(draft, DEFAULT_POLICY);
  if (!parsed.ok) throw new Error("should parse");
  expect(parsed.settings.review.absoluteThreshold).toBe(0.3);
  expect(DEFAULT_POLICY.review.absoluteThreshold).toBe(0.2);
  expect(patchOf(parsed.settings, DEFAULT_POLICY)).toEqual({
    review: { absoluteThreshold: 0.3 },
    andon: { spikeDays: 14 },
  });
  expect(changedPaths(parsed.settings, DEFAULT_POLICY)).toEqual([
    "review.absoluteThreshold",
    "andon.spikeDays",
  ]);
});

it("names the fields that are not numbers, and leaves ranges to the API", () => {
  const parsed = settingsOf(
    { "review.minSample": "3.5", "review.confidence": "abc", retentionDays: "" },
    DEFAULT_POLICY,
  );
  expect(parsed).toEqual({
    ok: false,
    errors: { "review.minSample": "notWhole", "review.confidence": "notNumber", retentionDays: "notNumber" },
  });
  const outOfRange = settingsOf({ "review.confidence": "1.2" }, DEFAULT_POLICY);
  expect(outOfRange.ok && outOfRange.settings.review.confidence).toBe(1.2);
});
