/**
 * The data each role's home page is tested on: a kettle flagged three quarters back whose notice is
 * now overdue; milk flagged two quarters back and appealed by its unit; this quarter a heater over
 * the bar (its negatives the most recent, one of them hostile markup) and the others fine; two
 * signals of a line the catalog does not know; and an executive's chases of two voices.
 */
import { expect } from "vitest";
import { runReview } from "#app/run-review";
import { runAs } from "#infra/local/functions";
import { currentQuarter } from "#test/integration/fixtures";
import { type Dashboard, putCatalog, sendSignals } from "./dashboard-fixture";

export const HOSTILE = `<img src=x onerror="window.__xss=1">插头冒烟了`;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The quarter `back` quarters before `quarter` (`2026-Q1`, 1 → `2025-Q4`). */
const quarterBefore = (quarter: string, back: number): string => {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
};
/** Midnight in Shanghai starting the quarter after `quarter`. */
const endOf = (quarter: string): Date => {
  const next = quarterBefore(quarter, -1);
  const month = (Number(next.slice(6)) - 1) * 3 + 1;
  return new Date(`${next.slice(0, 4)}-${String(month).padStart(2, "0")}-01T00:00:00+08:00`);
};

const now = currentQuarter();
export const previous = quarterBefore(now, 1);
const old = quarterBefore(now, 2);
const older = quarterBefore(now, 3);

let counter = 0;

/** `count` csat signals of a line at `at` (`step` ms apart, going back), the first `negatives` negative. */
const csat = (line: string, count: number, negatives: number, at: Date, words?: string, step = 1000) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `home-${line}-${counter++}`,
    productLineId: line,
    channel: "app",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    occurredAt: new Date(at.getTime() - i * step).toISOString(),
    ...(words && i === 0 ? { verbatim: words, locale: "zh-CN" } : {}),
  }));

/** Seeds the home pages' data; answers the days from the start of this quarter to the heater's newest signal. */
export const seedHomes = async (dash: Dashboard): Promise<number> => {
  const { api } = dash;
  await putCatalog(dash, {
    businessUnits: [
      { id: "bu-home", name: "Home appliances", nameZh: "家电" },
      { id: "bu-fresh", name: "Fresh food", nameZh: "生鲜" },
    ],
    productLines: [
      { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-home", category: "kitchen" },
      { id: "pl-heater", name: "Heater", nameZh: "取暖器", businessUnitId: "bu-home", category: "heating" },
      {
        id: "pl-toaster",
        name: "Toaster",
        nameZh: "烤面包机",
        businessUnitId: "bu-home",
        category: "kitchen",
      },
      { id: "pl-milk", name: "Milk", nameZh: "牛奶", businessUnitId: "bu-fresh", category: "dairy" },
    ],
  });
  const recent = new Date(Date.now() - HOUR);
  // The heater's signals spread over up to five weeks of this quarter, the negative ones the most
  // recent: a rising trend (too few weeks to draw one in a quarter's first days).
  const intoQuarter = (recent.getTime() - endOf(quarterBefore(now, 1)).getTime()) / DAY;
  const heaterStep = (Math.max(0, Math.min(35, intoQuarter - 1)) * DAY) / 60;
  const signals = [
    // The older quarter: the kettle flagged long ago, its notice now overdue.
    ...csat("pl-kettle", 100, 60, new Date(endOf(older).getTime() - 10 * DAY)),
    ...csat("pl-toaster", 300, 3, new Date(endOf(older).getTime() - 10 * DAY)),
    // Two quarters back: milk flagged a few days ago, then appealed.
    ...csat("pl-milk", 100, 60, new Date(endOf(old).getTime() - 10 * DAY)),
    ...csat("pl-toaster", 300, 3, new Date(endOf(old).getTime() - 10 * DAY)),
    // This quarter: the heater over the bar, the others fine.
    ...csat("pl-heater", 60, 40, recent, HOSTILE, Math.max(1000, heaterStep)),
    ...csat("pl-kettle", 60, 3, recent, "很好用"),
    ...csat("pl-toaster", 60, 6, recent),
    ...csat("pl-milk", 60, 12, recent, "牛奶有点酸"),
    { ...csat("pl-ghost", 1, 1, recent)[0], signalId: "home-ghost-1" },
    { ...csat("pl-ghost", 1, 1, recent)[0], signalId: "home-ghost-2" },
  ];
  await sendSignals(dash, signals, { expected: { rejected: [] } });
  const kettleReview = await runAs("review", () =>
    runReview({ quarter: older }, "cco", new Date(endOf(older).getTime() + DAY)),
  );
  expect(kettleReview.noticesIssued).toHaveLength(1);
  const milkReview = await runAs("review", () =>
    runReview({ quarter: old }, "cco", new Date(Date.now() - 2 * DAY)),
  );
  expect(milkReview.noticesIssued).toHaveLength(1);
  const fresh = await api.token("bu-head", ["bu-fresh"]);
  const milkNotice = (await api.call("GET", `/v1/notices/${milkReview.noticesIssued[0]}`, { token: fresh }))
    .body;
  const appeal = await api.call("POST", `/v1/notices/${milkNotice.id}/actions`, {
    token: fresh,
    body: { action: "appeal", comment: "The batch was recalled already", version: milkNotice.version },
  });
  expect(appeal.status).toBe(200);
  const executive = await api.token("executive");
  const heaterVoice = signals.find((s) => s.productLineId === "pl-heater" && "verbatim" in s);
  const milkVoice = signals.find((s) => s.productLineId === "pl-milk" && "verbatim" in s);
  for (const [voice, question] of [
    [heaterVoice, "冒烟的插头是哪一批?"],
    [milkVoice, "Which dairy farm?"],
  ] as const) {
    const chase = await api.call("POST", "/v1/chases", {
      token: executive,
      body: { signalId: voice?.signalId, question },
    });
    expect(chase.status).toBe(200);
  }
  return intoQuarter;
};
