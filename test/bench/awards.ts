/**
 * `npm run bench -- awards`: how long `POST /v1/awards` takes and what it reads at 1× and 10× the
 * signals on the same lines, and at 1,000 and 10,000 lines. The awards rank the lines from the
 * period totals (one item per line and shard written: O(lines)) and read each winner's citation from
 * the voice index (up to 3 voices per award: O(count × 3)), never the signals themselves — so the
 * items read must not grow with the signals (issue 10, "Measured": 10× / 1× ≤ 1.1) and must grow
 * only linearly with the lines (issue 13: 10,000 / 1,000 lines ÷ 10 ≤ 1.1), while the voices a
 * winner has grow tenfold.
 *
 * Each case runs in a child process with its own in-memory DynamoDB Local (`awards-case.ts`): the
 * last ended quarter previewed, its year previewed, then the quarter finalized (allowed: it has
 * ended). The data (`awards-data.ts`) gives the ranked lines ≥ awards.minSample signals at 1× and
 * every winner negative and positive voices, so both citation paths really read.
 *
 * Sizes: `BENCH_AWARDS_LINES` (comma-separated, default `1000,10000`); `BENCH_AWARDS_COPIES`
 * (comma-separated signal multiples for every size; by default 1 and 10 at the smallest size and 1
 * at the others: 10,000 lines at 10× would be 1.2 M signals, ~10 min of loading alone);
 * `BENCH_AWARDS_SIGNALS_PER_LINE` (a ranked line's signals at 1×, default 120);
 * `BENCH_AWARDS_ELIGIBLE_EVERY` (one line in this many is ranked, default 20);
 * `BENCH_AWARDS_ARRIVAL` (`same-days`, default, or `spread`: `review-data.ts`).
 *
 * Why one in 20: the lines comparison means something only when both sizes have the same shape, so
 * the ranked fraction is fixed (20 divides both sizes: exactly 5 % ranked at each) rather than a
 * fixed number of ranked lines. One in 2 (the earlier default) would be 630,000 signals at 10,000
 * lines; one in 20 is 11,700 signals per 1,000 lines at 1× (50 ranked × 120 + 950 small × 6), so
 * the largest cases (1,000 × 10 and 10,000 × 1) are 117,000 each and the default run 245,700:
 * about 3½ minutes on a quiet 2-core machine (loading runs at ~1,300 signals/s at 1× and ~2,000 at
 * 10×, flat in the lines), ~9 when it is busy with other work. 50 ranked lines in 1,000 still give
 * the ranking a spread and ties (negatives 0–36 by ranked index) and three awards a list.
 */
import { lastEndedQuarter } from "#core/period";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { AwardsCaseResult, AwardsRun, RunName, Winner } from "./awards-case";
import { type AwardsPlan, MAX_NEGATIVES, SMALL_LINE } from "./awards-data";
import { itemsOfKind, kindsTable, num, runInChild, table, verdict } from "./cases";
import { BUSINESS_UNITS } from "./review-data";
import { type Figure, report } from "./summary";

const READ_BUDGET = 1.1;
const CASE_FILE = new URL("./awards-case.ts", import.meta.url);
const RUNS: Record<RunName, string> = {
  preview: "quarter preview",
  year: "year preview",
  finalize: "quarter finalized",
};

const caseName = (r: AwardsCaseResult) => `${num(r.plan.lines)} × ${r.plan.copies}`;
const rankedLines = (p: AwardsPlan) => Math.ceil(p.lines / p.eligibleEvery);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

const dataTable = (results: AwardsCaseResult[]): string =>
  table(
    ["lines × sig.", "signals", "ranked lines", "load s", "signals/s", "transactions (retried)"],
    [14, 10, 12, 7, 9, 22],
    results.map((r) => [
      caseName(r),
      num(r.signals),
      num(rankedLines(r.plan)),
      r.loadSeconds.toFixed(0),
      num(r.signals / r.loadSeconds),
      `${num(r.transactions)} (${num(r.retried)})`,
    ]),
  );

