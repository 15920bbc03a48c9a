/**
 * The pull-and-fix rule of DESIGN §2 for one line in one quarter. A line is flagged when it has at
 * least `minSample` signals and the *lower* Wilson bound of its negative rate clears the bar
 * `max(absoluteThreshold, relativeThreshold × pooled rate)` (so a small sample alone never flags
 * it), or when its critical complaints reach `criticalComplaints`. A line not flagged whose point
 * rate is above the bar (with `n ≥ minSample`) is at risk, and is told how many more negatives at
 * its current `n` would flag it.
 */
import type { Policy } from "#schemas/policy";
import { type Interval, wilsonInterval } from "./wilson";

export type ReviewSettings = Policy["review"];

/** The bar a quarter's lines are held to, and where it comes from (shown beside every flag). */
export interface ReviewBar {
  value: number;
  absolute: number;
  /** `relativeThreshold × pooledRate`. */
  relative: number;
  pooledRate: number;
  from: "absolute" | "relative";
}

/** What the rule needs of a line. */
export interface LineFigures {
  n: number;
  negatives: number;
  criticalComplaints: number;
}

export interface LineAssessment {
  negativeRate: number | null;
  wilson: Interval | null;
  flagged: boolean;
  /** Why it is flagged: its rate, its critical complaints, or both. */
  flaggedBy: ("rate" | "critical-complaints")[];
  atRisk: boolean;
  /** For a line at risk: how many more negatives at its current n would flag it (absent if none would). */
  negativesToFlag?: number;
}

/** The pooled negative rate of a set of lines: all their negatives over all their signals (0 when none). */
export function pooledRate(lines: Iterable<{ n: number; negatives: number }>): number {
  let n = 0;
  let negatives = 0;
  for (const line of lines) {
    n += line.n;
    negatives += line.negatives;
  }
  return n > 0 ? negatives / n : 0;
}

/** The bar: `max(absoluteThreshold, relativeThreshold × pooledRate)`. */
export function reviewBar(settings: ReviewSettings, pooled: number): ReviewBar {
  const relative = settings.relativeThreshold * pooled;
  const absolute = settings.absoluteThreshold;
  return {
    value: Math.max(absolute, relative),
    absolute,
    relative,
    pooledRate: pooled,
    from: relative > absolute ? "relative" : "absolute",
  };
}

/** The fewest negatives out of `n` whose Wilson lower bound clears `bar`, or undefined if even all do not. */
export function negativesNeededToClear(n: number, bar: number, confidence: number): number | undefined {
  if (n === 0 || wilsonInterval(n, n, confidence).lo <= bar) return undefined;
  // The lower bound grows with the count of negatives, so the first count that clears is found by bisection.
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (wilsonInterval(mid, n, confidence).lo > bar) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The rule applied to one line. */
export function assessLine(line: LineFigures, settings: ReviewSettings, bar: ReviewBar): LineAssessment {
  const { n, negatives } = line;
  const negativeRate = n > 0 ? negatives / n : null;
  const wilson = n > 0 ? wilsonInterval(negatives, n, settings.confidence) : null;
  const enough = n >= settings.minSample;
  const flaggedBy: LineAssessment["flaggedBy"] = [];
  if (enough && wilson && wilson.lo > bar.value) flaggedBy.push("rate");
  if (line.criticalComplaints >= settings.criticalComplaints) flaggedBy.push("critical-complaints");
  const flagged = flaggedBy.length > 0;
  const atRisk = !flagged && enough && negativeRate !== null && negativeRate > bar.value;
  const assessment: LineAssessment = { negativeRate, wilson, flagged, flaggedBy, atRisk };
  if (atRisk) {
    const needed = negativesNeededToClear(n, bar.value, settings.confidence);
    if (needed !== undefined) assessment.negativesToFlag = needed - negatives;
  }
  return assessment;
}
