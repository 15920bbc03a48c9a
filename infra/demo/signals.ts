/**
 * Deterministic demo signals: a year of customer feedback (mostly in Chinese) about the demo
 * catalog, believable enough to drive the dashboard, a quarterly review and the awards. The same
 * `now`, `count` and `seed` always give the same signals, and their ids are `demo-1`, `demo-2`, …,
 * so seeding twice stores nothing new.
 */
import { MS_PER_DAY } from "#core/calendar-day";
import type { Channel, Reason, Severity, Signal, SignalKind } from "#schemas/signal";
import { LINES, type LineSpec, UNLISTED } from "./catalog";
import { digits, hash32, mulberry32, type Rng, type Weights, weighted, weightedIndex } from "./random";
import { fakePii, verbatimFor } from "./words";

export interface DemoSignalOptions {
  now: Date;
  /** @default 30000 */
  count?: number;
  /** @default 20260401 */
  seed?: number;
}

const DAY_MS = MS_PER_DAY;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Weight of each hour of the day (Beijing time), 0 to 23: busy evenings, quiet nights. */
const HOUR_WEIGHTS: readonly number[] = [
  1.5, 0.8, 0.4, 0.2, 0.2, 0.3, 0.8, 1.8, 3, 4.5, 5, 5, 4.5, 4.2, 4.5, 4.6, 4.5, 4.4, 4.6, 5.5, 6.5, 6.5, 5,
  3,
];

/** `2026-03-04T20:15:07+08:00` */
export function toShanghaiIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Start (epoch ms) of the Beijing-time calendar quarter holding `ms`. */
function shanghaiQuarterStart(ms: number): number {
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), Math.floor(local.getUTCMonth() / 3) * 3, 1) - SHANGHAI_OFFSET_MS;
}

function nextQuarterStart(start: number): number {
  const local = new Date(start + SHANGHAI_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 3, 1) - SHANGHAI_OFFSET_MS;
}

