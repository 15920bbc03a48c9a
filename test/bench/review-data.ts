/**
 * The review bench's data: a catalog of N lines and one quarter of signals, written with the
 * ingest's own store call (`writeSignals`: the same transactions, shards, day rollups and period
 * totals as `POST /v1/signals`) but without HTTP, which would take hours at 10,000 lines.
 *
 * Every line gets a fixed list of signal templates (kind, score, reasons, words) on a few fixed days
 * of the quarter. With `copies` = 10 every template is sent ten times (new ids, same line, day and
 * kind), so 10× is exactly ten times the signals with the same mix, and the same lines are flagged.
 * The awards bench writes its own lines (`awards-data.ts`) through the same stream and loader.
 */
import { daysIn, parsePeriod, startOfDayInstant } from "#core/period";
import { prepareSignal } from "#core/signal-rules";
import type { Catalog } from "#schemas/catalog";
import type { Policy } from "#schemas/policy";
import { CHANNELS, type Signal, type StoredSignal } from "#schemas/signal";
import { planTransactions, writeSignals } from "#store/signal-store";

/** One line in this many is clearly bad (40 % negatives at n = minSample at 1×); the rest are good. */
export const BAD_EVERY = 25;
export const BUSINESS_UNITS = 20;
/** Days of the quarter a bad line's signals fall on (a good line's: at most 4). */
const BAD_DAYS = 6;
/** Signals per `POST /v1/signals` batch, as the CLI importer sends them, and batches in flight. */
const BATCH = 500;
const IN_FLIGHT = 4;

export interface DataPlan {
  lines: number;
  /** Signals of a good line at 1×. */
  perLine: number;
  copies: number;
  quarter: string;
  /**
   * `same-days`: a template's copies fall on its day (a line's signals of a day arrive together).
   * `spread`: copy c lands c × 9 days later (wrapping in the quarter), so a line's signals arrive in
   * ~`copies` times as many batches, as live traffic at 10× the volume would.
   */
  arrival: "same-days" | "spread";
}

export const lineId = (i: number) => `pl-${String(i).padStart(6, "0")}`;
export const isBad = (i: number) => i % BAD_EVERY === 0;

export const benchCatalog = (lines: number): Catalog => ({
  businessUnits: Array.from({ length: BUSINESS_UNITS }, (_, b) => ({ id: `bu-${b}`, name: `Unit ${b}` })),
  productLines: Array.from({ length: lines }, (_, i) => ({
    id: lineId(i),
    name: `Line ${i}`,
    businessUnitId: `bu-${i % BUSINESS_UNITS}`,
    category: `cat-${i % 40}`,
  })),
});

const WORDS = {
  bad: [
    "用了三天就坏了,客服也不理人",
    "The heater smells of burning plastic after an hour.",
    "包装破损,少了配件",
  ],
  good: ["质量不错,用了一个月没有问题", "Great value for the price, would buy again."],
};

/** A signal of a line before its id, line, channel and time are given. */
export type Template = Omit<Signal, "signalId" | "productLineId" | "occurredAt" | "channel">;

/** A line's signals at 1× and how many days of the quarter they fall on. */
export interface LineSignals {
  templates: Template[];
  days: number;
}
/** The signals of line `i` (the review's own, or another bench's). */
export type LinePlanner = (i: number) => LineSignals;

/** The signals of line `i` at 1×: a bad line has max(minSample, perLine) of them, 40 % negative. */
const templatesOf = (i: number, perLine: number, minSample: number): Template[] => {
  if (isBad(i))
    return Array.from({ length: Math.max(minSample, perLine) }, (_, k): Template => {
      if (k % 5 === 0)
        return { kind: "complaint", severity: "major", reasons: ["quality"], verbatim: WORDS.bad[k % 3] };
      if (k % 5 === 1) return { kind: "csat", score: 1, reasons: ["logistics"], verbatim: WORDS.bad[k % 3] };
      return k % 2 === 0 ? { kind: "nps", score: 9 } : { kind: "review", score: 5, verbatim: WORDS.good[0] };
    });
  // One good line in six has one mild negative: at 10× (n ≥ minSample) it is at risk, never flagged.
  return Array.from({ length: perLine }, (_, k): Template => {
    if (k === 0 && i % 5 === 0) return { kind: "csat", score: 2, reasons: ["price"] };
    if (k % 3 === 2) return { kind: "review", score: 4, verbatim: WORDS.good[k % 2] };
    return k % 2 === 0 ? { kind: "csat", score: 5 } : { kind: "nps", score: 10 };
  });
};

/** The review bench's lines: a bad line's signals on {@link BAD_DAYS} days, a good line's on ≤ 4. */
export const reviewLines =
  (perLine: number, minSample: number): LinePlanner =>
  (i) => {
    const templates = templatesOf(i, perLine, minSample);
    return { templates, days: isBad(i) ? BAD_DAYS : Math.min(templates.length, 4) };
  };

