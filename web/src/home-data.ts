/**
 * What each role's home page shows, shaped from the API's answers: pure functions (tested in
 * test/unit/web/home-data.test.ts) so the pages only read and draw.
 */

import type { z } from "zod/mini";
import type { NoticeSummary } from "#schemas/notice";
import type { RankedLine } from "#schemas/ranking";
import type { TrendPoint } from "#schemas/trend";

type Point = z.infer<typeof TrendPoint>;

/** Notices still owing something: not relisted, not withdrawn. */
export const isOpenNotice = (notice: Pick<NoticeSummary, "status">): boolean =>
  notice.status !== "RELISTED" && notice.status !== "WITHDRAWN";

/** What a notice's unit must do next, or whom it waits for; a key of the home messages. */
export type NextAction =
  | "homeNextAcknowledge"
  | "homeNextFix"
  | "homeNextAppealDecision"
  | "homeNextFixReview"
  | "homeNextNone";

export const nextActionOf = (status: NoticeSummary["status"]): NextAction => {
  switch (status) {
    case "ISSUED":
      return "homeNextAcknowledge";
    case "ACKNOWLEDGED":
      return "homeNextFix";
    case "APPEALED":
      return "homeNextAppealDecision";
    case "FIX_SUBMITTED":
      return "homeNextFixReview";
    default:
      return "homeNextNone";
  }
};

/** A bu-head's open notices, overdue first, then the soonest due. */
export const myOpenNotices = (notices: readonly NoticeSummary[]): NoticeSummary[] =>
  notices
    .filter(isOpenNotice)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));

/** Whether the line's interval lies wholly above the bar with enough signals (what a review flags). */
export const isOverBar = (line: RankedLine, bar: number, minSample: number): boolean =>
  line.wilson !== null && line.n >= minSample && line.wilson.lo > bar;

/**
 * Lines at risk, for the CCO team: not yet pulled but over the bar (a review would flag them) or at
 * risk (point rate over the bar); over-the-bar first, then the highest negative rate.
 */
export const linesAtRisk = (lines: readonly RankedLine[], bar: number, minSample: number): RankedLine[] =>
  lines
    .filter((l) => !l.pulled && (l.atRisk || isOverBar(l, bar, minSample)))
    .sort(
      (a, b) =>
        Number(isOverBar(b, bar, minSample)) - Number(isOverBar(a, bar, minSample)) ||
        (b.negativeRate ?? 0) - (a.negativeRate ?? 0),
    );

/** The worst lines of the period (the ranking is best first), lines without signals left out. */
export const worstLines = (lines: readonly RankedLine[], count: number): RankedLine[] =>
  lines
    .filter((l) => l.n > 0)
    .sort((a, b) => b.rank - a.rank)
    .slice(0, count);

/**
 * A sparkline's points (x from 0 to width, y from height at 0 % to 0 at the top rate), buckets with
 * no signals left out so a gap never reads as a 0 % rate.
 */
export const sparkline = (
  points: readonly Point[],
  width: number,
  height: number,
): { x: number; y: number }[] => {
  if (points.length === 0) return [];
  const rated = points
    .map((p, i) => ({ i, rate: p.negativeRate }))
    .filter((p): p is { i: number; rate: number } => p.rate !== null);
  const top = Math.max(0.05, ...rated.map((p) => p.rate));
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  return rated.map((p) => ({
    x: Math.round(p.i * step * 10) / 10,
    y: Math.round((height - (p.rate / top) * height) * 10) / 10,
  }));
};

/** The direction of a trend, first rated bucket against the last: up means more negative. */
export const trendDirection = (points: readonly Point[]): "up" | "down" | "flat" | "none" => {
  const rated = points.filter((p) => p.negativeRate !== null && p.n > 0);
  const first = rated[0]?.negativeRate;
  const last = rated.at(-1)?.negativeRate;
  if (rated.length < 2 || first === undefined || last === undefined || first === null || last === null)
    return "none";
  if (Math.abs(last - first) < 0.01) return "flat";
  return last > first ? "up" : "down";
};
