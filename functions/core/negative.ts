/**
 * What counts as a negative experience (DESIGN §2). This one rule drives the governing metric
 * (negative rate), the flags of the pull-and-fix review and the Rotten Strawberry ranking, so it
 * lives in exactly one place.
 */
import type { SignalKind } from "#schemas/signal";

/** Highest score that is still negative, per scored kind. */
const NEGATIVE_AT_OR_BELOW = { csat: 2, nps: 6, review: 2 } as const;

/**
 * Whether a signal is a negative experience: `csat` ≤ 2, `nps` ≤ 6 (a detractor), `review` ≤ 2
 * stars, or any `complaint` whatever its severity.
 *
 * A scored kind without a score is not negative: validation rejects such signals before they get
 * here, and counting an unknown as negative would inflate the rate a line is judged on.
 */
export function isNegative(signal: { kind: SignalKind; score?: number }): boolean {
  if (signal.kind === "complaint") return true;
  return signal.score !== undefined && signal.score <= NEGATIVE_AT_OR_BELOW[signal.kind];
}
