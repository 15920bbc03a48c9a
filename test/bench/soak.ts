/**
 * `npm run bench -- soak [--minutes N]` (or `BENCH_SOAK_MINUTES`; default 10): the local runtime
 * started as `npm start` starts it (its own process, so its RSS is its own), fed at the ingest
 * bench's pace — batches of 500, 4 in flight, as fast as they are taken (`BENCH_SOAK_RATE` caps it
 * in signals/s) — while rankings, voices and notices are read in parallel. Prints the runtime's RSS
 * every minute; at the end checks that no request failed and that the signals accepted equal the
 * metrics' `n` summed over every line, and says whether memory stayed flat (the last minute's RSS
 * against the second minute's). Not part of `npm test`, nor of a bare `npm run bench`.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { num, verdict } from "./cases";
import { httpOf } from "./timing";

const LINES = 50;
// Units of 10 lines: a unit's voices page costs about six queries per line (README, "Known limits"),
// and units of 50 are over budget on their own; the soak is about time, not that limit.
const LINES_PER_UNIT = 10;
const UNITS = LINES / LINES_PER_UNIT;
const BATCH = 500;
const IN_FLIGHT = 4;
/** Flat: the last minute's RSS at most this much above the second minute's. */
const FLAT_RATIO = 1.15;
const WORDS = [
  "物流太慢了,等了一个星期才到,包装也破了",
  "客服态度很好,问题很快就解决了,给个好评",
  "和描述不符,颜色差很多,申请退货",
  "The product stopped working after two days and support never called back.",
];

const minutesWanted = (): number => {
  const at = process.argv.indexOf("--minutes");
  const value = Number(at >= 0 ? process.argv[at + 1] : (process.env.BENCH_SOAK_MINUTES ?? 10));
  if (!(value > 0)) throw new Error("--minutes wants a positive number");
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

/** Resident set of a process in MB (Linux /proc, else ps). */
const rssMb = (pid: number): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
    if (line?.[1]) return Number(line[1]) / 1024;
  } catch {
    // Not Linux, or gone: ask ps.
  }
  try {
    return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) / 1024;
  } catch {
    return Number.NaN;
  }
};

/** The runtime's descendants whose command line names java (DynamoDB Local). */
const javaOf = (pid: number): number[] => {
  let children: number[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => {
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${child}/cmdline`, "utf8");
    } catch {}
    return [...(cmd.includes("java") ? [child] : []), ...javaOf(child)];
  });
};

const startEntryPoint = async (): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "infra/local/start.ts", "--port", "0", "--no-seed", "--no-schedules"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The runtime did not come up:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Strawberry is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => fail(new Error(`The runtime exited with ${code}:\n${output}`)));
  });
  // Keep draining its output so it never blocks on a full pipe; show what it says about trouble.
  child.stdout?.removeAllListeners("data").on("data", () => {});
  child.stderr?.removeAllListeners("data").on("data", (c: Buffer) => process.stderr.write(`[runtime] ${c}`));
  return { child, url };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export const benchSoak = async (): Promise<void> => {
  const minutes = minutesWanted();
  const rate = Number(process.env.BENCH_SOAK_RATE ?? 0);
  const { child, url } = await startEntryPoint();
  const pid = child.pid!;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
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
    const ingestLoop = async () => {
      while (Date.now() < endAt) {
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
    };
    const readLoop = (name: keyof typeof reads, path: (i: number) => string, token: string) => async () => {
      for (let i = 0; Date.now() < endAt; i++) {
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
    let lastMinute = 0;
    const reporter = setInterval(() => {
      const minute = Math.floor((Date.now() - started) / 60_000);
      if (minute <= lastMinute) return;
      lastMinute = minute;
      const last = samples.at(-1);
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `minute ${minute}: runtime RSS ${last?.rss.toFixed(0)} MB, DynamoDB Local (Java) RSS ${last?.java.toFixed(0)} MB, ` +
          `${num(tally.accepted)} signals accepted (${num(tally.accepted / seconds)}/s), ` +
          `reads: rankings ${num(reads.rankings)}, voices ${num(reads.voices)}, notices ${num(reads.notices)}; errors ${errorCount}`,
      );
    }, 1_000);
    console.log(
      `Soak: ${minutes} min, ${LINES} lines, batches of ${BATCH}, ${IN_FLIGHT} in flight${rate ? `, ≤ ${rate}/s` : ""}; runtime pid ${pid} at ${url}`,
    );
    sample();
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
    const whole = [...byMinute.keys()].filter((m) => m <= Math.ceil(minutes)).sort((a, b) => a - b);
    const base = whole.length >= 3 ? 2 : 1;
    const baseRss = median(byMinute.get(base) ?? []);
    const lastRss = median(byMinute.get(whole.at(-1) ?? base) ?? []);
    const flat = lastRss <= baseRss * FLAT_RATIO;
    const seconds = (Date.now() - started) / 1000;
    console.log(`
Soak: ${minutes} min; ${num(tally.accepted)} signals accepted of ${num(tally.sent)} sent (${num(tally.accepted / seconds)}/s), ${num(tally.duplicates)} duplicates, ${num(tally.committedBeforeRefusal)} committed by a refused batch (resent), ${num(tally.quarantined)} quarantined, ${num(tally.rejected)} rejected
Reads: rankings ${num(reads.rankings)}, voices ${num(reads.voices)}, notices ${num(reads.notices)}
Errors: ${errorCount} (budget 0: ${verdict(errorCount === 0)})${errors.length ? `\n  ${errors.join("\n  ")}` : ""}
Counts: metrics n summed over ${LINES} lines × ${sentByQuarter.size} quarter(s) = ${num(counted)}, signals sent ${num(tally.sent)}, accepted + committed by refused batches ${num(stored)} (exact: ${verdict(exact)})
Runtime RSS by minute (median of 5 s samples, MB): ${whole.map((m) => `${m}: ${median(byMinute.get(m)!).toFixed(0)}`).join(", ")}; peak ${Math.max(...samples.map((s) => s.rss)).toFixed(0)}
Memory flat: minute ${whole.at(-1)} ${lastRss.toFixed(0)} MB vs minute ${base} ${baseRss.toFixed(0)} MB = ${(lastRss / baseRss).toFixed(2)}× (budget ≤ ${FLAT_RATIO}: ${verdict(flat)})${base === 1 ? " — under 3 minutes the first minute, warm-up included, is the reference" : ""}
`);
    if (errorCount || !exact || !flat) process.exitCode = 1;
  } finally {
    child.kill("SIGINT");
    await exited;
  }
};
