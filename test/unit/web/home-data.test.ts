/** What the home pages show, shaped from the API's answers: notices owed, lines at risk, the worst, trends. */
import { describe, expect, it } from "vitest";
import type { NoticeSummary } from "#schemas/notice";
import type { RankedLine } from "#schemas/ranking";
import {
  isOverBar,
  linesAtRisk,
  myOpenNotices,
  nextActionOf,
  sparkline,
  trendDirection,
  worstLines,
} from "#web/home-data";

const notice = (
  id: string,
  status: NoticeSummary["status"],
  dueAt: string,
  overdue = false,
): NoticeSummary => ({
  id,
  productLineId: `pl-${id}`,
  businessUnitId: "bu-a",
  quarter: "2026-Q3",
  source: "review",
  status,
  version: 1,
  issuedAt: "2026-10-01T00:00:00Z",
  dueAt,
  overdue,
  n: 100,
  negativeRate: 0.5,
});

const line = (id: string, rank: number, overrides: Partial<RankedLine> = {}): RankedLine => ({
  rank,
  productLineId: id,
  name: id,
  businessUnitId: "bu-a",
  category: "c",
  n: 100,
  negatives: 10,
  negativeRate: 0.1,
  wilson: { lo: 0.05, hi: 0.17 },
  shrunkRate: 0.1,
  pulled: false,
  atRisk: false,
  andon: false,
  ...overrides,
});

const point = (start: string, n: number, negativeRate: number | null) => ({
  start,
  n,
  negatives: Math.round(n * (negativeRate ?? 0)),
  negativeRate,
});

describe("a unit head's notices", () => {
  it("keeps the open ones, overdue first, then the soonest due", () => {
    const list = [
      notice("a", "ACKNOWLEDGED", "2026-12-20T00:00:00Z"),
      notice("b", "RELISTED", "2026-11-01T00:00:00Z"),
      notice("c", "ISSUED", "2026-12-10T00:00:00Z"),
      notice("d", "FIX_SUBMITTED", "2026-11-15T00:00:00Z", true),
      notice("e", "WITHDRAWN", "2026-11-01T00:00:00Z"),
    ];
    expect(myOpenNotices(list).map((n) => n.id)).toEqual(["d", "c", "a"]);
  });

  it("says what comes next in each status", () => {
    expect(nextActionOf("ISSUED")).toBe("homeNextAcknowledge");
    expect(nextActionOf("ACKNOWLEDGED")).toBe("homeNextFix");
    expect(nextActionOf("APPEALED")).toBe("homeNextAppealDecision");
    expect(nextActionOf("FIX_SUBMITTED")).toBe("homeNextFixReview");
    expect(nextActionOf("RELISTED")).toBe("homeNextNone");
  });
});

describe("lines at risk and the worst lines", () => {
  const bar = 0.2;
  const lines = [
    line("fine", 1),
    line("over", 5, { negativeRate: 0.4, wilson: { lo: 0.3, hi: 0.5 } }),
    line("point", 4, { negativeRate: 0.45, wilson: { lo: 0.15, hi: 0.8 }, atRisk: true }),
    line("pulled", 6, { negativeRate: 0.6, wilson: { lo: 0.5, hi: 0.7 }, pulled: true }),
    line("small", 3, { n: 10, negativeRate: 0.5, wilson: { lo: 0.24, hi: 0.76 } }),
    line("silent", 2, { n: 0, negatives: 0, negativeRate: null, wilson: null }),
  ];

  it("flags over the bar only with enough signals", () => {
    expect(isOverBar(lines[1] as RankedLine, bar, 30)).toBe(true);
    expect(isOverBar(lines[4] as RankedLine, bar, 30)).toBe(false);
    expect(isOverBar(lines[4] as RankedLine, bar, 10)).toBe(true);
  });

  it("lists unpulled lines over the bar first, then those at risk", () => {
    expect(linesAtRisk(lines, bar, 30).map((l) => l.productLineId)).toEqual(["over", "point"]);
  });

  it("takes the worst by rank, leaving out lines without signals", () => {
    expect(worstLines(lines, 3).map((l) => l.productLineId)).toEqual(["pulled", "over", "point"]);
    expect(worstLines(lines, 10)).toHaveLength(5);
  });
});

describe("a trend", () => {
  it("draws rated buckets only, the top rate at the top", () => {
    const points = [point("w1", 10, 0.1), point("w2", 0, null), point("w3", 10, 0.4)];
    expect(sparkline(points, 100, 20)).toEqual([
      { x: 0, y: 15 },
      { x: 100, y: 0 },
    ]);
    expect(sparkline([], 100, 20)).toEqual([]);
  });

  it("says whether it rises, falls or holds, and when there is too little to say", () => {
    expect(trendDirection([point("a", 10, 0.1), point("b", 10, 0.3)])).toBe("up");
    expect(trendDirection([point("a", 10, 0.3), point("b", 0, null), point("c", 10, 0.1)])).toBe("down");
    expect(trendDirection([point("a", 10, 0.3), point("b", 10, 0.305)])).toBe("flat");
    expect(trendDirection([point("a", 10, 0.3)])).toBe("none");
  });
});
