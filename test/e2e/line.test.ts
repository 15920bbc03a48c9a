/**
 * The product line page in Chromium, on lines seeded here: a kettle with weeks of signals (reasons,
 * words, one hostile), pulled by the previous quarter's review; a heater with an Andon raised; a quiet
 * line with nothing. The figures shown are checked against the API's own answers, in both languages.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { csatSignals, dayOfPreviousQuarter, quarterOfDay, shanghaiDay } from "#test/integration/fixtures";
import { number, percent } from "#web/format";
import { seriousViolations } from "./axe";
import { putCatalog, sendSignals, useDashboard } from "./dashboard-fixture";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">壶盖松了`;
const REASONS = [["quality"], ["logistics"], ["quality", "price"]];
const noon = (day: string) => `${day}T12:00:00+08:00`;
const previousDay = dayOfPreviousQuarter();
let noticeId: string;
const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, {
      businessUnits: [
        { id: "bu-home", name: "Home" },
        { id: "bu-fresh", name: "Fresh" },
      ],
      productLines: [
        { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-home", category: "kitchen" },
        { id: "pl-heater", name: "Heater", nameZh: "取暖器", businessUnitId: "bu-home", category: "kitchen" },
        { id: "pl-quiet", name: "Toaster", nameZh: "面包机", businessUnitId: "bu-home", category: "kitchen" },
        { id: "pl-milk", name: "Milk", nameZh: "牛奶", businessUnitId: "bu-fresh", category: "dairy" },
      ],
    });
    // Five weeks of kettle signals (one day a week), 2 to 6 negatives of 10, each negative with reasons.
    const weekly = [0, 1, 2, 3, 4].flatMap((week) =>
      Array.from({ length: 10 }, (_, i) => ({
        signalId: `line-w${week}-${i}`,
        productLineId: "pl-kettle",
        channel: "app",
        kind: "csat",
        score: i < week + 2 ? 1 : 5,
        occurredAt: new Date(Date.parse(noon(shanghaiDay(1 + 7 * week))) - i * 60_000).toISOString(),
        ...(i < week + 2 ? { reasons: REASONS[i % 3] } : {}),
        ...(i === 0 ? { verbatim: week === 0 ? HOSTILE : `第 ${week} 周:水烧不开` } : {}),
      })),
    );
    // The previous quarter: the kettle far over the bar (so the review pulls it), the heater clean.
    const base = new Date(noon(previousDay));
    const previous = [...csatSignals("pl-kettle", 40, 30, base), ...csatSignals("pl-heater", 40, 0, base)];
    // Two critical complaints on the heater yesterday raise an Andon.
    const critical = [0, 1].map((i) => ({
      signalId: `line-critical-${i}`,
      productLineId: "pl-heater",
      channel: "hotline",
      kind: "complaint",
      severity: "critical",
      reasons: ["safety"],
      occurredAt: new Date(Date.parse(noon(shanghaiDay(1))) + i * 60_000).toISOString(),
    }));
    await sendSignals(dash, [...weekly, ...previous, ...critical]);
    const review = await dash.api.call("POST", "/v1/reviews", {
      token: dash.cco,
      body: { quarter: quarterOfDay(previousDay) },
    });
    expect(review.status).toBe(200);
    const notices = await dash.api.call("GET", "/v1/notices?businessUnitId=bu-home", { token: dash.cco });
    noticeId = notices.body.items.find((n: { productLineId: string }) => n.productLineId === "pl-kettle").id;
  },
});

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? "";

it("shows a CCO the kettle's figures, bar, trend, problems, voices and notice as the API gives them, in both languages", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1280, height: 900 } });
  const calls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/v1/")) calls.push(url.pathname);
  });
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.text());
  });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/lines/pl-kettle" });
  await page.waitForSelector("#line-rate");
  const quarter = await page.locator("#line-period").inputValue();
  const metrics = (
    await dash.api.call("GET", `/v1/product-lines/pl-kettle/metrics?period=${quarter}`, { token: dash.cco })
  ).body;
  const envelope = (await dash.api.call("GET", `/v1/rankings?period=${quarter}&limit=1`, { token: dash.cco }))
    .body;

  expect(await text(page, "#line-name")).toBe("Kettle");
  expect(await text(page, "#line-unit")).toBe("Home · kitchen");
  expect(await text(page, "#line-rate")).toBe(`Negative rate ${percent("en", metrics.negativeRate)}`);
  expect(await text(page, "#line-sample")).toBe(`n = ${metrics.n}, of which ${metrics.negatives} negative`);
  expect(await text(page, "#line-interval")).toBe(
    `95% interval ${percent("en", metrics.wilson.lo)} – ${percent("en", metrics.wilson.hi)}`,
  );
  expect(await page.locator("#line-metrics svg.interval").count()).toBe(1);
  expect(await text(page, "#line-bar")).toBe(
    `Bar ${percent("en", envelope.bar)} = max(20%, 1.5 × pooled ${percent("en", envelope.pooledRate)}), policy v${envelope.policyVersion}.`,
  );
  expect(await text(page, "#line-verdict")).toContain(`${metrics.n} signals, ${metrics.negatives} negative.`);

  // Pulled by the previous quarter's review, with the way to its notice.
  expect(metrics.pulled).toBe(true);
  expect(await text(page, "#line-pulled")).toContain("Pulled for fix");
  expect(await page.locator("#line-pulled a").getAttribute("href")).toBe(`#/notices/${noticeId}`);
  expect(await page.locator(`#line-notices-table tr[data-notice="${noticeId}"] a`).getAttribute("href")).toBe(
    `#/notices/${noticeId}`,
  );

  // The trend: uPlot's canvas and the same weeks as a table.
  const trend = (
    await dash.api.call("GET", "/v1/product-lines/pl-kettle/trend?bucket=week", { token: dash.cco })
  ).body;
  await page.waitForSelector("#line-trend canvas");
  expect(await page.locator("#line-trend .trend-canvas").getAttribute("role")).toBe("img");
  expect((await Promise.all(scripts)).some((body) => body.includes("u-over"))).toBe(true);
  const weeks = page.locator("#line-trend tbody tr");
  expect(await weeks.count()).toBe(trend.points.length);
  expect(trend.points.filter((p: { n: number }) => p.n > 0).length).toBeGreaterThanOrEqual(4);
  for (const [i, point] of trend.points.entries()) {
    const cells = await weeks.nth(i).locator("td").allTextContents();
    expect(cells).toEqual([
      number("en", point.n),
      number("en", point.negatives),
      percent("en", point.negativeRate),
    ]);
  }

  // The line's problems: each reason's count as the board counts it.
  const board = (
    await dash.api.call("GET", `/v1/problems?period=${quarter}&businessUnitId=bu-home&category=kitchen`, {
      token: dash.cco,
    })
  ).body;
  const row = board.productLines.find((l: { productLineId: string }) => l.productLineId === "pl-kettle");
  for (const reason of ["quality", "logistics", "price"]) {
    const cell = page.locator(`#line-problems-table tr[data-reason="${reason}"] td`).first();
    expect(await cell.textContent()).toContain(number("en", row.byReason[reason]));
  }

  // The newest voices, words as text (the hostile one never becomes markup).
  const voices = (
    await dash.api.call("GET", "/v1/voices?productLineId=pl-kettle&limit=5", { token: dash.cco })
  ).body;
  expect(await page.locator("#line-voices-list blockquote").allTextContents()).toEqual(
    voices.items.map((v: { text: string }) => v.text),
  );
  expect(await page.locator("#line-voices-list blockquote").allTextContents()).toContain(HOSTILE);
  expect(await page.locator("#line-page img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("#line-listen").getAttribute("href")).toBe("#/listen/line/pl-kettle");

  expect(calls.filter((c) => c === "/v1/voices")).toHaveLength(1);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "line");

  await page.click("#lang");
  await expect.poll(() => text(page, "#line-name")).toBe("电水壶");
  expect(await text(page, "#line-rate")).toBe(`负面率 ${percent("zh-CN", metrics.negativeRate)}`);
  expect(await text(page, "#line-bar")).toContain("全体负面率");
  expect(await text(page, "#line-pulled")).toContain("已下架整改");
  await page.waitForSelector("#line-trend canvas");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "line");
  await page.close();
});

it("raises the Andon banner on the heater and says what would fill an empty line", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "executive", { at: "#/lines/pl-heater" });
  await page.waitForSelector("#line-metrics p");
  await expect.poll(() => page.locator(".andon-banner").count()).toBe(1);
  expect(await text(page, ".andon-banner")).toContain("安灯");
  expect(await text(page, "#line-name .andon-badge")).toContain("安灯已拉响");

  await page.goto(`${dash.runtime.url}/#/lines/pl-quiet`);
  await expect.poll(() => text(page, "#line-name")).toBe("面包机");
  await page.waitForSelector("#line-trend .empty");
  expect(await text(page, "#line-trend .empty")).toContain("近 12 周没有信号");
  expect(await text(page, "#line-metrics .empty")).toContain("还没有信号");
  expect(await text(page, "#line-voices .empty")).toContain("还没有客户");
  expect(await page.locator(".andon-banner").count()).toBe(0);
  await page.close();
});

it("tells a head of another unit that this line's voices and notices are not theirs, without asking the API", async () => {
  const fresh = await dash.api.token("bu-head", ["bu-fresh"]);
  const refused = await dash.api.call("GET", "/v1/voices?productLineId=pl-kettle", { token: fresh });
  expect(refused.status).toBe(403);

  const page = await openPage(dash.browser, { locale: "en-US" });
  const calls: string[] = [];
  page.on("request", (request) => calls.push(new URL(request.url()).pathname));
  await signInAs(page, dash.runtime.url, "bu-head", { units: ["bu-fresh"], at: "#/lines/pl-kettle" });
  await page.waitForSelector("#line-voices-forbidden");
  expect(await text(page, "#line-voices-forbidden")).toContain(
    "Only the CCO team, executives and the head of Home may read this line's customer voices.",
  );
  expect(await text(page, "#line-notices-forbidden")).toContain("this line's notices");
  await page.waitForSelector("#line-rate");
  // Pulled, but the notice is not theirs to open: no link to it.
  expect(await page.locator("#line-pulled a").count()).toBe(0);
  expect(calls).not.toContain("/v1/voices");
  expect(calls).not.toContain("/v1/notices");
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