const runCells = (run: AwardsRun) => {
  const totals = itemsOfKind(run.reads, (k) => k.endsWith(" TOTAL"));
  const catalog = itemsOfKind(run.reads, (k) => k.endsWith(" CATALOG"));
  const voices = itemsOfKind(run.reads, (k) => k.includes("VOICE"));
  return [
    num(run.ms),
    run.status,
    num(run.reads.items),
    num(totals),
    num(catalog),
    num(voices),
    num(run.reads.items - totals - catalog - voices),
    num(run.reads.requests),
    kb(run.bytes),
    `${num(run.eligible)} / ${num(run.lines)}`,
  ];
};

const runsTable = (results: AwardsCaseResult[]): string =>
  table(
    [
      "lines × sig.",
      "POST /v1/awards",
      "ms",
      "HTTP",
      "items read",
      "totals",
      "catalog",
      "voices",
      "other",
      "requests",
      "JSON KB",
      "eligible / lines",
    ],
    [14, 17, 6, 4, 10, 6, 7, 6, 5, 8, 7, 16],
    results.flatMap((r) =>
      (Object.keys(RUNS) as RunName[]).map((name) => [caseName(r), RUNS[name], ...runCells(r.runs[name])]),
    ),
  );

/** `1c ×3` for a winner that cited three critical complaints. */
const classes = (w: Winner) =>
  Object.entries(
    w.cited.reduce<Record<string, number>>((n, c) => {
      n[c] = (n[c] ?? 0) + 1;
      return n;
    }, {}),
  )
    .map(([c, n]) => `${c} ×${n}`)
    .join(", ") || "none";

const winnersTable = (results: AwardsCaseResult[]): string =>
  table(
    ["lines × sig.", "list", "line", "n", "its side's voices stored", "cited (class × voices)"],
    [14, 6, 9, 6, 24, 22],
    results.flatMap((r) =>
      (["rotten", "red"] as const).flatMap((list) =>
        r.runs.finalize[list].map((w) => [
          caseName(r),
          list === "red" ? "Red" : "Rotten",
          w.productLineId,
          num(w.n),
          num(w.storedVoices),
          classes(w),
        ]),
      ),
    ),
  );

const citationCheck = (results: AwardsCaseResult[]): string => {
  const short = results.flatMap((r) =>
    (Object.keys(RUNS) as RunName[]).flatMap((name) =>
      [...r.runs[name].red, ...r.runs[name].rotten]
        .filter((w) => w.cited.length < Math.min(3, w.storedVoices))
        .map((w) => `${caseName(r)} ${RUNS[name]} ${w.productLineId}`),
    ),
  );
  const winners = results.reduce((n, r) => n + r.runs.finalize.red.length + r.runs.finalize.rotten.length, 0);
  return short.length === 0 && winners > 0
    ? "Every winner of every run cites min(3, its voices) voices of its side: PASS"
    : `Citations short or no winners (${short.join("; ") || "no winners"}): FAIL`;
};

/**
 * Time may grow up to 1.5× linear in the lines (items read only 1.1×). A call has a fixed part
 * (policy, stored head, six citation queries, HTTP: ~80 ms; 200 → 1,000 lines took 100 → 174 ms), so
 * linear work gives ~0.6 at 10,000 / 1,000 lines; the headroom is for what honestly grows faster —
 * DynamoDB Local's cost per item in a 10× table, the ranking's sort (n log n: 1.33×) — and for one
 * call per case on a shared machine (±30 %). A per-line cost that doubled, or anything quadratic
 * (≈ 10×), fails.
 */
const TIME_LINEAR_BUDGET = 1.5;

/**
 * Per run, case `b` against case `a`, each ratio divided by `scale` (the lines ratio; 1 for signals):
 * the items read (budget ≤ 1.1) and the time (budget `timeBudget`, when given).
 */
