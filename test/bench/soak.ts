/**
 * `npm run bench -- soak [--minutes N]` (or `BENCH_SOAK_MINUTES`; default 10): the local runtime
 * started as `npm start` starts it (its own process, so its RSS is its own), fed at the ingest
 * bench's pace — batches of 500, 4 in flight, as fast as they are taken (`BENCH_SOAK_RATE` caps it
 * in signals/s) — while rankings, voices and notices are read in parallel. Prints the runtime's RSS
 * every minute; at the end checks that no request failed and that the signals accepted equal the
 * metrics' `n` summed over every line, and says whether memory stayed flat (the last minute's RSS
 * against the second minute's). `--signals N` (or `BENCH_SOAK_SIGNALS`) goes on past the minutes until
 * N signals are in, for the runtime's memory with that many stored. Not part of `npm test`, nor of
 * a bare `npm run bench`.
 */
import { randomUUID } from "node:crypto";
import { num, verdict } from "./cases";
import { javaOf, peakRssMb, rssMb, startEntryPoint } from "./entry-point";
import { FLAT_RATIO, soakFigures } from "./soak-figures";
import { report } from "./summary";
import { httpOf } from "./timing";

const LINES = 50;
// Units of 10 lines: a unit's voices page costs about six queries per line (README, "Known limits"),
// and units of 50 are over budget on their own; the soak is about time, not that limit.
const LINES_PER_UNIT = 10;
const UNITS = LINES / LINES_PER_UNIT;
const BATCH = 500;
const IN_FLIGHT = 4;
const WORDS = [
  "物流太慢了,等了一个星期才到,包装也破了",
  "客服态度很好,问题很快就解决了,给个好评",
  "和描述不符,颜色差很多,申请退货",
  "The product stopped working after two days and support never called back.",
];

/** `--minutes N` / `--signals N` (or their BENCH_SOAK_ variables): a number ≥ `least`. */
const wanted = (flag: "minutes" | "signals", fallback: number, least: number): number => {
  const at = process.argv.indexOf(`--${flag}`);
  const env = process.env[`BENCH_SOAK_${flag.toUpperCase()}`];
  const value = Number(at >= 0 ? process.argv[at + 1] : (env ?? fallback));
  if (!(value >= least)) throw new Error(`--${flag} wants a number ≥ ${least}`);
  return value;
};

const shanghaiQuarter = (iso: string) => {
  const day = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
};

