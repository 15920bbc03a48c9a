/**
 * Spikes through the HTTP contract and the daily job on DynamoDB Local, on engineered data: signals
 * ingested over HTTP in the quarters the windows are compared with and in the last two weeks, then
 * the job run as `overdueReminders` with an injected clock (and once through
 * `POST /v1/dev/jobs/DailyOverdue`, on the real one). A spiking line gets one `Spike Detected` and
 * one notification to its own unit's head, however often and concurrently the job runs that week,
 * and again the next week; a steady line, a small line and a clean line never do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectSpikes } from "#app/detect-spikes";
import { addDays, daysIn } from "#core/period";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { SpikeDetectedDetail } from "#schemas/events";
import { csatSignals, quarterOfDay, shanghaiDay } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let headA: string;
let headB: string;
let executive: string;

const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Unit A" },
    { id: "bu-b", name: "Unit B" },
  ],
  productLines: [
    { id: "pl-spike", name: "Spiking", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-steady", name: "Steady", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-small", name: "Small", businessUnitId: "bu-b", category: "garden" },
    { id: "pl-clean", name: "Clean", businessUnitId: "bu-b", category: "garden" },
  ],
};

/** Today in Shanghai (the default policy zone), when the test starts. */
const today = shanghaiDay(0);
const at = (day: string, time = "01:00:00") => new Date(`${day}T${time}+08:00`);
const noon = (day: string) => at(day, "12:00:00");
const previousQuarter = (quarter: string) => {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
};
/** A day in the middle of a quarter: far from the windows, even when one of them is in that quarter. */
const middleOf = (quarter: string) =>
  `${quarter.slice(0, 4)}-${String(Number(quarter.slice(6)) * 3 - 1).padStart(2, "0")}-15`;

/** The job's runs below: a week before today (and later that week), then today. */
const firstRun = addDays(today, -7);
const firstWindow = { from: addDays(today, -14), to: addDays(today, -8) };
/** Days with engineered signals: the two weeks before today. */
const recentDays = daysIn(addDays(today, -14), addDays(today, -1));
/** Every quarter a run's window may be compared with (the one before the quarter of its first day). */
const baselines = [...new Set(recentDays.map((day) => previousQuarter(quarterOfDay(day))))];

const run = (now: Date) => runAs("overdueReminders", () => detectSpikes(now));
const spikeEvents = () =>
  runtime.bus.published
    .filter((e) => e["detail-type"] === "Spike Detected")
    .map((e) => SpikeDetectedDetail.parse(e.detail));
const spikeNotifications = async (token: string) =>
  (await api.call("GET", "/v1/notifications", { token })).body.items.filter(
    (n: { type: string }) => n.type === "Spike Detected",
  );

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  [cco, headA, headB, executive] = await Promise.all([
    api.token("cco"),
    api.token("bu-head", ["bu-a"]),
    api.token("bu-head", ["bu-b"]),
    api.token("executive"),
  ]);
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const signals = [
    // The quarters compared with: 5 % negative, 20 % for the steady line, none for the clean one.
    ...baselines.flatMap((quarter) => [
      ...csatSignals("pl-spike", 400, 20, noon(middleOf(quarter))),
      ...csatSignals("pl-steady", 400, 80, noon(middleOf(quarter))),
      ...csatSignals("pl-small", 400, 20, noon(middleOf(quarter))),
      ...csatSignals("pl-clean", 400, 0, noon(middleOf(quarter))),
    ]),
    // The last two weeks, a day at a time: 70 % negative, 20 % (steady), all negative but only 2 a
    // day (small: 14 in 7 days, under minSample), none (clean).
    ...recentDays.flatMap((day) => [
      ...csatSignals("pl-spike", 10, 7, noon(day)),
      ...csatSignals("pl-steady", 10, 2, noon(day)),
      ...csatSignals("pl-small", 2, 2, noon(day)),
      ...csatSignals("pl-clean", 10, 0, noon(day)),
    ]),
  ];
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body.rejected).toEqual([]);
  }
});
afterAll(async () => runtime?.stop());