const compare = (
  a: AwardsCaseResult,
  b: AwardsCaseResult,
  what: { label: string; refName: string; scale: number; timeBudget?: number },
): Figure[] =>
  (Object.keys(RUNS) as RunName[]).flatMap((name): Figure[] => {
    const [x, y] = [a.runs[name], b.runs[name]];
    const ok = !x.error && !y.error;
    const reads = y.reads.items / x.reads.items / what.scale;
    const time = y.ms / x.ms / what.scale;
    const figure = (measure: string) =>
      `${RUNS[name]}, ${measure} ${what.label}${ok ? "" : " [a run failed]"}`;
    return [
      {
        bench: "awards",
        figure: figure("items read"),
        measured: `${num(y.reads.items)} items`,
        reference: `${what.refName} ${num(x.reads.items)} items`,
        ratio: reads,
        budget: `≤ ${READ_BUDGET}`,
        pass: ok && reads <= READ_BUDGET,
      },
      {
        bench: "awards",
        figure: figure("time"),
        measured: `${num(y.ms)} ms`,
        reference: `${what.refName} ${num(x.ms)} ms`,
        ratio: time,
        ...(what.timeBudget
          ? { budget: `≤ ${what.timeBudget}× linear`, pass: ok && time <= what.timeBudget }
          : {}),
      },
    ];
  });

/** 10× / 1× signals at every size that has both; the largest size / the smallest at every multiple both have. */
const headlines = (results: AwardsCaseResult[]): Figure[] => {
  const find = (lines: number, copies: number) =>
    results.find((r) => r.plan.lines === lines && r.plan.copies === copies);
  const sizes = [...new Set(results.map((r) => r.plan.lines))].sort((x, y) => x - y);
  const signals = sizes.flatMap((lines) => {
    const [one, ten] = [find(lines, 1), find(lines, 10)];
    return one && ten
      ? compare(one, ten, { label: `10× / 1× signals (${num(lines)} lines)`, refName: "1×", scale: 1 })
      : [];
  });
  const [small, large] = [sizes[0] ?? 0, sizes[sizes.length - 1] ?? 0];
  const copies = [...new Set(results.map((r) => r.plan.copies))].sort((x, y) => x - y);
  const lines = copies.flatMap((c) => {
    const [a, b] = [find(small, c), find(large, c)];
    return a && b && large > small
      ? compare(a, b, {
          label: `${num(large)} / ${num(small)} lines ÷ ${num(large / small)}, ${c}× (linear = 1)`,
          refName: `${num(small)} lines`,
          scale: large / small,
          timeBudget: TIME_LINEAR_BUDGET,
        })
      : [];
  });
  return [...signals, ...lines];
};

const figureLine = (f: Figure) =>
  `${f.figure}: ${f.measured} against ${f.reference}: ${f.ratio?.toFixed(3)}${f.budget ? ` (budget ${f.budget}: ${verdict(f.pass === true)})` : ""}`;

const sizeOf = (name: string, fallback: string) => process.env[name] ?? fallback;

