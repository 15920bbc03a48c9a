/**
 * `npm run bench -- start`: the time from `npm start` to its printed URL with the demo data and the
 * demo story (budget 60 s), step by step, and the runtime's memory once it is up.
 * `npm run bench -- npm-test` (only when named: it takes about ten minutes): the time of `npm test`
 * (budget 10 minutes), its output kept in a file.
 */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { javaOf, peakRssMb, startEntryPoint } from "./entry-point";
import { report } from "./summary";

const START_BUDGET_S = 60;
const TEST_BUDGET_S = 600;

/** What `npm start` prints as it goes, in order: each step ends where the next begins. */
const STEPS = [
  { name: "building the dashboard", until: /Starting DynamoDB Local/ },
  { name: "starting DynamoDB Local and the runtime", until: /DynamoDB Local on / },
  { name: "loading the demo catalog and signals", until: /Playing the demo story/ },
  { name: "playing the demo story", until: /Strawberry is running at/ },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const benchStart = async (): Promise<void> => {
  process.stderr.write("start: npm start -- --port 0 (demo data, demo story, schedules)…\n");
  const runtime = await startEntryPoint("npm", ["start", "--", "--port", "0"], {
    milestones: STEPS.map((s) => s.until),
    timeoutMs: 300_000,
  });
  try {
    const urlMs = runtime.marks.get("url") ?? Number.NaN;
    const memory = {
      node: peakRssMb(runtime.pid),
      java: javaOf(runtime.pid).reduce((n, p) => n + peakRssMb(p), 0),
    };
    const signals = /Importing ([\d,]+) demo signals/.exec(runtime.output)?.[1] ?? "?";
    let from = 0;
    const steps = STEPS.map((s) => {
      const at = runtime.marks.get(s.until.source) ?? Number.NaN;
      const step = { name: s.name, ms: at - from };
      from = at;
      return step;
    });
    console.log(`
npm start -- --port 0: the URL printed ${seconds(urlMs)} after the command (budget ${START_BUDGET_S} s), ${signals} demo signals
${steps.map((s) => `  ${s.name.padEnd(42)} ${seconds(s.ms).padStart(8)}`).join("\n")}
Peak RSS once up: runtime (Node) ${memory.node.toFixed(0)} MB, DynamoDB Local (Java, in memory) ${memory.java.toFixed(0)} MB`);
    report(
      {
        bench: "start",
        figure: "npm start to the printed URL, demo data and story",
        measured: seconds(urlMs),
        reference: steps.map((s) => `${s.name.split(" ")[0]} ${seconds(s.ms)}`).join(", "),
        budget: `≤ ${START_BUDGET_S} s`,
        pass: urlMs <= START_BUDGET_S * 1000,
      },
      {
        bench: "start",
        figure: "runtime (Node) peak RSS after the demo",
        measured: `${memory.node.toFixed(0)} MB`,
        reference: `DynamoDB Local (Java) ${memory.java.toFixed(0)} MB`,
      },
    );
  } finally {
    await runtime.stop();
  }
};

export const benchNpmTest = async (): Promise<void> => {
  const log = join(tmpdir(), `strawberry-npm-test-${Date.now()}.log`);
  process.stderr.write(`npm-test: npm test, output in ${log}…\n`);
  const began = performance.now();
  const out = createWriteStream(log);
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn("npm", ["test"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once("error", fail);
    child.once("exit", done);
  });
  const ms = performance.now() - began;
  await new Promise<void>((done) => out.end(done));
  // Vitest's own totals, without colour codes.
  const text = stripVTControlCharacters(readFileSync(log, "utf8"));
  const files = /Test Files\s+(.+)/.exec(text)?.[1]?.trim() ?? "?";
  const tests = /\n\s+Tests\s+(.+)/.exec(text)?.[1]?.trim() ?? "?";
  const vitest = /Duration\s+([\d.]+s)/.exec(text)?.[1] ?? "?";
  console.log(
    `\nnpm test: exit ${code}, ${seconds(ms)} (budget ${TEST_BUDGET_S} s); files ${files}; tests ${tests}; vitest ${vitest}`,
  );
  report({
    bench: "npm-test",
    figure: "npm test (typecheck, lint, every vitest project)",
    measured: seconds(ms),
    reference: `vitest alone ${vitest}`,
    budget: `≤ ${TEST_BUDGET_S} s, passing`,
    pass: code === 0 && ms <= TEST_BUDGET_S * 1000,
  });
  if (code !== 0) process.exitCode = 1;
};