/** A moment in the year before `now` (never after it), weighted towards waking hours. */
function randomMoment(rng: Rng, now: number): number {
  const oldest = now - 365 * DAY_MS;
  for (;;) {
    const dayStart =
      Math.floor((now - rng() * 365 * DAY_MS + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
    const hour = weightedIndex(rng, HOUR_WEIGHTS);
    const t = dayStart + hour * 3_600_000 + Math.floor(rng() * 3_600_000);
    if (t <= now - 1000 && t >= oldest) return t;
  }
}

/** The start of the Shanghai calendar day holding `ms`. */
function shanghaiDayStart(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Days before `now` on which the safety line gets two critical complaints: an Andon each. */
export const ANDON_DAYS_AGO = [2, 47] as const;

function randomMomentBetween(rng: Rng, from: number, to: number): number {
  return from + Math.floor(rng() * (to - from));
}

interface Slot {
  line: LineSpec;
  /** Force a critical safety complaint at this moment. */
  criticalAt?: number;
}

const NEGATIVE_KINDS: Weights<SignalKind> = { complaint: 4, csat: 2.2, review: 2.4, nps: 1.4 };
const POSITIVE_KINDS: Weights<SignalKind> = { csat: 4, review: 4, nps: 2.4 };

const CHANNELS_BY_KIND: Record<SignalKind, Weights<Channel>> = {
  complaint: { hotline: 4, chat: 3, app: 2, email: 1.5, social: 1.5, store: 1 },
  csat: { chat: 3, hotline: 2.5, survey: 2, app: 2, store: 1.5 },
  nps: { survey: 5, email: 2, app: 1.5 },
  review: { "review-site": 5, app: 3, social: 1.5 },
};

/** Score weights from the lowest score up: negatives and the rest, per kind. */
const SCORES: Record<
  Exclude<SignalKind, "complaint">,
  { negative: [number, number[]]; positive: [number, number[]] }
> = {
  csat: { negative: [1, [0.45, 0.55]], positive: [3, [0.14, 0.36, 0.5]] },
  review: { negative: [1, [0.45, 0.55]], positive: [3, [0.14, 0.36, 0.5]] },
  nps: { negative: [0, [0.5, 0.3, 0.4, 0.6, 0.8, 1.2, 1.4]], positive: [7, [0.18, 0.27, 0.28, 0.27]] },
};

function score(rng: Rng, kind: Exclude<SignalKind, "complaint">, negative: boolean): number {
  const [lowest, weights] = SCORES[kind][negative ? "negative" : "positive"];
  return lowest + weightedIndex(rng, weights);
}

const SEVERITY: Weights<Severity> = { minor: 6, major: 3.8, critical: 0.12 };
const SAFETY_SEVERITY: Weights<Severity> = { major: 3, critical: 0.3 };

/** Calendar quarters (Beijing time) from the one holding `t` to the one holding `now`. */
function quartersBack(t: number, now: number): number {
  const index = (ms: number) => {
    const local = new Date(ms + SHANGHAI_OFFSET_MS);
    return local.getUTCFullYear() * 4 + Math.floor(local.getUTCMonth() / 3);
  };
  return index(now) - index(t);
}

const GOLDEN = 0.6180339887498949;

/**
 * Whether the next signal of a line told quarter by quarter is negative: a golden-ratio sequence per
 * (line, quarter) instead of a coin, so each quarter's rate is its `byQuarter` rate within a signal
 * or two. A coin would leave the line's fate (at risk or flagged, a review apart) to chance.
 */
function nextIsNegative(
  line: LineSpec,
  rates: readonly number[],
  back: number,
  counters: Map<string, number>,
) {
  const key = `${line.id}#${back}`;
  const c = counters.get(key) ?? 0;
  counters.set(key, c + 1);
  const rate = rates[Math.min(back, rates.length - 1)] ?? 0;
  return (c * GOLDEN + (hash32(key) % 1000) / 1000) % 1 < rate;
}

function negativeRate(line: LineSpec, ageFraction: number): number {
  const [start, end] = line.negative ?? defaultNegative(line.id);
  return end + (start - end) * ageFraction;
}

/** Good lines: a stable rate between 8 % and 14 %, fixed per line (not by the seed). */
function defaultNegative(id: string): readonly [number, number] {
  const base = 0.08 + (hash32(id) % 61) / 1000;
  return [base, base];
}

function reasonsFor(rng: Rng, line: LineSpec): Reason[] {
  const first = weighted(rng, line.reasons);
  if (rng() < 0.22) {
    const second = weighted(rng, line.reasons);
    if (second !== first) return [first, second];
  }
  return [first];
}

function makeSignal(
  rng: Rng,
  n: number,
  slot: Slot,
  now: number,
  customers: number,
  counters: Map<string, number>,
): Signal {
  const { line } = slot;
  const t = slot.criticalAt ?? randomMoment(rng, now);
  const ageFraction = (now - t) / (365 * DAY_MS);
  const critical = slot.criticalAt !== undefined;
  // The coin is drawn either way, so the other lines' signals do not depend on these lines' story.
  const coin = rng();
  const negative =
    critical ||
    (line.byQuarter
      ? nextIsNegative(line, line.byQuarter, quartersBack(t, now), counters)
      : coin < negativeRate(line, ageFraction));
  const kind: SignalKind = critical ? "complaint" : weighted(rng, negative ? NEGATIVE_KINDS : POSITIVE_KINDS);
  const zh = rng() < 0.86;
  const signal: Signal = {
    signalId: `demo-${n}`,
    productLineId: line.id,
    channel: weighted(rng, CHANNELS_BY_KIND[kind]),
    kind,
    occurredAt: toShanghaiIso(t),
    locale: zh ? "zh-CN" : "en-US",
  };
  let reasons: Reason[] | undefined;
  if (kind === "complaint") {
    reasons = critical ? ["safety", "quality"] : reasonsFor(rng, line);
    const safety = reasons.includes("safety");
    signal.severity = critical ? "critical" : weighted<Severity>(rng, safety ? SAFETY_SEVERITY : SEVERITY);
  } else {
    signal.score = score(rng, kind, negative);
    if (negative && rng() < 0.85) reasons = reasonsFor(rng, line);
  }
  if (reasons !== undefined) signal.reasons = reasons;

  const wantsWords = kind === "complaint" || kind === "review" ? rng() < 0.92 : rng() < 0.55;
  if (wantsWords) {
    let text = verbatimFor(rng, line, zh, negative, critical ? "safety" : reasons?.[0]);
    if (negative && reasons?.[1] !== undefined && rng() < 0.6)
      text += zh
        ? verbatimFor(rng, line, zh, true, reasons[1])
        : ` ${verbatimFor(rng, line, zh, true, reasons[1])}`;
    if (rng() < 0.018) text += fakePii(rng, zh);
    signal.verbatim = text;
  }
  if (rng() < 0.86) signal.customerRef = `cust-${String(1 + Math.floor(rng() * customers)).padStart(6, "0")}`;
  const orderShare = kind === "complaint" || kind === "review" ? 0.6 : 0.25;
  if (rng() < orderShare) {
    const ordered = new Date(t - Math.floor(rng() * 12 * DAY_MS) + SHANGHAI_OFFSET_MS);
    signal.orderRef = `SO${ordered.toISOString().slice(0, 10).replaceAll("-", "")}${digits(rng, 8)}`;
  }
  return signal;
}

/**
 * About `count` signals spread over the 365 days before `now`, in a shuffled but deterministic
 * order. Exactly `count` are returned; ids are `demo-1` … `demo-<count>`.
 */
export function demoSignals(options: DemoSignalOptions): Signal[] {
  const count = Math.max(0, Math.floor(options.count ?? 30_000));
  const now = options.now.getTime();
  const rng = mulberry32(options.seed ?? 20260401);

  const slots: Slot[] = [];
  const safetyLine = LINES.find((l) => l.profile === "safety");
  const criticalPerQuarter = Math.min(4, Math.floor(count / 1500));
  if (safetyLine !== undefined && criticalPerQuarter > 0) {
    // Two critical safety complaints on one day raise an Andon (andon.criticalPerDay): on these
    // days only, so the story has one this week and one to dismiss earlier, and no others by chance.
    const taken = new Set<number>();
    for (const daysAgo of ANDON_DAYS_AGO) {
      const day = shanghaiDayStart(now - daysAgo * DAY_MS);
      taken.add(day);
      for (const hour of [10, 15]) {
        const at = day + hour * 3_600_000 + Math.floor(rng() * 3_000_000);
        if (at <= now - 1000) slots.push({ line: safetyLine, criticalAt: at });
      }
    }
    // Single critical safety complaints in every calendar quarter that the year touches, each on
    // a day of its own.
    const oldest = now - 365 * DAY_MS;
    for (let q = shanghaiQuarterStart(oldest); q < now; q = nextQuarterStart(q)) {
      const from = Math.max(q, oldest);
      const to = Math.min(nextQuarterStart(q), now - 1000);
      for (let i = 0; i < criticalPerQuarter; i++) {
        let at = randomMomentBetween(rng, from, to);
        for (let tries = 0; taken.has(shanghaiDayStart(at)) && tries < 20; tries++)
          at = randomMomentBetween(rng, from, to);
        taken.add(shanghaiDayStart(at));
        slots.push({ line: safetyLine, criticalAt: at });
      }
    }
  }
  const unlisted = Math.min(20, Math.floor(count / 50));
  for (let i = 0; i < unlisted; i++) slots.push({ line: UNLISTED });
  const sparsePerLine = Math.min(60, Math.floor(count / 500));
  for (const line of LINES)
    if (line.profile === "sparse") for (let i = 0; i < sparsePerLine; i++) slots.push({ line });
  slots.splice(count);

  const regular = LINES.filter((l) => l.weight > 0);
  const weights = regular.map((l) => l.weight);
  while (slots.length < count) slots.push({ line: regular[weightedIndex(rng, weights)]! });

  // Fisher–Yates, so that any slice of the list looks like a real feed.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = slots[i]!;
    slots[i] = slots[j]!;
    slots[j] = a;
  }
  const customers = Math.max(50, Math.round(count * 0.4));
  const counters = new Map<string, number>();
  const signals = slots.map((slot, i) => makeSignal(rng, i + 1, slot, now, customers, counters));
  return withoutChanceAndons(signals, slots);
}

/**
 * A line's random critical complaints could, by chance, fall two on one day and raise an Andon the
 * story did not write: such a second one is made `major` (the forced ones on Andon days stay).
 */
function withoutChanceAndons(signals: Signal[], slots: readonly Slot[]): Signal[] {
  const seen = new Set<string>();
  const dayOf = (s: Signal) => `${s.productLineId} ${shanghaiDayStart(Date.parse(s.occurredAt))}`;
  signals.forEach((s, i) => {
    if (s.severity === "critical" && slots[i]?.criticalAt !== undefined) seen.add(dayOf(s));
  });
  return signals.map((s, i) => {
    if (s.severity !== "critical" || slots[i]?.criticalAt !== undefined) return s;
    const day = dayOf(s);
    if (seen.has(day)) return { ...s, severity: "major" };
    seen.add(day);
    return s;
  });
}
