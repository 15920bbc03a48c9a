/**
 * The rankings page with 10,000 product lines in Chromium: one ranking call, a windowed table (the
 * DOM holds a screenful of rows, scrolling reaches the last line), filters, search (pinyin initials
 * too) and sort that combine, a CSV of exactly the rows shown, and "why" in plain words; axe finds
 * nothing serious in either language. Times are printed, never asserted.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { RankedLine } from "#schemas/ranking";
import { csatSignals, currentQuarter } from "#test/integration/fixtures";
import { seriousViolations } from "./axe";
import { putCatalog, sendSignals, useDashboard } from "./dashboard-fixture";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const LINES = 10_000;
const UNITS = 20;
const CATEGORIES = 40;
const KINDS: [en: string, zh: string][] = [
  ["Air purifier", "空气净化器"],
  ["Kettle", "电水壶"],
  ["Heater", "取暖器"],
  ["Rice cooker", "电饭煲"],
  ["Humidifier", "加湿器"],
];
const lineId = (i: number) => `pl-${String(i).padStart(5, "0")}`;
/** Lines with signals: every 50th (200 lines), 40 signals each, negatives by turn (30 of 40: clearly bad). */
const SIGNALLED = Array.from({ length: LINES / 50 }, (_, k) => k * 50);
const NEGATIVES = [30, 10, 4, 0, 16, 2, 12, 8, 6];
const FORMULA_NAME = `=HYPERLINK("http://example.invalid","x")`;
const ANDON_LINE = lineId(100);

