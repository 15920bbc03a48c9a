/** The soak's headline figures for the run's summary table (`summary.ts`). */
import { num } from "./cases";
import type { Figure } from "./summary";

/** Flat: the last whole minute's RSS at most this much above the second minute's. */
export const FLAT_RATIO = 1.15;

export interface SoakOutcome {
  seconds: number;
  errorCount: number;
  counted: number;
  sent: number;
  exact: boolean;
  flat: { lastRss: number; baseRss: number; base: number; last: number };
  /** RSS in MB of the runtime's Node process and of DynamoDB Local's Java, before any load. */
  atStart: { rss: number; java: number };
  /** The highest RSS each had over the whole soak (VmHWM). */
  peak: { rss: number; java: number };
  /** RSS when the signals wanted (`--signals`) were in, if asked for. */
  atWanted?: { accepted: number; rss: number; java: number; seconds: number } | undefined;
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

export const soakFigures = (o: SoakOutcome): Figure[] => {
  const minutes = `${(o.seconds / 60).toFixed(1)} min`;
  const signals = `${(o.sent / 1e6).toFixed(2)} M signals`;
  return [
    {
      bench: "soak",
      figure: `failed requests over ${minutes} of ingest with parallel reads`,
      measured: num(o.errorCount),
      reference: "–",
      budget: "0",
      pass: o.errorCount === 0,
    },
    {
      bench: "soak",
      figure: "signals counted in the metrics / signals sent",
      measured: num(o.counted),
      reference: `sent ${num(o.sent)}`,
      ratio: o.counted / o.sent,
      budget: "exact",
      pass: o.exact,
    },
    {
      bench: "soak",
      figure: `runtime RSS, minute ${o.flat.last} / minute ${o.flat.base}`,
      measured: mb(o.flat.lastRss),
      reference: `minute ${o.flat.base} ${mb(o.flat.baseRss)}`,
      ratio: o.flat.lastRss / o.flat.baseRss,
      budget: `≤ ${FLAT_RATIO}×`,
      pass: o.flat.lastRss <= o.flat.baseRss * FLAT_RATIO,
    },
    {
      bench: "soak",
      figure: `runtime (Node) peak RSS, ${signals} ingested`,
      measured: mb(o.peak.rss),
      reference: `at start ${mb(o.atStart.rss)}`,
      ratio: o.peak.rss / o.atStart.rss,
    },
    {
      bench: "soak",
      figure: `DynamoDB Local (Java, in memory) peak RSS, ${signals} stored`,
      measured: mb(o.peak.java),
      reference: `at start ${mb(o.atStart.java)}`,
      ratio: o.peak.java / o.atStart.java,
    },
    ...(o.atWanted
      ? [
          {
            bench: "soak",
            figure: `runtime RSS when ${num(o.atWanted.accepted)} signals were in (${(o.atWanted.seconds / 60).toFixed(1)} min)`,
            measured: mb(o.atWanted.rss),
            reference: `at start ${mb(o.atStart.rss)}; Java ${mb(o.atWanted.java)}`,
            ratio: o.atWanted.rss / o.atStart.rss,
          },
        ]
      : []),
  ];
};
