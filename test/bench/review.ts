/**
 * `npm run bench -- review`: what the quarterly review reads and how long it takes with 1,000 and
 * 10,000 product lines at 1× and 10× the signals on the same lines (DESIGN §5: reads grow with
 * lines, never with signals), and the latency of the read APIs built on the same period figures
 * beside DynamoDB Local's own time to Query those items, in the same run.
 *
 * Each case runs in a child process with its own in-memory DynamoDB Local (`review-case.ts`), so
 * each review is a real run on a fresh table. Sizes: `BENCH_LINES` (comma-separated, default
 * `1000,10000`), `BENCH_SIGNALS_PER_LINE` (a good line's signals at 1×, default 4),
 * `BENCH_ARRIVAL` (`same-days`, default, or `spread`: see `review-data.ts`).
 */
import { lastEndedQuarter, previousPeriod } from "#core/period";
import { DEFAULT_POLICY } from "#schemas/policy";
import { itemsOfKind, kindsTable, ms, num, row, rule, runInChild, table, verdict } from "./cases";
import type { CaseResult, Latency, Timings } from "./review-case";
import { BAD_EVERY, BUSINESS_UNITS, type DataPlan } from "./review-data";
import { reviewFigures } from "./review-figures";
import type { ItemsRead } from "./review-latency";
import { report } from "./summary";

const READ_BUDGET = 1.1;
const LATENCY_BUDGET_MS = 100;
const CASE_FILE = new URL("./review-case.ts", import.meta.url);

const runChild = (plan: DataPlan, measureLatency: boolean): Promise<CaseResult> =>
  runInChild<CaseResult>(CASE_FILE, { plan, measureLatency }, `Case ${plan.lines} lines × ${plan.copies}`);

const caseName = (r: CaseResult) => `${num(r.lines)} × ${r.copies}`;

const dataTable = (results: CaseResult[]): string =>
  table(
    [
      "lines × sig.",
      "signals",
      "load s",
      "transactions (retried)",
      "period-total items",
      "per line w/ signals",
    ],
    [14, 9, 7, 22, 18, 19],
    results.map((r) => [
      caseName(r),
      num(r.signals),
      r.loadSeconds.toFixed(0),
      `${num(r.transactions)} (${num(r.retried)})`,
      num(r.totalItems),
      (r.totalItems / Math.max(1, r.linesWithSignals)).toFixed(2),
    ]),
  );

const reviewTable = (results: CaseResult[]): string =>
  table(
    [
      "lines × sig.",
      "review ms",
      "HTTP",
      "items read",
      "totals",
      "catalog",
      "voice",
      "other",
      "dry ms",
      "dry read",
      "flag/notices/risk",
      "doc KB",
    ],
    [14, 9, 4, 10, 7, 7, 6, 6, 7, 8, 17, 7],
    results.map((r) => {
      const totals = itemsOfKind(r.review.reads, (k) => k.endsWith(" TOTAL"));
      const catalog = itemsOfKind(r.review.reads, (k) => k.endsWith(" CATALOG"));
      const voice = itemsOfKind(r.review.reads, (k) => k.includes("VOICE"));
      return [
        caseName(r),
        num(r.review.ms),
        r.review.status,
        num(r.review.reads.items),
        num(totals),
        num(catalog),
        num(voice),
        num(r.review.reads.items - totals - catalog - voice),
        num(r.review.dryRunMs),
        num(r.review.dryRunReads.items),
        `${num(r.review.flagged)} / ${num(r.review.noticesIssued)} / ${num(r.review.atRisk)}`,
        num(r.review.responseBytes / 1024),
      ];
    }),
  );

const failures = (results: CaseResult[]): string[] =>
  results
    .filter((r) => r.review.error)
    .map(
      (r) =>
        `${caseName(r)}: the real run answered ${r.review.status} ${r.review.error} (reads and time counted up to the failure; the handler's log above names the cause)`,
    );