let ranked: RankedLine[];
let bar: number;
const dash = useDashboard({
  seed: async (dash) => {
    const productLines = Array.from({ length: LINES }, (_, i) => {
      const [en, zh] = KINDS[i % KINDS.length] as [string, string];
      return {
        id: lineId(i),
        name: i === 50 ? FORMULA_NAME : `${en} ${i}`,
        nameZh: `${zh} ${i}号`,
        businessUnitId: `bu-${i % UNITS}`,
        category: `cat-${Math.floor(i / 7) % CATEGORIES}`,
      };
    });
    const businessUnits = Array.from({ length: UNITS }, (_, u) => ({ id: `bu-${u}`, name: `Unit ${u}` }));
    // The catalog is an upsert and a body is at most 1 MiB: 2,500 lines a request.
    for (let i = 0; i < LINES; i += 2_500) {
      await putCatalog(dash, { businessUnits, productLines: productLines.slice(i, i + 2_500) });
    }
    const base = new Date(Date.now() - 3_600_000);
    const signals: Record<string, unknown>[] = SIGNALLED.flatMap((i, k) =>
      csatSignals(lineId(i), 40, NEGATIVES[k % NEGATIVES.length] ?? 0, base),
    );
    signals.push(
      ...[0, 1].map((j) => ({
        signalId: `andon-${j}`,
        productLineId: ANDON_LINE,
        channel: "hotline",
        kind: "complaint",
        severity: "critical",
        verbatim: "插头冒烟",
        occurredAt: new Date(base.getTime() - j * 1000).toISOString(),
      })),
    );
    const started = performance.now();
    await sendSignals(dash, signals);
    console.log(
      `seeded ${LINES} lines and ${signals.length} signals in ${Math.round(performance.now() - started)} ms`,
    );
    // The ranking as the API answers it (figures may be cached up to 30 s: wait for the Andon to show).
    for (let tries = 0; ; tries++) {
      const answer = await dash.api.call("GET", `/v1/rankings?period=${currentQuarter()}&limit=10000`, {
        token: dash.cco,
      });
      ranked = answer.body.items;
      bar = answer.body.bar;
      if (ranked.some((l) => l.andon) && ranked.some((l) => l.n > 0)) break;
      if (tries > 30) throw new Error("the ranking never showed the signals and the Andon");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect(ranked).toHaveLength(LINES);
  },
  timeout: 240_000,
});

const shownIds = (page: Page) =>
  page.$$eval("#lines tbody tr[data-line]", (rows) => rows.map((r) => r.getAttribute("data-line") ?? ""));

it("shows 10,000 lines windowed, reaches the last by scrolling, and combines filters, search and sort", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1440, height: 900 } });
  const calls: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/v1/rankings") calls.push(pathname);
  });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/rankings" });
  const shown = performance.now();
  await page.waitForSelector("#lines tbody tr[data-line]");
  const firstRowsMs = performance.now() - shown;
  const markMs = await page.evaluate(() => performance.getEntriesByName("rankings-first-rows")[0]?.startTime);
  console.log(
    `rankings, ${LINES} lines: first rows ${Math.round(firstRowsMs)} ms after sign-in (mark at ${Math.round(markMs ?? -1)} ms after navigation)`,
  );

  expect(calls).toHaveLength(1);
  expect(await page.locator("#rankings-count").textContent()).toBe("10,000 of 10,000 lines");
  expect(await page.locator("#lines").getAttribute("aria-rowcount")).toBe(String(LINES + 1));
  const inDom = (await shownIds(page)).length;
  console.log(`rows in the DOM at the top: ${inDom} of ${LINES}`);
  expect(inDom).toBeGreaterThan(10);
  expect(inDom).toBeLessThan(100);
  // Worst first: the first row is the last rank.
  expect((await shownIds(page))[0]).toBe(ranked.find((l) => l.rank === LINES)?.productLineId);

  const scrolled = performance.now();
  await page.$eval(".rankings-scroll", (box) => box.scrollTo(0, box.scrollHeight));
  const last = page.locator(`#lines tbody tr[aria-rowindex="${LINES + 1}"]`);
  await last.waitFor();
  console.log(
    `rankings, ${LINES} lines: scrolled to the end in ${Math.round(performance.now() - scrolled)} ms`,
  );
  const best = ranked.find((l) => l.rank === 1);
  expect(await last.getAttribute("data-line")).toBe(best?.productLineId);
  expect(await last.locator("td.name a").textContent()).toBe(best?.name);
  expect((await shownIds(page)).length).toBeLessThan(100);

  // Unit + category + search + sort, then state, against the API's own figures filtered here.
  await page.selectOption("#rankings-unit", "bu-0");
  await page.selectOption("#rankings-category", "cat-0");
  await page.fill("#rankings-search", "air");
  await page.click('#lines th button.sort:has-text("Negative rate")');
  expect(await page.locator('#lines th[aria-sort="descending"]').textContent()).toContain("Negative rate");
  const chosen = ranked.filter(
    (l) => l.businessUnitId === "bu-0" && l.category === "cat-0" && /air/i.test(l.name),
  );
  const byRate = (sign: number) => (a: RankedLine, b: RankedLine) =>
    a.negativeRate === null || b.negativeRate === null
      ? Number(a.negativeRate === null) - Number(b.negativeRate === null) || a.rank - b.rank
      : sign * (a.negativeRate - b.negativeRate) || a.rank - b.rank;
  const descending = [...chosen].sort(byRate(-1)).map((l) => l.productLineId);
  expect(descending.length).toBeGreaterThan(20);
  await expect
    .poll(async () => descending.slice(0, (await shownIds(page)).length))
    .toEqual(await shownIds(page));
  expect(await page.locator("#rankings-count").textContent()).toBe(`${descending.length} of 10,000 lines`);
  await page.selectOption("#rankings-state", "over");
  const over = (l: RankedLine) => l.n >= 30 && (l.wilson?.lo ?? 0) > bar;
  const overIds = [...chosen]
    .filter(over)
    .sort(byRate(-1))
    .map((l) => l.productLineId);
  expect(overIds.length).toBeGreaterThan(0);
  await expect.poll(() => shownIds(page)).toEqual(overIds);
  await page.selectOption("#rankings-state", "all");
  await page.click('#lines th button.sort:has-text("Negative rate")');
  expect(await page.locator("#lines th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
  const ascending = [...chosen].sort(byRate(1)).map((l) => l.productLineId);
  await expect.poll(async () => (await shownIds(page))[0]).toBe(ascending[0]);

  // The CSV is exactly the rows shown (all of them, not just those in the DOM), in their order.
  expect(ascending.slice(0, (await shownIds(page)).length)).toEqual(await shownIds(page));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#rankings-csv")]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  const csvRows = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(csvRows[0]).toContain("Rank,Product line id,Product line");
  expect(csvRows.slice(1).map((r) => r.split(",")[1])).toEqual(ascending);
  expect(download.suggestedFilename()).toBe(`rankings-${currentQuarter()}.csv`);

  await page.click("#rankings-clear");
  await page.fill("#rankings-search", FORMULA_NAME.slice(0, 10));
  await expect.poll(() => shownIds(page)).toEqual([lineId(50)]);
  const [formula] = await Promise.all([page.waitForEvent("download"), page.click("#rankings-csv")]);
  expect(await readFile((await formula.path()) ?? "", "utf8")).toContain(
    `,"'=HYPERLINK(""http://example.invalid"",""x"")",`,
  );

  // "Why flagged?" on a flagged line, in plain words from its figures.
  await page.fill("#rankings-search", "");
  await page.selectOption("#rankings-state", "over");
  const flagged = page.locator("#lines tbody tr[data-line]").first();
  await flagged.locator("button.why").click();
  expect(await flagged.locator("button.why").getAttribute("aria-expanded")).toBe("true");
  expect(await page.locator("#rankings-why h3").textContent()).toContain("Why flagged?");
  const why = (await page.locator("#rankings-why p").allTextContents()).join(" ");
  expect(why).toMatch(
    /40 signals, 30 negative \(75%\)\. We are 95% sure the negative rate is above [\d.]+%, over the bar of [\d.]+%\./,
  );

  await page.selectOption("#rankings-state", "andon");
  await expect.poll(() => shownIds(page)).toEqual([ANDON_LINE]);
  expect(await page.locator(`tr[data-line="${ANDON_LINE}"] .andon-badge`).textContent()).toContain(
    "Andon raised",
  );
  await page.selectOption("#rankings-state", "all");
  await page.locator("#rankings-why-close").click();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "rankings");
  await page.close();
});

