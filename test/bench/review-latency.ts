/**
 * The read APIs of a review case, timed after its review beside DynamoDB Local's raw reads of the
 * same items (`review-raw.ts`), interleaved round by round so that whatever else the machine does
 * (events still being delivered, GC, the JIT) falls on both alike.
 */

import { forgetCachedFigures } from "#app/period-figures";
import { previousPeriod } from "#core/period";
import type { Voice } from "#schemas/voice";
import { BAD_EVERY, isBad, lineId } from "./review-data";
import type { RawReads } from "./review-raw";
import type { readCounter } from "./review-reads";
import { type Timings, timed, timings } from "./timing";

/** Items per request, mean over the samples: counted on the handlers' client, and read raw. */
export interface ItemsRead {
  api: number;
  raw: number;
  /** Samples whose raw read got other items than it should (the handler's, or the page's voices). */
  mismatched: number;
}

export interface Latency {
  rawTotals: Timings;
  rawTotalsAndCatalog: Timings;
  rankingsCold: Timings;
  rankingsWarm: Timings;
  warmRefreshed: number;
  notices: Timings;
  rawNotices: Timings;
  problemsWarm: Timings;
  problemsCold: Timings;
  rawProblems: Timings;
  metrics: Timings;
  rawMetrics: Timings;
  voices: Timings;
  rawVoices: Timings;
  items: { notices: ItemsRead; metrics: ItemsRead; voices: ItemsRead };
}

const ROUNDS = 10;
const PER_ROUND = 10;
/** Listen-in's page, as the dashboard asks for it; notices' default page. */
const VOICES_LIMIT = 50;
const NOTICES_LIMIT = 50;

/** The k-th bad line (one in {@link BAD_EVERY}), spread over the catalog. */
const badLine = (k: number, lines: number) => lineId(((k * 7) % Math.ceil(lines / BAD_EVERY)) * BAD_EVERY);
/** The k-th good line, spread over the catalog. */
const goodLine = (k: number, lines: number) => {
  const i = (k * 37 + 1) % lines;
  return lineId(isBad(i) ? (i === 0 ? 1 : i - 1) : i);
};

export const timeReadApis = async (
  quarter: string,
  lines: number,
  get: (path: string) => Promise<string>,
  raw: RawReads,
  counter: ReturnType<typeof readCounter>,
): Promise<Latency> => {
  const q = encodeURIComponent(quarter);
  const previous = previousPeriod(quarter);
  const s: Record<string, number[]> = {};
  const samples = (k: string) => {
    s[k] ??= [];
    return s[k];
  };
  const counts = { notices: [] as number[][], metrics: [] as number[][], voices: [] as number[][] };
  /**
   * Times the API's `path`, then `reference`, and keeps both item counts and whether the reference
   * got the items it should: the handler's own (`wanted` tells otherwise).
   */
  const pair = async (
    name: keyof typeof counts,
    path: string,
    reference: (body: string) => Promise<number>,
    wanted = (_body: string, api: number) => api,
  ) => {
    counter.start();
    const body = await timed(samples(name), () => get(path));
    const api = counter.stop().items;
    const rawName = `raw${name[0]?.toUpperCase()}${name.slice(1)}`;
    const got = await timed(samples(rawName), () => reference(body));
    counts[name].push([api, got, got === wanted(body, api) ? 0 : 1]);
  };
  // Bad lines (pulled: their notice is in the answer) and good lines alike, one after the other.
  const metricsLine = (k: number) => (k % 2 === 0 ? badLine(k / 2, lines) : goodLine(k, lines));
  const metricsPath = (line: string) => `/v1/product-lines/${line}/metrics?period=${q}`;
  const voicesPath = (k: number) => `/v1/voices?productLineId=${badLine(k, lines)}&limit=${VOICES_LIMIT}`;
  const voicesOf = (body: string) => JSON.parse(body).items as Voice[];
  const asOfs = new Set<string>();
  // One untimed pass of each, as the API's own first calls have JIT-warmed its paths by now.
  await Promise.all([raw.totals(quarter), raw.catalog(), raw.notices(NOTICES_LIMIT)]);
  await get(`/v1/rankings?period=${q}`);
  await get("/v1/notices");
  await get(metricsPath(metricsLine(0)));
  await raw.metrics(quarter, metricsLine(0));
  await raw.voices(voicesOf(await get(voicesPath(0))));
  for (let round = 0; round < ROUNDS; round++) {
    await timed(samples("rawTotals"), () => raw.totals(quarter));
    await timed(samples("rawBoth"), () => Promise.all([raw.totals(quarter), raw.catalog()]));
    forgetCachedFigures();
    await timed(samples("rankingsCold"), () => get(`/v1/rankings?period=${q}`));
    for (let i = 0; i < PER_ROUND; i++) {
      const body = await timed(samples("rankingsWarm"), () => get(`/v1/rankings?period=${q}`));
      asOfs.add(JSON.parse(body).asOf);
    }
    for (let i = 0; i < PER_ROUND; i++)
      await pair("notices", "/v1/notices", () => raw.notices(NOTICES_LIMIT));
    await timed(samples("rawProblems"), () => raw.problems(quarter, previous));
    forgetCachedFigures();
    await timed(samples("problemsCold"), () => get(`/v1/problems?period=${q}`));
    for (let i = 0; i < PER_ROUND; i++)
      await timed(samples("problemsWarm"), () => get(`/v1/problems?period=${q}`));
    for (let k = round * PER_ROUND; k < (round + 1) * PER_ROUND; k++) {
      const line = metricsLine(k);
      await pair("metrics", metricsPath(line), () => raw.metrics(quarter, line));
    }
    for (let k = round * PER_ROUND; k < (round + 1) * PER_ROUND; k++)
      // The raw reads exactly the page's voices; the handler reads a few more per class range.
      await pair(
        "voices",
        voicesPath(k),
        (body) => raw.voices(voicesOf(body)),
        (body) => voicesOf(body).length,
      );
  }
  const t = (k: string) => timings(s[k] ?? []);
  const items = (pairs: number[][]): ItemsRead => {
    const mean = (j: number) => pairs.reduce((n, p) => n + (p[j] ?? 0), 0) / Math.max(1, pairs.length);
    return { api: mean(0), raw: mean(1), mismatched: pairs.filter((p) => p[2] === 1).length };
  };
  return {
    rawTotals: t("rawTotals"),
    rawTotalsAndCatalog: t("rawBoth"),
    rankingsCold: t("rankingsCold"),
    rankingsWarm: t("rankingsWarm"),
    // One asOf per round is expected (each round's miss reads anew); more means a warm sample missed.
    warmRefreshed: asOfs.size - ROUNDS,
    notices: t("notices"),
    rawNotices: t("rawNotices"),
    problemsWarm: t("problemsWarm"),
    problemsCold: t("problemsCold"),
    rawProblems: t("rawProblems"),
    metrics: t("metrics"),
    rawMetrics: t("rawMetrics"),
    voices: t("voices"),
    rawVoices: t("rawVoices"),
    items: { notices: items(counts.notices), metrics: items(counts.metrics), voices: items(counts.voices) },
  };
};
