/**
 * The product line page's logic, apart from the page: the trend as chart series, the line's own row
 * of the problem board, its notices and newest voices, and the plain-words verdict on its rate.
 */
import type { NoticeSummary } from "#schemas/notice";
import type { ProblemBoard } from "#schemas/problems";
import type { Trend } from "#schemas/trend";
import type { Voice } from "#schemas/voice";

/** Seconds since the epoch of a day's UTC midnight: the chart draws days, not instants. */
export const daySeconds = (isoDay: string): number => Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / 1000;

/**
 * The trend as uPlot's aligned data: the buckets' first days, and the negative rate in percent
 * (null for a bucket without signals, drawn as a gap rather than a false zero).
 */
export const trendSeries = (points: Trend["points"]): [number[], (number | null)[]] => [
  points.map((p) => daySeconds(p.start)),
  points.map((p) => (p.n > 0 && p.negativeRate !== null ? Math.round(p.negativeRate * 1000) / 10 : null)),
];

/** Whether a trend has anything to draw: at least one bucket with signals. */
export const hasSignals = (trend: Pick<Trend, "points">): boolean => trend.points.some((p) => p.n > 0);

/** The line's own row of the problem board, if it had negatives in either period. */
export const lineRowOf = (board: ProblemBoard, lineId: string): ProblemBoard["productLines"][number] | null =>
  board.productLines.find((l) => l.productLineId === lineId) ?? null;

/** The reasons a line's row has anything to say about, now or in the previous period. */
export const reasonsOf = (row: ProblemBoard["productLines"][number], reasons: ProblemBoard["reasons"]) =>
  reasons.filter((r) => row.byReason[r] > 0 || row.byReasonChange[r] !== 0);

/** A unit's notices narrowed to one line, newest first. */
export const noticesOfLine = (notices: readonly NoticeSummary[], lineId: string): NoticeSummary[] =>
  notices
    .filter((n) => n.productLineId === lineId)
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));

/** The newest `count` voices, newest first (the API answers newest first; this keeps it so). */
export const newestVoices = (voices: readonly Voice[], count: number): Voice[] =>
  [...voices]
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0))
    .slice(0, count);

export type Verdict = "none" | "few" | "over" | "under" | "unsure";

/** What the figures say about the line against the bar, in the same terms the review uses. */
export const verdictOf = (
  figures: { n: number; wilson: { lo: number; hi: number } | null },
  bar: number,
  minSample: number,
): Verdict => {
  if (figures.n === 0 || figures.wilson === null) return "none";
  if (figures.n < minSample) return "few";
  if (figures.wilson.lo > bar) return "over";
  if (figures.wilson.hi < bar) return "under";
  return "unsure";
};