let seq = 0;
/** A signal shaped as the ingest bench's: every 100th a critical complaint, words on two in three. */
const makeSignal = (now: number) => {
  const i = seq++;
  const kind = (["csat", "nps", "review", "complaint"] as const)[i % 4];
  const base = {
    signalId: `soak-${i}-${randomUUID().slice(0, 8)}`,
    productLineId: `pl-${i % LINES}`,
    channel: (["hotline", "chat", "app", "social", "store", "email", "survey", "review-site"] as const)[
      i % 8
    ],
    kind,
    occurredAt: new Date(now - 60_000 - (i % 997) * 10_000).toISOString(),
    ...(i % 3 !== 0 ? { verbatim: WORDS[i % WORDS.length] } : {}),
    customerRef: `cust-${i % 5000}`,
  };
  if (kind === "complaint") return { ...base, severity: i % 100 === 3 ? "critical" : "major" };
  return { ...base, score: kind === "nps" ? i % 11 : 1 + (i % 5) };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export const benchSoak = async (): Promise<void> => {
  const minutes = wanted("minutes", 10, Number.MIN_VALUE);
  // Go on past the minutes until this many signals are in (the memory figure "with 1 M signals").
  const signalsWanted = wanted("signals", 0, 0);
  const rate = Number(process.env.BENCH_SOAK_RATE ?? 0);
  const runtime = await startEntryPoint(process.execPath, [
    "--import",
    "tsx",
    "infra/local/start.ts",
    "--port",
    "0",
    "--no-seed",
    "--no-schedules",
  ]);
  const { pid, url } = runtime;
  try {
    const http = httpOf(url);
    const [cco, ingest, executive] = [
      await http.token("cco"),
      await http.token("ingest"),
      await http.token("executive"),
    ];
    await http.call(
      "PUT",
      "/v1/catalog",
      {
        businessUnits: Array.from({ length: UNITS }, (_, u) => ({ id: `bu-soak-${u}`, name: `Soak ${u}` })),
        productLines: Array.from({ length: LINES }, (_, i) => ({
          id: `pl-${i}`,
          name: `Line ${i}`,
          businessUnitId: `bu-soak-${Math.floor(i / LINES_PER_UNIT)}`,
          category: "soak",
        })),
      },
      cco,
    );
    const started = Date.now();
    const endAt = started + minutes * 60_000;
    const errors: string[] = [];
    const sentByQuarter = new Map<string, number>();
    const tally = {
      sent: 0,
      accepted: 0,
      duplicates: 0,
      committedBeforeRefusal: 0,
      quarantined: 0,
      rejected: 0,
    };
    const reads = { rankings: 0, voices: 0, notices: 0 };
    let errorCount = 0;
    const fail = (what: string) => {
      errorCount++;
      if (errors.length < 20) errors.push(what);
    };

    let batches = 0;
    let ingesting = IN_FLIGHT;
    const ingestLoop = async () => {
      while (Date.now() < endAt || tally.accepted < signalsWanted) {
        const due = started + ((batches++ * BATCH) / rate) * 1000;
        if (rate > 0 && due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const now = Date.now();
        const signals = Array.from({ length: BATCH }, () => makeSignal(now));
        // A refused batch is sent again as it was, as the importer does: what committed before the
        // refusal comes back as duplicates, so the counts stay checkable.
        for (let attempt = 1; ; attempt++) {
          try {
            const { status, text } = await http.send("POST", "/v1/signals", { signals }, ingest);
            if (status !== 200) throw new Error(`${status} ${text.slice(0, 200)}`);
            const result = JSON.parse(text);
            tally.accepted += result.accepted;
            tally[attempt === 1 ? "duplicates" : "committedBeforeRefusal"] += result.duplicates;
            tally.quarantined += result.quarantined;
            tally.rejected += result.rejected.length;
            break;
          } catch (error) {
            fail(`POST /v1/signals (attempt ${attempt}): ${error instanceof Error ? error.message : error}`);
            if (attempt === 10) throw error;
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
        tally.sent += BATCH;
        for (const s of signals) {
          const q = shanghaiQuarter(s.occurredAt);
          sentByQuarter.set(q, (sentByQuarter.get(q) ?? 0) + 1);
        }
      }
      ingesting--;
    };
    const readLoop = (name: keyof typeof reads, path: (i: number) => string, token: string) => async () => {
      for (let i = 0; ingesting > 0; i++) {
        try {
          const { status, text } = await http.send("GET", path(i), undefined, token);
          if (status !== 200) throw new Error(`${status} ${text.slice(0, 200)}`);
          reads[name]++;
        } catch (error) {
          fail(`GET ${path(i)}: ${error instanceof Error ? error.message : error}`);
        }
      }
    };
    const quarter = shanghaiQuarter(new Date().toISOString());
    const samples: { minute: number; rss: number; java: number }[] = [];
    const sample = () => {
      const java = javaOf(pid).reduce((sum, p) => sum + rssMb(p), 0);
      samples.push({ minute: Math.floor((Date.now() - started) / 60_000) + 1, rss: rssMb(pid), java });
    };
    const sampler = setInterval(sample, 5_000);
    let atWanted: { accepted: number; rss: number; java: number; seconds: number } | undefined;
    let lastMinute = 0;
    const reporter = setInterval(() => {
      const last = samples.at(-1);
      const seconds = (Date.now() - started) / 1000;
      if (signalsWanted && !atWanted && tally.accepted >= signalsWanted && last)
        atWanted = { accepted: tally.accepted, rss: last.rss, java: last.java, seconds };
      const minute = Math.floor((Date.now() - started) / 60_000);
      if (minute <= lastMinute) return;
      lastMinute = minute;
      console.log(
        `minute ${minute}: runtime RSS ${last?.rss.toFixed(0)} MB, DynamoDB Local (Java) RSS ${last?.java.toFixed(0)} MB, ` +
          `${num(tally.accepted)} signals accepted (${num(tally.accepted / seconds)}/s), ` +
          `reads: rankings ${num(reads.rankings)}, voices ${num(reads.voices)}, notices ${num(reads.notices)}; errors ${errorCount}`,
      );
    }, 1_000);
    console.log(
      `Soak: ${minutes} min${signalsWanted ? ` and until ${num(signalsWanted)} signals` : ""}, ${LINES} lines, batches of ${BATCH}, ${IN_FLIGHT} in flight${rate ? `, ≤ ${rate}/s` : ""}; runtime pid ${pid} at ${url}`,
    );
    sample();
    const atStart = { rss: samples[0]?.rss ?? Number.NaN, java: samples[0]?.java ?? Number.NaN };
    await Promise.all([
      ...Array.from({ length: IN_FLIGHT }, ingestLoop),
      readLoop("rankings", () => `/v1/rankings?period=${quarter}&limit=50`, cco)(),
      readLoop(
        "voices",
        (i) =>
          i % 2
            ? `/v1/voices?productLineId=pl-${i % LINES}&limit=50`
            : `/v1/voices?businessUnitId=bu-soak-${(i / 2) % UNITS}&limit=50`,
        executive,
      )(),
      readLoop("notices", () => "/v1/notices?limit=50", cco)(),
    ]);
    clearInterval(sampler);
    clearInterval(reporter);
    sample();
    const seconds = (Date.now() - started) / 1000;
    const peak = { rss: peakRssMb(pid), java: javaOf(pid).reduce((sum, p) => sum + peakRssMb(p), 0) };

    // Exact counts: every signal sent is in its line's metrics once — accepted at once, or committed
    // by a batch refused half-way and reported as a duplicate by its resend.
    let counted = 0;
    for (const q of sentByQuarter.keys())
      for (let i = 0; i < LINES; i++)
        counted += JSON.parse(
          await http.call("GET", `/v1/product-lines/pl-${i}/metrics?period=${q}`, undefined, cco),
        ).n;
    const stored = tally.accepted + tally.committedBeforeRefusal;
    const exact =
      counted === stored &&
      stored === tally.sent &&
      tally.duplicates + tally.quarantined + tally.rejected === 0;

    const byMinute = new Map<number, number[]>();
    for (const s of samples) byMinute.set(s.minute, [...(byMinute.get(s.minute) ?? []), s.rss]);
    // Whole minutes only: the last, partial one holds the final reads and is not a minute's median.
    const whole = [...byMinute.keys()]
      .filter((m) => m <= Math.max(1, Math.floor(seconds / 60)))
      .sort((a, b) => a - b);
    const base = whole.length >= 3 ? 2 : 1;
    const baseRss = median(byMinute.get(base) ?? []);
    const lastRss = median(byMinute.get(whole.at(-1) ?? base) ?? []);
    const flat = lastRss <= baseRss * FLAT_RATIO;
    console.log(`
Soak: ${minutes} min; ${num(tally.accepted)} signals accepted of ${num(tally.sent)} sent (${num(tally.accepted / seconds)}/s), ${num(tally.duplicates)} duplicates, ${num(tally.committedBeforeRefusal)} committed by a refused batch (resent), ${num(tally.quarantined)} quarantined, ${num(tally.rejected)} rejected
Reads: rankings ${num(reads.rankings)}, voices ${num(reads.voices)}, notices ${num(reads.notices)}
Errors: ${errorCount} (budget 0: ${verdict(errorCount === 0)})${errors.length ? `\n  ${errors.join("\n  ")}` : ""}
Counts: metrics n summed over ${LINES} lines × ${sentByQuarter.size} quarter(s) = ${num(counted)}, signals sent ${num(tally.sent)}, accepted + committed by refused batches ${num(stored)} (exact: ${verdict(exact)})
Runtime RSS by minute (median of 5 s samples, MB): ${whole.map((m) => `${m}: ${median(byMinute.get(m)!).toFixed(0)}`).join(", ")}; peak ${Math.max(...samples.map((s) => s.rss)).toFixed(0)}
Memory flat: minute ${whole.at(-1)} ${lastRss.toFixed(0)} MB vs minute ${base} ${baseRss.toFixed(0)} MB = ${(lastRss / baseRss).toFixed(2)}× (budget ≤ ${FLAT_RATIO}: ${verdict(flat)})${base === 1 ? " — under 3 minutes the first minute, warm-up included, is the reference" : ""}
`);
    const figures = soakFigures({
      seconds,
      errorCount,
      counted,
      sent: tally.sent,
      exact,
      flat: { lastRss, baseRss, base, last: whole.at(-1) ?? base },
      atStart,
      peak,
      atWanted,
    });
    console.log(figures.map((f) => `${f.figure}: ${f.measured} (${f.reference})`).join("\n"));
    report(...figures);
    if (errorCount || !exact || !flat) process.exitCode = 1;
  } finally {
    await runtime.stop();
  }
};