const budgetLines = (results: CaseResult[]): string[] =>
  [...new Set(results.map((r) => r.lines))].flatMap((lines) => {
    const one = results.find((r) => r.lines === lines && r.copies === 1);
    const ten = results.find((r) => r.lines === lines && r.copies === 10);
    if (!one || !ten) return [];
    const ratio = ten.review.reads.items / one.review.reads.items;
    const dry = ten.review.dryRunReads.items / one.review.dryRunReads.items;
    const failed =
      one.review.error || ten.review.error ? " [a real run failed: its reads stop at the failure]" : "";
    return [
      `${num(lines)} lines: items read by the review at 10× / 1× = ${ratio.toFixed(3)} (budget ≤ ${READ_BUDGET}: ${verdict(ratio <= READ_BUDGET)}); dry run ${dry.toFixed(3)}; period-total items ${num(one.totalItems)} → ${num(ten.totalItems)}; flagged ${one.review.flagged} → ${ten.review.flagged}, notices ${one.review.noticesIssued} → ${ten.review.noticesIssued}, at risk ${one.review.atRisk} → ${ten.review.atRisk}${failed}`,
    ];
  });

const itemsLine = (items: Latency["items"]): string => {
  const one = (name: string, i: ItemsRead, raw: string) =>
    `${name} ${i.api.toFixed(0)} / ${i.raw.toFixed(0)}${raw}${i.mismatched ? ` (${i.mismatched} samples off)` : ""}`;
  return `Items read per request, handler / raw: ${one("notices", items.notices, "")}; ${one("metrics", items.metrics, "")}; ${one("voices", items.voices, " (the page)")}.`;
};

const latencyBlock = (r: CaseResult): string => {
  const l = r.latency;
  if (!l) return "";
  const widths = [58, 7, 7, 4, 30];
  const t = (label: string, x: Timings, note = "") => row([label, ms(x.p50), ms(x.p95), x.n, note], widths);
  const ratio = (a: Timings, b: Timings) => `p95 ${(a.p95 / b.p95).toFixed(1)}× raw`;
  const budget = (x: Timings) => `≤ ${LATENCY_BUDGET_MS} ms: ${verdict(x.p95 <= LATENCY_BUDGET_MS)}`;
  return [
    `${num(r.lines)} lines, ${num(r.signals)} signals (${r.copies}×), ${num(r.totalItems)} period-total items of ${r.quarter}:`,
    row(["", "p50 ms", "p95 ms", "n", "ratio / budget (p95)"], widths),
    rule(widths),
    t(`raw Query of the ${r.quarter} TOTAL#… partitions (16)`, l.rawTotals),
    t("raw Query of those and the CATALOG partition (a miss)", l.rawTotalsAndCatalog),
    t(
      "GET /v1/rankings first page, warm figures cache",
      l.rankingsWarm,
      `${ratio(l.rankingsWarm, l.rawTotals)}; ${budget(l.rankingsWarm)}`,
    ),
    t(
      "GET /v1/rankings first page, cold (cache miss)",
      l.rankingsCold,
      `${ratio(l.rankingsCold, l.rawTotalsAndCatalog)}; ${budget(l.rankingsCold)}`,
    ),
    t("raw Queries of that page (unit ids, each unit's newest)", l.rawNotices),
    t(
      "GET /v1/notices first page (no cache)",
      l.notices,
      `${ratio(l.notices, l.rawNotices)}; ${budget(l.notices)}`,
    ),
    t(`raw Query of ${r.quarter} and ${previousPeriod(r.quarter)} TOTAL#… and the catalog`, l.rawProblems),
    t(
      `GET /v1/problems?period=${r.quarter}, warm cache`,
      l.problemsWarm,
      `${ratio(l.problemsWarm, l.rawProblems)}; ${budget(l.problemsWarm)}`,
    ),
    t(
      "GET /v1/problems, cold (misses two periods)",
      l.problemsCold,
      `${ratio(l.problemsCold, l.rawProblems)}; ${budget(l.problemsCold)}`,
    ),
    t("raw Queries of a line's metrics (PULLED, Andon, total)", l.rawMetrics),
    t(
      "GET /v1/product-lines/{id}/metrics, bad and good lines",
      l.metrics,
      `${ratio(l.metrics, l.rawMetrics)}; ${budget(l.metrics)}`,
    ),
    t("raw Queries of the page's voices (per class drawn from)", l.rawVoices),
    t(
      "GET /v1/voices?productLineId=<bad line>&limit=50",
      l.voices,
      `${ratio(l.voices, l.rawVoices)}; ${budget(l.voices)}`,
    ),
    itemsLine(l.items),
    ...(l.warmRefreshed > 0
      ? [`(${l.warmRefreshed} warm samples found the cache refreshed: they include a miss)`]
      : []),
  ].join("\n");
};