export const benchAwards = async (): Promise<void> => {
  const began = performance.now();
  const { minSample, priorStrength, count } = DEFAULT_POLICY.awards;
  const sizes = sizeOf("BENCH_AWARDS_LINES", "1000,10000").split(",").map(Number);
  const copiesEnv = process.env.BENCH_AWARDS_COPIES?.split(",").map(Number);
  // 10× at the smallest size only: flatness in signals needs one size, and 10× the largest is long.
  const copiesOf = (lines: number) => copiesEnv ?? (lines === Math.min(...sizes) ? [1, 10] : [1]);
  const perLine = Number(sizeOf("BENCH_AWARDS_SIGNALS_PER_LINE", "120"));
  const eligibleEvery = Number(sizeOf("BENCH_AWARDS_ELIGIBLE_EVERY", "20"));
  const arrival = sizeOf("BENCH_AWARDS_ARRIVAL", "same-days") as AwardsPlan["arrival"];
  if (sizes.some((n) => !Number.isInteger(n) || n < 2 * count * eligibleEvery))
    throw new Error(`BENCH_AWARDS_LINES must be whole numbers ≥ 2 × ${count} × BENCH_AWARDS_ELIGIBLE_EVERY`);
  if (!Number.isInteger(perLine) || perLine < minSample)
    throw new Error(`BENCH_AWARDS_SIGNALS_PER_LINE must be a whole number ≥ awards.minSample (${minSample})`);
  if (!Number.isInteger(eligibleEvery) || eligibleEvery < 1)
    throw new Error("BENCH_AWARDS_ELIGIBLE_EVERY must be a whole number ≥ 1");
  // Small lines must stay below minSample at every multiple, or 10× would rank other lines than 1×.
  if (copiesEnv?.some((c) => !Number.isInteger(c) || c < 1 || c * SMALL_LINE >= minSample))
    throw new Error(`BENCH_AWARDS_COPIES: whole numbers from 1 to ${Math.ceil(minSample / SMALL_LINE) - 1}`);
  if (arrival !== "same-days" && arrival !== "spread")
    throw new Error("BENCH_AWARDS_ARRIVAL: same-days or spread");
  const quarter = lastEndedQuarter(new Date(), DEFAULT_POLICY.timeZone);
  const results: AwardsCaseResult[] = [];
  for (const lines of sizes)
    for (const copies of copiesOf(lines)) {
      process.stderr.write(`Awards bench: ${num(lines)} lines, ${copies}× signals…\n`);
      const plan: AwardsPlan = { lines, perLine, copies, quarter, arrival, eligibleEvery };
      results.push(await runInChild<AwardsCaseResult>(CASE_FILE, plan, `Case ${lines} lines × ${copies}`));
    }
  const figures = headlines(results);
  report(...figures);
  const most = Math.max(...results.map((r) => r.plan.copies));
  console.log(`
Awards bench: quarter ${quarter} (ended) and year ${quarter.slice(0, 4)}, default policy (awards minSample ${minSample}, priorStrength ${priorStrength}, count ${count}); Node ${process.version}
Sizes: BENCH_AWARDS_LINES=${sizes.join(",")}, BENCH_AWARDS_COPIES=${copiesEnv?.join(",") ?? `1,10 at ${num(Math.min(...sizes))} lines, 1 at the others`},
BENCH_AWARDS_SIGNALS_PER_LINE=${perLine}, BENCH_AWARDS_ELIGIBLE_EVERY=${eligibleEvery}, BENCH_AWARDS_ARRIVAL=${arrival}; ${BUSINESS_UNITS} units.
One line in ${eligibleEvery} is ranked: ${perLine} signals at 1× on 12 days, 0–${MAX_NEGATIVES} of them negative by its index; the others have
${SMALL_LINE} (up to half negative; ${SMALL_LINE * most} at ${most}×, still below minSample, so every multiple ranks the same lines). Words on most signals:
critical (1c) and major (2j) complaints, 1-star CSATs (4n); 5-star reviews (5t), 8-point NPS (6o). 10× = every signal sent
ten times (new ids; same line, day, kind), ${arrival === "spread" ? "the copies spread over the quarter" : "the copies on the same day"}. Written with the ingest's store call
(writeSignals: same transactions, shards, rollups, period totals and voice index), 500 per batch, 4 in flight.

POST /v1/awards on a fresh table per case (own process and in-memory DynamoDB Local), in this order: the quarter
previewed, the year previewed (its totals hold the same signals), the quarter finalized (which also reads the stored
preview, writes the final head and parts and relays Awards Published). Items read = Items/Count/Item of every Query,
GetItem, BatchGetItem the handlers' DynamoDB client sent during the call; "totals" the period-total items (one per line
and shard written), "voices" the citation reads of the voice index (gsi1), "other" the policy, the stored awards
and the outbox. "JSON KB" = the answer, every eligible line ranked in it (what award-store.ts stores in parts).

${dataTable(results)}

${runsTable(results)}

Headline figures (also in the run's summary table): items read and time at 10× / 1× the signals, and at the largest /
the smallest lines divided by the lines ratio (linear = 1):

${figures.map(figureLine).join("\n")}

Winners of the finalized quarter: the voices of their side (negative classes for Rotten, positive for Red) in the
quarter, counted raw from the index, and the classes of the ones cited (most severe / best class first):

${winnersTable(results)}

${citationCheck(results)}

Reads by request kind (partition prefix), per case and run:

${kindsTable(
  results.flatMap((r) =>
    (["preview", "finalize"] as const).map((name) => ({
      name: `${caseName(r)} ${name}`,
      reads: r.runs[name].reads,
    })),
  ),
  19,
)}

Whole bench: ${((performance.now() - began) / 1000).toFixed(0)} s; peak memory of the largest case process ${Math.max(...results.map((r) => r.maxRssMb))} MB.
`);
};
