/**
 * The counters kept per product line per day (DESIGN §3: reviews and awards read
 * O(lines × days) rollups, never O(signals)). Every measure on the metrics page must be derivable
 * from these sums alone, which is why means are stored as count + sum rather than as averages.
 */
import {
  CHANNELS,
  type Channel,
  REASONS,
  type Reason,
  type Severity,
  type SignalKind,
} from "#schemas/signal";
import { isNegative } from "./negative";
import { type Interval, wilsonInterval } from "./wilson";

/**
 * A flat map of non-negative integer counters; counters that are zero are left out, so that a
 * rollup item stays small and an increment touches only the attributes that change.
 *
 * Keys: `n` signals, `neg` negatives, `csatN`/`csatSum`, `npsN`/`npsPro` (9–10)/`npsDet` (0–6),
 * `revN`/`revSum`, `cMinor`/`cMajor`/`cCritical` complaints by severity, `r_<reason>` negative
 * signals by reason (the root-cause register) and `ch_<channel>` all signals by channel.
 */
export type RollupCounts = Record<string, number>;

// `-` is not welcome in every store's attribute names (DynamoDB expressions, CSV headers), so
// multi-word codes are written with `_` in counter keys.
const keySafe = (code: string): string => code.replaceAll("-", "_");

/** The counter key of negative signals with `reason`, e.g. `r_description_mismatch`. */
export const reasonCounterKey = (reason: Reason): string => `r_${keySafe(reason)}`;

/** The counter key of signals from `channel`, e.g. `ch_review_site`. */
export const channelCounterKey = (channel: Channel): string => `ch_${keySafe(channel)}`;

const SEVERITY_KEYS = { minor: "cMinor", major: "cMajor", critical: "cCritical" } as const satisfies Record<
  Severity,
  string
>;

/** Every counter key a rollup may hold. */
export const ROLLUP_COUNTER_KEYS: readonly string[] = Object.freeze([
  "n",
  "neg",
  "csatN",
  "csatSum",
  "npsN",
  "npsPro",
  "npsDet",
  "revN",
  "revSum",
  ...Object.values(SEVERITY_KEYS),
  ...REASONS.map(reasonCounterKey),
  ...CHANNELS.map(channelCounterKey),
]);

/** What {@link countsOfSignal} needs to know of a signal. */
export interface CountableSignal {
  kind: SignalKind;
  score?: number;
  severity?: Severity;
  reasons?: readonly Reason[];
  channel: Channel;
}

/**
 * The increments one signal adds to its line's rollup for its day. Reasons are counted for
 * negative signals only, and once each even if the signal repeats one.
 */
export function countsOfSignal(signal: CountableSignal): RollupCounts {
  const counts: RollupCounts = { n: 1, [channelCounterKey(signal.channel)]: 1 };
  const negative = isNegative(signal);
  if (negative) counts.neg = 1;
  const { score } = signal;
  switch (signal.kind) {
    case "csat":
      if (score !== undefined) Object.assign(counts, { csatN: 1, csatSum: score });
      break;
    case "nps":
      if (score !== undefined) {
        counts.npsN = 1;
        if (score >= 9) counts.npsPro = 1;
        else if (score <= 6) counts.npsDet = 1;
      }
      break;
    case "review":
      if (score !== undefined) Object.assign(counts, { revN: 1, revSum: score });
      break;
    case "complaint":
      if (signal.severity !== undefined) counts[SEVERITY_KEYS[signal.severity]] = 1;
      break;
  }
  if (negative) {
    for (const reason of new Set(signal.reasons ?? [])) counts[reasonCounterKey(reason)] = 1;
  }
  // Summed scores are ≥ 1 once validated; should one slip through as 0, zero counters stay omitted.
  for (const key of Object.keys(counts)) if (counts[key] === 0) delete counts[key];
  return counts;
}

/** The sum of two rollups as a new object (neither input changes), zero counters left out. */
export function addCounts(into: RollupCounts, add: RollupCounts): RollupCounts {
  const sums = new Map<string, number>(Object.entries(into));
  for (const [key, value] of Object.entries(add)) sums.set(key, (sums.get(key) ?? 0) + value);
  // fromEntries defines own properties, so even a key like `__proto__` cannot reach the prototype.
  return Object.fromEntries([...sums].filter(([, value]) => value !== 0));
}

/** The measures of a product line over some days, derived from its summed rollups. */
export interface RollupSummary {
  n: number;
  negatives: number;
  /** `negatives / n`; null without signals. */
  negativeRate: number | null;
  /** Wilson interval of the negative rate; null without signals. */
  wilson: Interval | null;
  /** Mean csat score (1..5); null without csat signals. */
  csatMean: number | null;
  /** Percent promoters (9–10) minus percent detractors (0–6), -100..100; null without nps signals. */
  nps: number | null;
  /** Mean review stars (1..5); null without reviews. */
  reviewMean: number | null;
  complaints: Record<Severity, number>;
  /** Negative signals by reason, every reason present. */
  reasons: Record<Reason, number>;
  /** All signals by channel, every channel present. */
  channels: Record<Channel, number>;
}

/**
 * The measures shown for a product line (DESIGN §2, metrics contract), from summed rollups.
 * Values are not rounded: presentation decides the precision.
 *
 * @param confidence two-sided confidence of the Wilson interval (the policy's `review.confidence`).
 */
export function summarizeCounts(counts: RollupCounts, confidence: number): RollupSummary {
  const get = (key: string): number => counts[key] ?? 0;
  const ratio = (numerator: number, denominator: number) =>
    denominator > 0 ? numerator / denominator : null;
  const n = get("n");
  const negatives = get("neg");
  const npsN = get("npsN");
  return {
    n,
    negatives,
    negativeRate: ratio(negatives, n),
    wilson: n > 0 ? wilsonInterval(negatives, n, confidence) : null,
    csatMean: ratio(get("csatSum"), get("csatN")),
    nps: npsN > 0 ? (100 * (get("npsPro") - get("npsDet"))) / npsN : null,
    reviewMean: ratio(get("revSum"), get("revN")),
    complaints: { minor: get("cMinor"), major: get("cMajor"), critical: get("cCritical") },
    reasons: Object.fromEntries(REASONS.map((r) => [r, get(reasonCounterKey(r))])) as Record<Reason, number>,
    channels: Object.fromEntries(CHANNELS.map((c) => [c, get(channelCounterKey(c))])) as Record<
      Channel,
      number
    >,
  };
}
