/**
 * Spikes (DESIGN §2, "Andon"): the milder early warning between reviews. A line whose negative rate
 * over its last `andon.spikeDays` days has a Wilson lower bound above the Wilson upper bound of its
 * own previous quarter, with at least `review.minSample` signals in those days, is spiking: its unit
 * head is told (no pull), at most once per line per week. Pure rules; `app/detect-spikes.ts` reads
 * the counts (rollups and totals, never signals) and records what it announced.
 *
 * The choices, each with its reason:
 * - **The window** is the last `spikeDays` *complete* days in the policy zone, ending yesterday: the
 *   daily job runs at 01:00, when today has barely begun, and a window ending today would compare a
 *   few hours with a week depending on when the job happens to run.
 * - **The previous quarter** is the last quarter that ended before the window's first day. It never
 *   shares a day with the window (the quarter before the one holding the window's *last* day would,
 *   for the first days of a quarter), so the two intervals compare independent samples, and the
 *   spiking days can never raise their own bar.
 * - **No previous quarter** (no signals in it): its interval is [0, 1], so no lower bound clears it
 *   and the line never spikes. A new line has no history to spike against; the review and the
 *   Andon cover it.
 * - **Once per week** is a rolling week, not a calendar one: after a spike announced for a window
 *   ending on day D, the next is announced for a window ending on D + 7 or later. A calendar week
 *   would let a Sunday spike be followed by a Monday one; with the default 7 days, consecutive
 *   announcements also speak of disjoint days.
 */
import type { Policy } from "#schemas/policy";
import { addDays, daysIn, previousPeriod, quarterOf } from "./period";
import type { RollupCounts } from "./rollup";
import { type Interval, wilsonInterval } from "./wilson";

/** Days between two announcements of a spike on the same line (at most one per week). */
export const SPIKE_COOLDOWN_DAYS = 7;

/** Inclusive calendar days in the policy zone. */
export interface DayWindow {
  from: string;
  to: string;
}

/** What the rule needs of the policy. */
export type SpikeSettings = Pick<Policy["review"], "minSample" | "confidence">;

/** The `spikeDays` complete days before `today` (a policy-zone day): they end yesterday. */
export const spikeWindow = (today: string, spikeDays: number): DayWindow => {
  if (!Number.isInteger(spikeDays) || spikeDays < 1)
    throw new RangeError(`spikeDays must be a whole number ≥ 1, got ${spikeDays}`);
  const to = addDays(today, -1);
  return { from: addDays(to, -(spikeDays - 1)), to };
};

/** The quarter a window is compared with: the last one that ended before the window began. */
export const baselineQuarter = (window: DayWindow): string => previousPeriod(quarterOf(window.from));

/** The quarters holding a day of the window (one, or two across a quarter's end), in order. */
export const quartersOfWindow = (window: DayWindow): string[] => [
  ...new Set(daysIn(window.from, window.to).map(quarterOf)),
];

/** Signals and negatives: all the rule reads of a rollup or a total. */
export interface Tally {
  n: number;
  negatives: number;
}

export const tallyOf = (counts: RollupCounts): Tally => ({ n: counts.n ?? 0, negatives: counts.neg ?? 0 });

export const addTallies = (tallies: readonly Tally[]): Tally =>
  tallies.reduce((sum, t) => ({ n: sum.n + t.n, negatives: sum.negatives + t.negatives }), {
    n: 0,
    negatives: 0,
  });

/** A count's figures as events carry them. */
export interface TallyFigures extends Tally {
  negativeRate: number | null;
  wilson: Interval;
}

const figuresOf = (tally: Tally, confidence: number): TallyFigures => ({
  ...tally,
  negativeRate: tally.n === 0 ? null : tally.negatives / tally.n,
  wilson: wilsonInterval(tally.negatives, tally.n, confidence),
});

export interface SpikeJudgement {
  spike: boolean;
  window: TallyFigures;
  previous: TallyFigures;
}

/** Whether the window's interval lies wholly above the previous one's: equal bounds are not above. */
export const exceeds = (window: Interval, previous: Interval): boolean => window.lo > previous.hi;

/** Whether the window's counts spike against the previous quarter's: at least `minSample` signals too. */
export const judgeSpike = (window: Tally, previous: Tally, settings: SpikeSettings): SpikeJudgement => {
  const w = figuresOf(window, settings.confidence);
  const p = figuresOf(previous, settings.confidence);
  return { spike: window.n >= settings.minSample && exceeds(w.wilson, p.wilson), window: w, previous: p };
};

/**
 * Whether a line could spike, knowing only the totals of the quarters holding the window (which
 * contain the window's days, so bound its counts): false means it cannot, and its rollups need not
 * be read. The window's lower bound is largest with as many negatives and as few signals as
 * possible — every negative of those quarters, among just `minSample` signals, or only negatives —
 * since the Wilson lower bound grows with the negatives and falls with the signals.
 */
export const couldSpike = (quarters: Tally, previous: Tally, settings: SpikeSettings): boolean => {
  if (quarters.n < settings.minSample) return false;
  const k = quarters.negatives;
  const best = wilsonInterval(k, Math.max(settings.minSample, k), settings.confidence);
  return exceeds(best, wilsonInterval(previous.negatives, previous.n, settings.confidence));
};

/**
 * The last window end after which a spike announced for a window ending `to` may be announced
 * again: an earlier announcement whose window ended on or before it is more than a week old.
 */
export const cooldownCutoff = (to: string): string => addDays(to, -SPIKE_COOLDOWN_DAYS);

/** Whether a spike for a window ending `to` may be announced, the last one's window having ended `lastTo`. */
export const mayAnnounce = (lastTo: string | undefined, to: string): boolean =>
  lastTo === undefined || lastTo <= cooldownCutoff(to);
