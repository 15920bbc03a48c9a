/**
 * The notices the inbox and notice pages are tested on: a review the CCO team runs through the API
 * over lines of two units in the previous quarter (the rice cooker of unit A, its words hostile
 * markup, and the hose of unit B flagged), and an older notice of unit B, the mower's, flagged by
 * the schedule long ago and now overdue, with an Andon raised on it today.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { runScheduledReview } from "#app/scheduled-review";
import { runAs } from "#infra/local/functions";
import { dayOfPreviousQuarter, quarterOfDay } from "#test/integration/fixtures";
import { type Dashboard, putCatalog, sendSignals } from "./dashboard-fixture";

export const HOSTILE = `<img src=x onerror="window.__xss=1">盖子漏水`;
const DAY = 86_400_000;
const pastDay = dayOfPreviousQuarter();
const previous = quarterOfDay(pastDay);
const shanghai = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(ms);
/** A day of the quarter before the previous one, and the first day after that quarter. */
const olderDay = shanghai(new Date(`${pastDay}T12:00:00+08:00`).getTime() - 92 * DAY);
const older = quarterOfDay(olderDay);
const afterOlder = (() => {
  const [year, q] = [Number(older.slice(0, 4)), Number(older.slice(6))];
  return q === 4 ? `${year + 1}-01-02` : `${year}-${String(q * 3 + 1).padStart(2, "0")}-02`;
})();

const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Kitchen", nameZh: "厨房电器" },
    { id: "bu-b", name: "Garden", nameZh: "园艺" },
  ],
  productLines: [
    { id: "pl-a-bad", name: "Rice cooker", nameZh: "电饭煲", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-a-ok", name: "Toaster", nameZh: "多士炉", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-b-bad", name: "Hose", nameZh: "浇水软管", businessUnitId: "bu-b", category: "garden" },
    { id: "pl-b-old", name: "Mower", nameZh: "割草机", businessUnitId: "bu-b", category: "garden" },
  ],
};

let seq = 0;
/** `count` csat signals of a line at `at`, the first `negatives` negative, some with words. */
export const csat = (line: string, count: number, negatives: number, at: Date, words: string[] = []) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `nt-${line}-${seq++}`,
    productLineId: line,
    channel: "app",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    occurredAt: new Date(at.getTime() - i * 1000).toISOString(),
    ...(words[i] ? { verbatim: words[i] } : {}),
  }));
/** Each flagged line's notice, by line: set by `seedNotices`. */
export const ids: Record<string, string> = {};

export const seedNotices = async (dash: Dashboard): Promise<void> => {
  await putCatalog(dash, catalog);
  const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);
  await sendSignals(dash, [
    // The older quarter: the mower flagged by the schedule long ago, now overdue.
    ...csat("pl-b-old", 40, 30, noon(olderDay)),
    ...csat("pl-a-ok", 400, 0, noon(olderDay)),
    // The previous quarter: the rice cooker (unit A) and the hose (unit B) flagged.
    ...csat("pl-a-bad", 40, 30, noon(pastDay), ["", HOSTILE, "饭煮不熟，客服也不回"]),
    ...csat("pl-b-bad", 40, 30, noon(pastDay)),
    ...csat("pl-a-ok", 400, 0, noon(pastDay)),
    // The rice cooker's 28 days before its notice (issued today): the fix's baseline.
    ...csat("pl-a-bad", 40, 30, new Date(Date.now() - 3 * DAY)),
    // Two critical complaints on the mower today: an Andon is raised on it.
    ...[1, 2].map((i) => ({
      signalId: `nt-andon-${i}`,
      productLineId: "pl-b-old",
      channel: "hotline",
      kind: "complaint",
      severity: "critical",
      reasons: ["safety"],
      verbatim: "刀片飞出来了",
      occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
    })),
  ]);
  const old = await runAs("quarterlyReview", () =>
    runScheduledReview({ quarter: older }, new Date(`${afterOlder}T02:00:00+08:00`)),
  );
  ids["pl-b-old"] = old.lines.find((l) => l.productLineId === "pl-b-old")?.noticeId ?? "";
  const review = await dash.api.call("POST", "/v1/reviews", { token: dash.cco, body: { quarter: previous } });
  expect(review.status).toBe(200);
  for (const line of review.body.lines) if (line.noticeId) ids[line.productLineId] = line.noticeId;
  expect(Object.keys(ids).sort()).toEqual(["pl-a-bad", "pl-b-bad", "pl-b-old"]);
};

export const rowsOf = (page: Page) =>
  page
    .locator("#notices-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.line));
export const noticeUrl = (line: string) => `#/notices/${encodeURIComponent(ids[line] ?? "")}`;
