/**
 * The lines the review and policy pages are tested on, in the quarter before this one (ended, so a
 * real run may review it). Three big good lines keep the pooled rate low (7.8 %, so the bar is the
 * 20 % floor); two lines are clearly over it, one just over (its 95 % lower bound 20.4 %: a floor of
 * 21 % clears it), one at risk (lower bound 15.8 %: a floor of 15 % flags it), and one flagged by
 * three critical complaints on different days (no Andon), one of them hostile markup.
 */
import { dayOfPreviousQuarter, quarterOfDay } from "#test/integration/fixtures";
import { type Dashboard, putCatalog, sendSignals } from "./dashboard-fixture";

export const HOSTILE = `<img src=x onerror="window.__xss=1">插头冒烟了`;
export const pastDay = dayOfPreviousQuarter();
export const pastQuarter = quarterOfDay(pastDay);

/** id, English name, Chinese name, unit, signals, negatives. */
export const LINES: [string, string, string, string, number, number][] = [
  ["pl-worst", "Heater W", "取暖器 W", "bu-home", 200, 100],
  ["pl-bad", "Kettle B", "水壶 B", "bu-home", 200, 80],
  ["pl-near", "Fan N", "风扇 N", "bu-home", 200, 52],
  ["pl-risk", "Lamp R", "台灯 R", "bu-fresh", 100, 23],
  ["pl-good1", "Milk 1", "牛奶 1", "bu-fresh", 1000, 10],
  ["pl-good2", "Milk 2", "牛奶 2", "bu-fresh", 1000, 10],
  ["pl-good3", "Milk 3", "牛奶 3", "bu-fresh", 1000, 10],
];

const DAY = 86_400_000;

export const seedReviewLines = async (dash: Dashboard): Promise<void> => {
  await putCatalog(dash, {
    businessUnits: [
      { id: "bu-home", name: "Home", nameZh: "家电" },
      { id: "bu-fresh", name: "Fresh", nameZh: "生鲜" },
    ],
    productLines: [
      ...LINES.map(([id, name, nameZh, businessUnitId]) => ({
        id,
        name,
        nameZh,
        businessUnitId,
        category: "home",
      })),
      { id: "pl-crit", name: "Socket C", nameZh: "插座 C", businessUnitId: "bu-home", category: "home" },
    ],
  });
  const base = new Date(`${pastDay}T12:00:00+08:00`).getTime();
  const signals: Record<string, unknown>[] = LINES.flatMap(([id, , , , n, negatives]) =>
    Array.from({ length: n }, (_, i) => ({
      signalId: `rv-${id}-${i}`,
      productLineId: id,
      channel: "app",
      kind: "csat",
      score: i < negatives ? 1 : 5,
      occurredAt: new Date(base - i * 1000).toISOString(),
      ...(i < 2 ? { verbatim: i === 0 && id === "pl-worst" ? HOSTILE : `${id} 用了三天就坏了` } : {}),
    })),
  );
  for (let i = 0; i < 40; i++)
    signals.push({
      signalId: `rv-pl-crit-${i}`,
      productLineId: "pl-crit",
      channel: "hotline",
      occurredAt: new Date(base - (i < 3 ? i * 5 * DAY : i * 1000)).toISOString(),
      ...(i < 3
        ? {
            kind: "complaint",
            severity: "critical",
            reasons: ["safety"],
            verbatim: `插座第 ${i + 1} 次冒火花`,
          }
        : { kind: "csat", score: i < 5 ? 2 : 4 }),
    });
  await sendSignals(dash, signals);
};
