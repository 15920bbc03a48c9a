/**
 * Hostile text on its way out (issue 13, item 2). CSV exports (every route of the route table that
 * answers CSV) neutralise formulas in every text column, whatever names the catalog was given, and
 * keep every row; and the dashboard's static files refuse path traversal in every encoding, never
 * answering anything but a file of web/dist.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_BUILD_DIR } from "#infra/build-web";
import type { Runtime } from "#infra/local/runtime";
import { ROUTES } from "#routes/index";
import { isStorableText } from "#schemas/common";
import { currentQuarter, signal } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { hostileText } from "#test/integration/hostile-kit";

let runtime: Runtime;
let api: Api;
let cco: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
});
afterAll(async () => runtime?.stop());

/** What a spreadsheet reads as a formula, blanks and full-width forms included. */
const FORMULA = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const formulaText = fc
  .tuple(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", " =", "\u3000+", "＝", "＠", "=HYPERLINK(", "-1+"),
    hostileText(40).filter(isStorableText),
  )
  .map(([start, rest]) => `${start}${rest}`.slice(0, 100));
/** Ids may start with - or . but never look like numbers. */
const formulaId = fc
  .constantFrom("-", "-x", "-1x", "+", "@")
  .chain((start) =>
    fc
      .stringMatching(/^[a-z:._-]{1,8}$/)
      .map((rest) => `${start === "+" || start === "@" ? "-" : start}${rest}`),
  );

const CSV_ROUTES = ROUTES.filter((r) => "csv" in r && r.csv !== undefined);

describe("CSV exports", () => {
  it("are the rankings and the problem board, from the route table", () => {
    expect(CSV_ROUTES.map((r) => r.path).sort()).toEqual(["/v1/problems", "/v1/rankings"]);
  });

  it("neutralise a formula in every text cell and keep every row", async () => {
    // Prepare: units and lines named like formulas (fast-check's samples, seeded), each with a
    // signal this quarter; figures are read once, as rankings may be cached for 30 seconds.
    const named = fc.sample(fc.tuple(formulaText, formulaText, formulaText, formulaText, formulaId), {
      numRuns: 40,
      seed: 13,
    });
    const lines = named.map(([name, nameZh, category, unitName, id], i) => ({
      unit: { id: `${id}u${i}`, name: unitName, nameZh: unitName },
      line: { id: `${id}l${i}`, name, nameZh, businessUnitId: `${id}u${i}`, category },
    }));
    const put = await api.call("PUT", "/v1/catalog", {
      token: cco,
      body: {
        businessUnits: lines.map((l) => l.unit),
        productLines: lines.map((l) => l.line),
        categories: [...new Set(lines.map((l) => l.line.category))].map((c) => ({ id: c, name: c })),
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: lines.map((l) => signal({ productLineId: l.line.id, score: 1 })) },
    });
    expect(sent.body.accepted).toBe(lines.length);

    for (const route of CSV_ROUTES) {
      // Act
      const query = `period=${currentQuarter()}&limit=1000`;
      const json = await api.call("GET", `${route.path}?${query}`, { token: cco });
      const csv = await fetch(`${runtime.url}${route.path}?${query}&format=csv`, {
        headers: { authorization: `Bearer ${cco}` },
      });
      const text = await csv.text();

      // Assess: every cell a number or not a formula; every row there, its texts neutralised.
      expect(csv.status, text).toBe(200);
      const rows = parse(text.replace(/^\uFEFF/, "")) as string[][];
      const items = json.body.items ?? json.body.productLines;
      expect(rows.length - 1, route.path).toBe(items.length);
      for (const cell of rows.flat())
        expect(!FORMULA.test(cell) || NUMBER.test(cell), `${route.path}: ${JSON.stringify(cell)}`).toBe(true);
      for (const { line } of lines) {
        const row = rows.find((r) => r.includes(`'${line.id}`));
        expect(row, `${route.path}: no row for ${line.id}`).toBeDefined();
        for (const value of [line.name, line.nameZh, line.category, line.businessUnitId])
          expect(row, route.path).toContain(`'${value}`);
      }
    }
  });
});

/** Every file the dashboard may serve, by content. */
const servable = (dir: string): Buffer[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? servable(path) : [readFileSync(path)];
  });

/** The body of a chunked answer. */
const dechunk = (raw: Buffer): Buffer => {
  const parts: Buffer[] = [];
  for (let at = 0; at < raw.length; ) {
    const eol = raw.indexOf("\r\n", at);
    const size = Number.parseInt(raw.subarray(at, eol).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
};

/** A GET with the request target exactly as given (fetch would resolve dots and escapes first). */
const rawGet = (target: string): Promise<{ status: number; body: Buffer }> =>
  new Promise((done, fail) => {
    const { hostname, port } = new URL(runtime.url);
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        Buffer.from(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, "latin1"),
      );
    });
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", fail);
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(all.subarray(0, 20).toString("latin1"))?.[1] ?? 0);
      const head = all.subarray(0, Math.max(split, 0)).toString("latin1");
      const rest = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      done({ status, body: /transfer-encoding: chunked/i.test(head) ? dechunk(rest) : rest });
    });
  });

const DOTS = [
  "..",
  "%2e%2e",
  "%2E%2E",
  ".%2e",
  "%2e.",
  "%252e%252e",
  "%c0%ae%c0%ae",
  "%e0%80%ae%e0%80%ae",
  "....",
  "..%00",
  "%uff0e%uff0e",
  "．．",
];
const SLASH = ["/", "%2f", "%2F", "\\", "%5c", "%5C", "%252f", "%c0%af", "%e0%80%af", "//", "/./", "%00/"];
const TARGETS = [
  "package.json",
  "etc/passwd",
  "web/index.html",
  "infra/local/jwt.ts",
  "index.html%00.png",
  "",
];

describe("static files", () => {
  it.each(["//..%e0%80%afpackage.json", "//x/../package.json", "//[::1/", "*"])(
    "answer the request target %s with 400 or 404, never a 500",
    async (target) => {
      expect([400, 404]).toContain((await rawGet(target)).status);
    },
  );

  it("refuse path traversal in every encoding, answering only files of web/dist", async () => {
    expect((await rawGet("/index.html")).status).toBe(200);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/", "/assets/", "/assets/%2e/", "//"),
        fc.array(fc.tuple(fc.constantFrom(...DOTS), fc.constantFrom(...SLASH)), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom(...TARGETS),
        async (start, steps, target) => {
          const path = `${start}${steps.map(([d, s]) => d + s).join("")}${target}`;
          const { status, body } = await rawGet(path);
          expect([200, 400, 404], path).toContain(status);
          // Read now: other test files may rebuild the dashboard meanwhile.
          if (status === 200)
            expect(
              servable(WEB_BUILD_DIR).some((f) => f.equals(body)),
              `${path} served a file outside web/dist: ${body.subarray(0, 300).toString("latin1")}`,
            ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
