/**
 * The small world the authorization matrix runs on: two units with two lines each, a reviewed
 * previous quarter (one notice per unit), an Andon per unit, a chase per unit, a quarantined
 * signal, stored awards and notifications for both heads — so every object route has a real
 * object of each unit to be refused or served.
 */
import { expect } from "vitest";
import { dayOfPreviousQuarter, quarterOfDay, shanghaiDay } from "./fixtures";
import type { Api } from "./harness";

/** The unit whose objects the matrix targets, and the other one. */
export const OWN = { unit: "bu-a", line: "pl-a1", quiet: "pl-a2", critical: "pl-a3" } as const;
export const OTHER = { unit: "bu-b", line: "pl-b1", quiet: "pl-b2", critical: "pl-b3" } as const;
export type Side = typeof OWN | typeof OTHER;

export const catalog = {
  businessUnits: [
    { id: OWN.unit, name: "Unit A" },
    { id: OTHER.unit, name: "Unit B" },
  ],
  productLines: [
    { id: OWN.line, name: "Kettle", nameZh: "电水壶", businessUnitId: OWN.unit, category: "kitchen" },
    { id: OWN.quiet, name: "Toaster", businessUnitId: OWN.unit, category: "kitchen" },
    { id: OWN.critical, name: "Heater", businessUnitId: OWN.unit, category: "kitchen" },
    { id: OTHER.line, name: "Milk", nameZh: "牛奶", businessUnitId: OTHER.unit, category: "dairy" },
    { id: OTHER.quiet, name: "Cheese", businessUnitId: OTHER.unit, category: "dairy" },
    { id: OTHER.critical, name: "Cream", businessUnitId: OTHER.unit, category: "dairy" },
  ],
};

const previousDay = dayOfPreviousQuarter();
export const previousQuarter = quarterOfDay(previousDay);

/** What the seed made, per unit. */
export interface Seeded {
  quarter: string;
  notice: Record<string, string>;
  andon: Record<string, string>;
  chase: Record<string, string>;
  /** A counted signal with words (a voice) of each unit. */
  voice: Record<string, string>;
}

const noon = (day: string) => new Date(`${day}T12:00:00+08:00`).getTime();

/**
 * 30 signals of the previous quarter, 3 of them critical complaints with words (enough to flag the
 * line) unless quiet; a bad line's others are negative, a quiet line's have some praise in words.
 */
const quarterSignals = (line: string, kind: "bad" | "critical" | "quiet") =>
  Array.from({ length: 30 }, (_, i) => ({
    signalId: `az-${line}-${i}`,
    productLineId: line,
    channel: "hotline",
    occurredAt: new Date(noon(previousDay) - i * 60_000).toISOString(),
    ...(kind !== "quiet" && i < 3
      ? {
          kind: "complaint",
          severity: "critical",
          reasons: ["safety"],
          verbatim: `插头冒烟 ${i}，电话 138 1234 567${i}`,
        }
      : { kind: "csat", score: kind === "bad" ? 1 : 5, ...(i < 2 ? { verbatim: `Works fine ${i}` } : {}) }),
  }));

/** Two critical complaints yesterday (Shanghai): an Andon on the line. */
const andonSignals = (line: string) =>
  ["10:00", "11:00"].map((time, i) => ({
    signalId: `az-andon-${line}-${i}`,
    productLineId: line,
    channel: "app",
    kind: "complaint",
    severity: "critical",
    reasons: ["safety"],
    verbatim: `Burnt my hand ${i}`,
    occurredAt: `${shanghaiDay(1)}T${time}:00+08:00`,
  }));

const ok = async (pending: Promise<{ status: number; body: unknown }>, what: string) => {
  const answer = await pending;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(200);
  // biome-ignore lint/suspicious/noExplicitAny: seed answers of many shapes.
  return answer.body as any;
};

/** Seeds the runtime through the API as its users would (cco, ingest, executive). */
export const seedWorld = async (
  api: Api,
  tokens: { cco: string; executive: string; ingest: string },
): Promise<Seeded> => {
  const { cco, executive, ingest } = tokens;
  const as = (token: string, method: string, path: string, body?: unknown) =>
    api.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
  await ok(as(cco, "PUT", "/v1/catalog", catalog), "catalog");
  const signals = [
    ...[OWN, OTHER].flatMap((s) => [
      ...quarterSignals(s.line, "bad"),
      ...quarterSignals(s.quiet, "quiet"),
      ...quarterSignals(s.critical, "critical"),
    ]),
    { ...quarterSignals("pl-not-in-catalog", "quiet")[0], signalId: "az-quarantined" },
  ];
  const sent = await ok(as(ingest, "POST", "/v1/signals", { signals }), "signals");
  expect(sent).toMatchObject({ accepted: 180, quarantined: 1, rejected: [] });

  const review = await ok(as(cco, "POST", "/v1/reviews", { quarter: previousQuarter }), "review");
  // Two notices a unit, so that a head's list has pages to walk.
  expect(review.noticesIssued).toHaveLength(4);
  const notice = Object.fromEntries(
    [OWN, OTHER].map((s) => [s.unit, review.noticesIssued.find((id: string) => id.endsWith(s.line))]),
  );

  const raised = await ok(
    as(ingest, "POST", "/v1/signals", {
      signals: [OWN, OTHER].flatMap((s) => [...andonSignals(s.line), ...andonSignals(s.critical)]),
    }),
    "andon signals",
  );
  expect(raised.accepted).toBe(8);
  const andons = await ok(as(cco, "GET", "/v1/andons"), "andons");
  const andon = Object.fromEntries(
    [OWN, OTHER].map((s) => [
      s.unit,
      andons.items.find((a: { productLineId: string }) => a.productLineId === s.line)?.id,
    ]),
  );
  expect(Object.values(andon).every(Boolean), `andons ${JSON.stringify(andons.items)}`).toBe(true);

  const voice = { [OWN.unit]: `az-${OWN.line}-0`, [OTHER.unit]: `az-${OTHER.line}-0` };
  const chase: Record<string, string> = {};
  for (const s of [OWN, OTHER]) {
    const body = { signalId: voice[s.unit], question: `Why does the ${s.line} smoke?` };
    chase[s.unit] = (await ok(as(executive, "POST", "/v1/chases", body), "chase")).id;
    await ok(as(cco, "POST", "/v1/chases", { ...body, signalId: `az-${s.critical}-1` }), "second chase");
  }
  await ok(as(cco, "POST", "/v1/awards", { period: previousQuarter }), "awards");
  await ok(as(cco, "POST", "/v1/dev/jobs/OutboxRelay"), "outbox relay");
  return { quarter: previousQuarter, notice, andon, chase, voice };
};
