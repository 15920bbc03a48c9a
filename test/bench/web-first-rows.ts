/**
 * Time to the rankings' first rows in Chromium, at 50 and at 10,000 product lines, against a raw
 * reference measured in the same run and the same browser: a plain static HTML table of 50 rows.
 * This machine's absolute times move 2–3× between days, so the figure to compare is the ratio.
 *
 * Two local runtimes share one DynamoDB Local (a table each: 50 lines, 10,000 lines, with signals on
 * some of them as `POST /v1/signals` takes them). The dashboard is served from the bench's own build
 * by a small server in front of each runtime (files from the build, `/v1/` passed on), so web/dist/,
 * which other test runs rebuild, is never touched.
 * Each sample is a new browser context (no cache, no storage): signed in by a dev token placed in
 * session storage before the page's scripts run, it opens `#/rankings`; the page marks
 * `rankings-first-rows` (User Timing) when its first rows are committed, the reference marks
 * `reference-rows` after its table; both are read as milliseconds since navigation start.
 * The rounds are interleaved so that a noisy moment hits every case alike.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import type { Browser } from "playwright-core";
import { type Runtime, startRuntime } from "#infra/local/runtime";
import { launchChromium } from "#test/e2e/browser";
import { httpOf, timings } from "./timing";

const ROUNDS = 7;
const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".html": "text/html",
  ".map": "application/json",
};

const REFERENCE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reference</title></head><body>
<table><thead><tr><th>Rank</th><th>Product line</th><th>Unit</th><th>Signals</th><th>Negative rate</th></tr></thead><tbody>
${Array.from({ length: 50 }, (_, i) => `<tr><td>${i + 1}</td><td>Line ${i}</td><td>Unit ${i % 5}</td><td>${40 + i}</td><td>${i % 30}%</td></tr>`).join("\n")}
</tbody></table><script>performance.mark("reference-rows")</script></body></html>`;

const seed = async (runtime: Runtime, lines: number, signalledEvery: number): Promise<string> => {
  const { call, token } = httpOf(runtime.url);
  const cco = await token("cco");
  const businessUnits = Array.from({ length: 20 }, (_, u) => ({ id: `bu-${u}`, name: `Unit ${u}` }));
  // The catalog is an upsert and a body is at most 1 MiB: 2,500 lines a request.
  for (let from = 0; from < lines; from += 2_500) {
    const productLines = Array.from({ length: Math.min(2_500, lines - from) }, (_, k) => ({
      id: `pl-${from + k}`,
      name: `Line ${from + k}`,
      nameZh: `产品线 ${from + k}`,
      businessUnitId: `bu-${(from + k) % 20}`,
      category: `cat-${(from + k) % 40}`,
    }));
    await call("PUT", "/v1/catalog", { businessUnits, productLines }, cco);
  }
  const at = Date.now() - 3_600_000;
  const signals = Array.from(
    { length: Math.ceil(lines / signalledEvery) },
    (_, k) => k * signalledEvery,
  ).flatMap((i) =>
    Array.from({ length: 40 }, (_, j) => ({
      signalId: `bench-${i}-${j}`,
      productLineId: `pl-${i}`,
      channel: "app",
      kind: "csat",
      score: j < (i * 7) % 25 ? 1 : 5,
      occurredAt: new Date(at - j * 1000).toISOString(),
    })),
  );
  for (let i = 0; i < signals.length; i += 500)
    await call("POST", "/v1/signals", { signals: signals.slice(i, i + 500) }, cco);
  return cco;
};

/** Serves the build in `staticDir` and the reference page, and passes `/v1/` on to `api`. */
const frontOf = async (api: string, staticDir: string): Promise<{ url: string; server: Server }> => {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/v1/")) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers: Record<string, string> = {};
      for (const name of ["authorization", "content-type", "accept"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      const answer = await fetch(`${api}${req.url}`, {
        method: req.method ?? "GET",
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      res.writeHead(answer.status, {
        "content-type": answer.headers.get("content-type") ?? "application/json",
      });
      res.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (path === "/reference.html") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(REFERENCE_HTML);
      return;
    }
    const file = path === "/" ? "index.html" : path.slice(1);
    const body = file.includes("..") ? null : await readFile(join(staticDir, file)).catch(() => null);
    res.writeHead(body ? 200 : 404, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};

/** Milliseconds from navigation start to `mark`, in a fresh context, on `path` of `url`. */
const sample = async (browser: Browser, url: string, token: string, path: string, mark: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  try {
    await context.addInitScript((value: string) => {
      sessionStorage.setItem("token", value);
      sessionStorage.setItem("role", "cco");
    }, token);
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    await page.waitForFunction((name: string) => performance.getEntriesByName(name).length > 0, mark, {
      timeout: 60_000,
      polling: 50,
    });
    return await page.evaluate((name: string) => {
      const api = performance.getEntriesByType("resource").find((e) => e.name.includes("/v1/rankings")) as
        | PerformanceResourceTiming
        | undefined;
      return {
        ms: performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
        apiMs: api ? api.responseEnd - api.startTime : Number.NaN,
        afterApiMs: api
          ? (performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN) - api.responseEnd
          : Number.NaN,
        rows: document.querySelectorAll("#lines tbody tr[data-line]").length,
      };
    }, mark);
  } finally {
    await context.close();
  }
};

export interface FirstRowsCase {
  name: string;
  ms: number;
  ratio: number;
  apiMs: number;
  /** From the ranking's answer to the rows committed: parsing, filtering, sorting, rendering. */
  afterApiMs: number;
  rowsInDom: number;
}

/** The reference and the rankings at 50 and 10,000 lines, medians of {@link ROUNDS} interleaved rounds. */
export const firstRows = async (staticDir: string, say: (line: string) => void): Promise<FirstRowsCase[]> => {
  say("web: starting two runtimes (50 and 10,000 lines) on one DynamoDB Local…");
  const small = await startRuntime({ port: 0, logLevel: "ERROR", tableName: "bench-web-50" });
  const large = await startRuntime({
    port: 0,
    logLevel: "ERROR",
    dynamoEndpoint: small.dynamoEndpoint,
    tableName: "bench-web-10000",
  });
  let browser: Browser | undefined;
  const smallFront = await frontOf(small.url, staticDir);
  const largeFront = await frontOf(large.url, staticDir);
  try {
    const cases = [
      {
        name: "reference: static 50-row table",
        front: smallFront,
        token: "",
        path: "/reference.html",
        mark: "reference-rows",
      },
      {
        name: "rankings, 50 lines",
        front: smallFront,
        token: await seed(small, 50, 1),
        path: "/#/rankings",
        mark: "rankings-first-rows",
      },
      {
        name: "rankings, 10,000 lines",
        front: largeFront,
        token: await seed(large, 10_000, 50),
        path: "/#/rankings",
        mark: "rankings-first-rows",
      },
    ];
    browser = await launchChromium();
    const samples = cases.map(() => ({
      ms: [] as number[],
      apiMs: [] as number[],
      afterApiMs: [] as number[],
      rows: 0,
    }));
    say(`web: ${ROUNDS} rounds of ${cases.length} page loads in Chromium…`);
    // One warm-up round, not counted: the runtimes' first answers read DynamoDB Local cold.
    for (let round = 0; round <= ROUNDS; round++)
      for (const [i, c] of cases.entries()) {
        const result = await sample(browser, c.front.url, c.token, c.path, c.mark);
        if (round === 0) continue;
        samples[i]?.ms.push(result.ms);
        samples[i]?.apiMs.push(result.apiMs);
        samples[i]?.afterApiMs.push(result.afterApiMs);
        if (samples[i]) samples[i].rows = result.rows;
      }
    const reference = timings(samples[0]?.ms ?? []).p50;
    return cases.map((c, i) => {
      const ms = timings(samples[i]?.ms ?? []).p50;
      return {
        name: c.name,
        ms,
        ratio: ms / reference,
        apiMs: timings(samples[i]?.apiMs ?? []).p50,
        afterApiMs: timings(samples[i]?.afterApiMs ?? []).p50,
        rowsInDom: samples[i]?.rows ?? 0,
      };
    });
  } finally {
    await browser?.close();
    smallFront.server.close();
    largeFront.server.close();
    await large.stop();
    await small.stop();
  }
};