export const benchReview = async (): Promise<void> => {
  const began = performance.now();
  const sizes = (process.env.BENCH_LINES ?? "1000,10000").split(",").map(Number);
  const perLine = Number(process.env.BENCH_SIGNALS_PER_LINE ?? 4);
  const arrival = (process.env.BENCH_ARRIVAL ?? "same-days") as DataPlan["arrival"];
  if (sizes.some((n) => !Number.isInteger(n) || n < BAD_EVERY) || !Number.isInteger(perLine) || perLine < 1)
    throw new Error(`BENCH_LINES must be whole numbers ≥ ${BAD_EVERY}, BENCH_SIGNALS_PER_LINE ≥ 1`);
  if (arrival !== "same-days" && arrival !== "spread") throw new Error("BENCH_ARRIVAL: same-days or spread");
  const quarter = lastEndedQuarter(new Date(), DEFAULT_POLICY.timeZone);
  const results: CaseResult[] = [];
  for (const lines of sizes)
    for (const copies of [1, 10]) {
      process.stderr.write(`Review bench: ${num(lines)} lines, ${copies}× signals…\n`);
      results.push(await runChild({ lines, perLine, copies, quarter, arrival }, true));
    }
  report(...reviewFigures(results));
  const { minSample } = DEFAULT_POLICY.review;
  console.log(`
Review bench: quarter ${quarter}, default policy (minSample ${minSample}, bar max(20 %, 1.5 × pooled rate)); Node ${process.version}
Sizes: BENCH_LINES=${sizes.join(",")}, BENCH_SIGNALS_PER_LINE=${perLine}, BENCH_ARRIVAL=${arrival}; ${BUSINESS_UNITS} business units.
A good line has ${perLine} signals at 1× (on ≤ 4 days; one line in five of them one mild negative); one line in ${BAD_EVERY} is bad:
${Math.max(minSample, perLine)} signals at 1× on 6 days, 40 % negative (major complaints and 1-star CSATs with words). 10× = every
signal sent ten times (new ids; same line, day, kind), ${arrival === "spread" ? "the copies spread over the quarter (9 days apart)" : "the copies on the same day"}. Signals are written with
the ingest's store call (writeSignals: same transactions, shards, rollups and period totals), 500 per batch, 4 in flight.

1. POST /v1/reviews for ${quarter}: a real run (not a dry run) on a fresh table per case (own process and in-memory DynamoDB
   Local), issuing the notices; then a dry run on the same data ("dry"). Items read = Items/Count/Item of every Query,
   GetItem, BatchGetItem the handlers' DynamoDB client sent during the call. "total items" = the quarter's period-total
   items in the table (one per line and rollup shard written). "flag/notices/risk": lines flagged, notices issued
   (open notices after the run), lines at risk. "doc KB": the review's JSON, which review-store.ts stores as a head
   item and parts of at most 300 KB each (DynamoDB's item limit is 400 KB); the same JSON is what the API answers.

${dataTable(results)}

${reviewTable(results)}
${failures(results).length ? `\n${failures(results).join("\n")}\n` : ""}
${budgetLines(results).join("\n")}

Reads of the real run by request kind (partition prefix):

${kindsTable(results.map((r) => ({ name: caseName(r), reads: r.review.reads })))}

2 and 3. Read APIs, one request at a time, after the review (${results[0]?.review.noticesIssued ?? 0}+ notices issued). Rankings and the
problem board are served from a per-process figures cache (catalog + the period's totals) up to 30 s old:
"warm" = every sample served from that cache (what most dashboard requests see; ranking 10,000 lines is still
computed per request), "cold" = the cache forgotten before every sample, so each one reads the catalog and the
totals from DynamoDB Local (what the first request after 30 s, or on a new Lambda container, sees). The raw
rows are the same Queries sent straight from Node with the SDK in the same run, no handler, no HTTP; a "warm"
request's ratio is to what its miss reads. Metrics alternate bad and good lines (a bad one is pulled); its raw
rows send the use case's own Queries (the line and the policy are cached by a warm container). Voices: a bad
line's first page, raw = one Query per class the page drew from, its count as the Limit (as \`bench -- voices\`).

${results.map(latencyBlock).filter(Boolean).join("\n\n")}

Whole bench: ${((performance.now() - began) / 1000).toFixed(0)} s; peak memory of the largest case process ${Math.max(...results.map((r) => r.maxRssMb))} MB.
`);
};