/**
 * The quarter's signals in the order channels would send them: day by day, and within a day by the
 * time they occurred (a line's copies together). Yields prepared signals, as ingest stores them.
 * `lineOf` gives each line's signals (the review's by default).
 */
export function* signalStream(
  plan: DataPlan,
  policy: Policy,
  hmacKey: string,
  lineOf: LinePlanner = reviewLines(plan.perLine, policy.review.minSample),
): Generator<StoredSignal> {
  const { from, to } = parsePeriod(plan.quarter);
  const dayList = daysIn(from, to);
  const days = dayList.length;
  const now = new Date();
  const byDay: { line: number; k: number; copy: number }[][] = Array.from({ length: days }, () => []);
  const templates = new Map<number, Template[]>();
  for (let i = 0; i < plan.lines; i++) {
    const { templates: list, days: slots } = lineOf(i);
    templates.set(i, list);
    list.forEach((_, k) => {
      for (let copy = 0; copy < plan.copies; copy++) {
        const shift = plan.arrival === "spread" ? copy * 9 : 0;
        byDay[(i * 13 + (k % slots) * 17 + shift) % days]?.push({ line: i, k, copy });
      }
    });
  }
  for (let d = 0; d < days; d++) {
    const dayStart = startOfDayInstant(dayList[d] as string, policy.timeZone).getTime();
    // Each line has its own hour of the day (8:00–18:00), so its copies sit together in the stream.
    const at = (e: { line: number; k: number; copy: number }) =>
      dayStart + 8 * 3_600_000 + ((e.line * 37) % 36_000) * 1000 + (e.k * plan.copies + e.copy) * 1000;
    const entries = byDay[d] ?? [];
    entries.sort((a, b) => at(a) - at(b));
    for (const e of entries) {
      const template = templates.get(e.line)?.[e.k] as Template;
      const signal = {
        ...template,
        signalId: `rb-${e.line}-${e.k}-${e.copy}`,
        productLineId: lineId(e.line),
        channel: CHANNELS[(e.line + e.k) % CHANNELS.length],
        occurredAt: new Date(at(e)).toISOString(),
        customerRef: `cust-${(e.line * 31 + e.k) % 50_000}`,
      } as Signal;
      yield prepareSignal(signal, { now, timeZone: policy.timeZone, hmacKey });
    }
    byDay[d] = [];
  }
}

export interface LoadOutcome {
  written: number;
  transactions: number;
  /** Transactions sent again (a conflict on a counter item with another transaction in flight). */
  retried: number;
}

/** Writes the stream in 500-signal batches, a few in flight, as ingest writes a request's batch. */
export const loadSignals = async (
  stream: Iterator<StoredSignal>,
  policy: Policy,
  progress: (written: number) => void,
): Promise<LoadOutcome> => {
  let written = 0;
  let transactions = 0;
  let retried = 0;
  const nextBatch = (): StoredSignal[] => {
    const batch: StoredSignal[] = [];
    for (let r = stream.next(); !r.done; r = stream.next()) {
      batch.push(r.value);
      if (batch.length === BATCH) break;
    }
    return batch;
  };
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
        const outcome = await writeSignals(batch, "ingest", policy.retentionDays);
        if (outcome.written.length !== batch.length)
          throw new Error(`Only ${outcome.written.length} of ${batch.length} signals written`);
        written += batch.length;
        transactions += outcome.requests;
        retried += outcome.requests - planTransactions(batch, true).length;
        progress(written);
      }
    }),
  );
  return { written, transactions, retried };
};

/** Loads `stream` as {@link loadSignals} does, telling `say` each fifth of `expected` written. */
export const loadWithProgress = async (
  stream: Iterator<StoredSignal>,
  policy: Policy,
  expected: number,
  say: (line: string) => void,
): Promise<LoadOutcome & { seconds: number }> => {
  const start = performance.now();
  let shown = 0;
  const loaded = await loadSignals(stream, policy, (written) => {
    if (written - shown >= expected / 5 || written === expected) {
      shown = written;
      const seconds = (performance.now() - start) / 1000;
      say(`${written.toLocaleString("en-US")} signals in ${seconds.toFixed(0)} s`);
    }
  });
  return { ...loaded, seconds: (performance.now() - start) / 1000 };
};

/** `PUT /v1/catalog` of a large catalog, in bodies well under the 1 MB request limit. */
export const putCatalog = async (
  call: (method: string, path: string, body: unknown, token: string) => Promise<unknown>,
  catalog: Catalog,
  token: string,
): Promise<void> => {
  for (let i = 0; i < catalog.productLines.length; i += 2_000)
    await call(
      "PUT",
      "/v1/catalog",
      {
        businessUnits: i === 0 ? catalog.businessUnits : [],
        productLines: catalog.productLines.slice(i, i + 2_000),
      },
      token,
    );
};

/** Signals the plan writes, without generating them. */
export const signalCount = (plan: DataPlan, minSample: number): number => {
  let n = 0;
  for (let i = 0; i < plan.lines; i++) n += isBad(i) ? Math.max(minSample, plan.perLine) : plan.perLine;
  return n * plan.copies;
};
