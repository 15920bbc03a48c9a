/**
 * The spike check of the daily job (DESIGN §2, "Andon"; rules in `core/spike.ts`): every line whose
 * last `andon.spikeDays` complete days spike against its previous quarter gets one `Spike Detected`
 * event (its unit head is notified), at most once per line per week.
 *
 * From counts, never signals: every line's totals of the previous quarter and of the quarters
 * holding the window (O(lines) small items), which bound the window's counts, so that only lines
 * that could spike have their day rollups read (one Query per shard, each at most `spikeDays`
 * items). The announcement and its event are one conditional transaction, so runs that overlap or
 * repeat within the week send it once.
 */
import { dayOf } from "#core/period";
import {
  addTallies,
  baselineQuarter,
  couldSpike,
  type DayWindow,
  judgeSpike,
  quartersOfWindow,
  type SpikeJudgement,
  spikeWindow,
  type TallyFigures,
  tallyOf,
} from "#core/spike";
import { logger } from "#lib/powertools";
import type { Policy } from "#schemas/policy";
import { findProductLines } from "#store/catalog-store";
import type { OutboxEvent } from "#store/outbox-store";
import { currentPolicy } from "#store/policy-store";
import { readRollupTotal } from "#store/rollup-store";
import { recordSpike } from "#store/spike-store";
import { readPeriodTotals } from "#store/total-store";
import { relayOutboxSoon } from "./relay-outbox";

export interface SpikeReport {
  /** The days checked (policy zone, inclusive): the last `spikeDays` complete days. */
  window: DayWindow;
  /** The quarter they were compared with. */
  previousQuarter: string;
  /** Lines with signals in the quarters holding the window. */
  lines: number;
  /** Lines the totals could not rule out, whose rollups were read. */
  candidates: number;
  /** Lines spiking now. */
  spiking: number;
  /** Spikes announced by this run. */
  announced: number;
  /** Spiking lines already announced within the week (by an earlier or a concurrent run). */
  alreadyAnnounced: number;
  /** Totals items read (rollups add at most `candidates × spikeDays` per shard written). */
  totalsRead: number;
}

const CONCURRENCY = 8;

const counts = ({ n, negatives, negativeRate, wilson }: TallyFigures) => ({
  n,
  negatives,
  // Never null here: a spike has at least `minSample` signals, and a quarter without any is never exceeded.
  negativeRate: negativeRate ?? 0,
  wilson,
});

const spikeEvent = (
  spike: { productLineId: string; businessUnitId: string; judgement: SpikeJudgement },
  window: DayWindow,
  previousQuarter: string,
  policy: Policy,
  at: string,
): OutboxEvent => ({
  // One id per line and window: a repeat publication of the same announcement is dropped.
  eventId: `spike:${spike.productLineId}:${window.to}`,
  createdAt: at,
  detailType: "Spike Detected",
  detail: {
    productLineId: spike.productLineId,
    businessUnitId: spike.businessUnitId,
    window,
    ...counts(spike.judgement.window),
    previous: { quarter: previousQuarter, ...counts(spike.judgement.previous) },
    policyVersion: policy.version,
    confidence: policy.review.confidence,
    minSample: policy.review.minSample,
  },
});

/** Runs `work` on each item, a few at a time. */
const eachLimited = async <T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
};

export const detectSpikes = async (now = new Date()): Promise<SpikeReport> => {
  const policy = await currentPolicy();
  const settings = policy.review;
  const window = spikeWindow(dayOf(now, policy.timeZone), policy.andon.spikeDays);
  const previousQuarter = baselineQuarter(window);
  const [previous, ...holding] = await Promise.all(
    [previousQuarter, ...quartersOfWindow(window)].map(readPeriodTotals),
  );
  const report: SpikeReport = {
    window,
    previousQuarter,
    lines: 0,
    candidates: 0,
    spiking: 0,
    announced: 0,
    alreadyAnnounced: 0,
    totalsRead: [previous, ...holding].reduce((sum, t) => sum + (t?.itemsRead ?? 0), 0),
  };
  // A line with no signals in the quarters holding the window has none in it: it cannot spike.
  const lines = new Set(holding.flatMap((t) => [...t.byLine.keys()]));
  report.lines = lines.size;
  const previousOf = (line: string) => tallyOf(previous?.byLine.get(line) ?? {});
  const candidates = [...lines].filter((line) =>
    couldSpike(addTallies(holding.map((t) => tallyOf(t.byLine.get(line) ?? {}))), previousOf(line), settings),
  );
  report.candidates = candidates.length;

  const spiking: { productLineId: string; judgement: SpikeJudgement }[] = [];
  await eachLimited(candidates, async (line) => {
    const days = tallyOf(await readRollupTotal(line, window.from, window.to));
    const judgement = judgeSpike(days, previousOf(line), settings);
    if (judgement.spike) spiking.push({ productLineId: line, judgement });
  });
  report.spiking = spiking.length;
  if (spiking.length === 0) return report;

  // The unit is read for spiking lines only (a batch get, cached): lines are never deleted.
  const catalog = await findProductLines(spiking.map((s) => s.productLineId));
  const at = now.toISOString();
  await eachLimited(spiking, async (spike) => {
    const line = catalog.get(spike.productLineId);
    if (!line) {
      // Counted signals are of catalog lines, and lines are never deleted: this is not expected,
      // and must not keep the other lines' spikes from going out.
      logger.warn("A spiking line is not in the catalog", { productLineId: spike.productLineId });
      return;
    }
    const event = spikeEvent(
      { ...spike, businessUnitId: line.businessUnitId },
      window,
      previousQuarter,
      policy,
      at,
    );
    if (await recordSpike(spike.productLineId, window.to, event)) report.announced++;
    else report.alreadyAnnounced++;
  });
  if (report.announced > 0) await relayOutboxSoon();
  return report;
};