it("finds Chinese names by pinyin initials and reads as Chinese, with nothing serious for axe", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  const chunks: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/assets/chunk-")) chunks.push(request.url());
  });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/rankings" });
  await page.waitForSelector("#lines tbody tr[data-line]");
  expect(await page.locator("#rankings-count").textContent()).toBe("显示 10,000 条,共 10,000 条产品线");
  const before = chunks.length;
  await page.fill("#rankings-search", "kqjhq");
  const airLines = LINES / KINDS.length;
  await expect
    .poll(() => page.locator("#rankings-count").textContent())
    .toBe(`显示 ${airLines.toLocaleString("en-US")} 条,共 10,000 条产品线`);
  console.log(`pinyin search loaded ${chunks.length - before} chunk(s) on first use`);
  expect(chunks.length).toBeGreaterThan(before);
  expect(
    (await page.locator("#lines tbody tr[data-line] td.name a").first().textContent())?.startsWith(
      "空气净化器",
    ),
  ).toBe(true);
  await page.fill("#rankings-search", "电水壶 1号");
  await expect.poll(() => shownIds(page)).toEqual([lineId(1)]);
  await page.fill("#rankings-search", "");
  await page.locator("#lines tbody tr[data-line] button.why").first().click();
  expect((await page.locator("#rankings-why p").allTextContents()).join("")).toMatch(
    /^共 \d+ 条信号,其中负面 \d+ 条/,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "rankings");
  await page.close();
});
