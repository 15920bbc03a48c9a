/**
 * "Why flagged?" in plain words, built from the same figures the review shows (n, negatives, the
 * Wilson interval, the bar, the critical complaints), in the chosen language. Pure, so each case can
 * be checked in both languages without a browser.
 */
import type { Review, ReviewLine } from "#schemas/review";
import { number, percent } from "./format";
import { type Locale, translate } from "./i18n";

/** The settings the review was run under that the words need. */
export interface ReviewRules {
  confidence: number;
  minSample: number;
  criticalComplaints: number;
}

/** The sentences explaining one line's outcome, in order. */
export const explainLine = (
  loc: Locale,
  line: ReviewLine,
  bar: Review["bar"],
  rules: ReviewRules,
): string[] => {
  const pct = (v: number | null | undefined) => percent(loc, v);
  const vars = {
    n: number(loc, line.n),
    negatives: number(loc, line.negatives),
    rate: pct(line.negativeRate),
    lo: pct(line.wilson?.lo),
    hi: pct(line.wilson?.hi),
    bar: pct(bar.value),
    confidence: pct(rules.confidence),
    minSample: number(loc, rules.minSample),
    critical: number(loc, line.criticalComplaints),
    limit: number(loc, rules.criticalComplaints),
    more: number(loc, line.negativesToFlag ?? 0),
  };
  const say = (key: Parameters<typeof translate>[1]) => translate(loc, key, vars);
  const words = [say("reviewWhyCounts")];
  if (line.flaggedBy.includes("rate")) words.push(say("reviewWhyRate"));
  if (line.flaggedBy.includes("critical-complaints")) words.push(say("reviewWhyCritical"));
  if (line.flagged) return words;
  if (line.n < rules.minSample) words.push(say("reviewWhySmall"));
  else if (line.atRisk) {
    words.push(say("reviewWhyAtRisk"));
    if (line.negativesToFlag !== undefined) words.push(say("reviewWhyMore"));
  } else words.push(say("reviewWhyClear"));
  return words;
};

/**
 * Where the bar comes from, in words: `max(20 %, 1.5 × pooled 11.0 %)`. The multiplier is read back
 * from the bar itself (relative ÷ pooled), so a stored review of an older policy version says its own.
 */
export const explainBar = (loc: Locale, bar: Review["bar"], version: number): string =>
  translate(loc, bar.from === "relative" ? "reviewBarRelative" : "reviewBarAbsolute", {
    bar: percent(loc, bar.value),
    absolute: percent(loc, bar.absolute),
    relative: number(loc, bar.pooledRate > 0 ? bar.relative / bar.pooledRate : 0, 2),
    pooled: percent(loc, bar.pooledRate),
    version,
  });

/** The review's lines in the three lists a CCO acts on. */
export const reviewGroups = (review: Review) => ({
  flagged: review.lines.filter((l) => l.flagged),
  atRisk: review.lines.filter((l) => l.atRisk),
  repeat: review.lines.filter((l) => l.repeat),
});