describe("the spike check of the daily job", () => {
  it("announces a spiking line once, however concurrently the job runs, from rollups of candidate lines only", async () => {
    const runs = await Promise.all([run(at(firstRun)), run(at(firstRun)), run(at(firstRun, "01:00:01"))]);
    expect(runs.reduce((sum, r) => sum + r.announced, 0)).toBe(1);
    for (const report of runs) {
      expect(report).toMatchObject({
        window: firstWindow,
        previousQuarter: previousQuarter(quarterOfDay(firstWindow.from)),
        lines: 4,
        spiking: 1,
      });
      expect(report.announced + report.alreadyAnnounced).toBe(1);
      // The clean line (no negatives anywhere) is ruled out by its totals: its rollups are not read.
      expect(report.candidates).toBeLessThan(report.lines);
      expect(report.candidates).toBeGreaterThanOrEqual(2);
    }
    const events = spikeEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      productLineId: "pl-spike",
      businessUnitId: "bu-a",
      window: firstWindow,
      n: 70,
      negatives: 49,
      negativeRate: 0.7,
      previous: { quarter: previousQuarter(quarterOfDay(firstWindow.from)) },
      policyVersion: 1,
      confidence: 0.95,
      minSample: 30,
    });
    const [event] = events;
    expect(event?.wilson.lo).toBeGreaterThan(event?.previous.wilson.hi ?? 1);
    expect(event?.previous.n).toBeGreaterThanOrEqual(400);
  });

  it("sends nothing more that day, nor later that week, while the line still spikes", async () => {
    for (const now of [
      at(firstRun, "23:59:59"),
      at(addDays(firstRun, 3)),
      at(addDays(firstRun, 6), "23:59:59"),
    ]) {
      const report = await run(now);
      expect(report).toMatchObject({ spiking: 1, announced: 0, alreadyAnnounced: 1 });
    }
    expect(spikeEvents()).toHaveLength(1);
  });

  it("tells the spiking line's unit head, and nobody else", async () => {
    const [a, b, c, e] = await Promise.all([headA, headB, cco, executive].map(spikeNotifications));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      type: "Spike Detected",
      businessUnitId: "bu-a",
      productLineId: "pl-spike",
      period: `${firstWindow.from}..${firstWindow.to}`,
      read: false,
    });
    expect([b, c, e]).toEqual([[], [], []]);
  });

  it("announces it again the next week, through the daily job itself, once", async () => {
    expect((await api.call("POST", "/v1/dev/jobs/DailyOverdue", { token: headA })).status).toBe(403);
    const job = await api.call("POST", "/v1/dev/jobs/DailyOverdue", { token: cco });
    expect(job.status).toBe(200);
    expect(job.body.spikes).toMatchObject({ spiking: 1, announced: 1, alreadyAnnounced: 0 });
    const again = await api.call("POST", "/v1/dev/jobs/DailyOverdue", { token: cco });
    expect(again.body.spikes).toMatchObject({ spiking: 1, announced: 0, alreadyAnnounced: 1 });

    const events = spikeEvents();
    expect(events.map((e) => e.productLineId)).toEqual(["pl-spike", "pl-spike"]);
    expect(events[1]?.window.to).toBe(job.body.spikes.window.to);
    expect((events[1]?.window.to ?? "") >= addDays(firstWindow.to, 7)).toBe(true);
    expect(await spikeNotifications(headA)).toHaveLength(2);
    expect(await spikeNotifications(headB)).toEqual([]);
  });

  it("never announces a steady, a small or a clean line, on any day of the two weeks", async () => {
    for (const day of [addDays(today, -7), addDays(today, -3), today])
      expect(await run(at(day))).toMatchObject({ spiking: 1, announced: 0 });
    expect(new Set(spikeEvents().map((e) => e.productLineId))).toEqual(new Set(["pl-spike"]));
  });
});
