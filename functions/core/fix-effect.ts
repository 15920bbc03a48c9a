/**
 * Whether a fix worked (DESIGN §2, "Fix plan and fix effect"): the line's negative rate in the 28
 * days before its notice was issued, against the days since the fix was submitted, each with its
 * Wilson interval, and the difference with its 95 % interval by Newcombe's hybrid score method
 * (Newcombe 1998, method 10), which stays sensible for small counts and rates near 0 or 1. The
 * CCO team relists on this evidence, not on a promise.
 */
import { type Interval, wilsonInterval } from "./wilson";

/** Days before the notice that make the baseline. */
export const BASELINE_DAYS = 28;
/** The difference's interval is always at 95 %, whatever the review confidence. */
export const EFFECT_CONFIDENCE = 0.95;

export type EffectLabel = "improved" | "no-change" | "worse" | "too-early";

export interface WindowFigures {
  from: string;
  to: string;
  n: number;
  negatives: number;
  negativeRate: number | null;
  wilson: Interval | null;
}

export interface FixEffect {
  before: WindowFigures;
  since: WindowFigures;
  /** `since` rate minus `before` rate: negative is better. Null until both windows have signals. */
  difference: { value: number; lo: number; hi: number } | null;
  label: EffectLabel;
}

/** A window's figures from its counts. */
export function windowFigures(from: string, to: string, n: number, negatives: number): WindowFigures {
  return {
    from,
    to,
    n,
    negatives,
    negativeRate: n > 0 ? negatives / n : null,
    wilson: n > 0 ? wilsonInterval(negatives, n, EFFECT_CONFIDENCE) : null,
  };
}

/**
 * Newcombe's interval for p1 − p0 from the two Wilson intervals:
 * [d − √((p1 − l1)² + (u0 − p0)²), d + √((u1 − p1)² + (p0 − l0)²)].
 */
export function newcombeDifference(
  before: { negatives: number; n: number },
  since: { negatives: number; n: number },
  confidence = EFFECT_CONFIDENCE,
): { value: number; lo: number; hi: number } {
  const p0 = before.negatives / before.n;
  const p1 = since.negatives / since.n;
  const w0 = wilsonInterval(before.negatives, before.n, confidence);
  const w1 = wilsonInterval(since.negatives, since.n, confidence);
  const value = p1 - p0;
  return {
    value,
    lo: value - Math.sqrt((p1 - w1.lo) ** 2 + (w0.hi - p0) ** 2),
    hi: value + Math.sqrt((w1.hi - p1) ** 2 + (p0 - w0.lo) ** 2),
  };
}

/**
 * The effect of a fix. Too early while fewer than `minSample` signals arrived since the fix (or the
 * baseline had none); improved when the whole interval of the difference is below zero, worse when
 * it is above, no change otherwise.
 */
export function fixEffect(before: WindowFigures, since: WindowFigures, minSample: number): FixEffect {
  if (before.n === 0 || since.n === 0) return { before, since, difference: null, label: "too-early" };
  const difference = newcombeDifference(before, since);
  const label: EffectLabel =
    since.n < minSample
      ? "too-early"
      : difference.hi < 0
        ? "improved"
        : difference.lo > 0
          ? "worse"
          : "no-change";
  return { before, since, difference, label };
}
