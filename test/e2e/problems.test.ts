/**
 * The problem board in Chromium, on signals seeded here with reasons in this quarter and the last:
 * every count and change shown as the API answers it, sorting, the unit and category filters, and
 * names in the chosen language.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { currentQuarter, dayOfPreviousQuarter, shanghaiDay } from "#test/integration/fixtures";
import { number, percent } from "#web/format";
import { changeText } from "#web/problems-data";
import { seriousViolations } from "./axe";
import { putCatalog, sendSignals, useDashboard } from "./dashboard-fixture";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const noon = (day: string) => `${day}T12:00:00+08:00`;
let counter = 0;

/** `count` negative csat signals of a line on a day, each with the reasons given. */
const negatives = (productLineId: string, day: string, count: number, reasons: string[]) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `pb-${counter++}`,
    productLineId,
    channel: "chat",
    kind: "csat",
    score: 1,
    reasons,
    occurredAt: new Date(Date.parse(noon(day)) - i * 1000).toISOString(),
  }));

const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, {
      businessUnits: [
        { id: "bu-home", name: "Home" },
        { id: "bu-fresh", name: "Fresh" },
      ],
      productLines: [
        { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-home", category: "kitchen" },
        { id: "pl-heater", name: "Heater", nameZh: "取暖器", businessUnitId: "bu-home", category: "heating" },
        { id: "pl-milk", name: "Milk", nameZh: "牛奶", businessUnitId: "bu-fresh", category: "dairy" },
      ],
    });
    const today = shanghaiDay(1);
    const before = dayOfPreviousQuarter();
    const signals = [
      ...negatives("pl-kettle", today, 12, ["quality"]),
      ...negatives("pl-kettle", today, 3, ["logistics", "price"]),
      ...negatives("pl-heater", today, 4, ["safety"]),
      ...negatives("pl-milk", today, 2, ["description-mismatch"]),
      ...negatives("pl-kettle", before, 5, ["quality"]),
      ...negatives("pl-milk", before, 6, ["service-attitude"]),
      ...Array.from({ length: 20 }, (_, i) => ({
        signalId: `pb-good-${i}`,
        productLineId: "pl-kettle",
        channel: "app",
        kind: "csat",
        score: 5,
        occurredAt: new Date(Date.parse(noon(today)) - i * 1000).toISOString(),
      })),
    ];
    await sendSignals(dash, signals);
  },
});

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? "";
const rowIds = (page: Page, table: string) =>
  page.locator(`#${table} tbody tr`).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row")));

interface Figures {
  n: number;
  negatives: number;
  negativesChange: number;
  byReason: Record<string, number>;
  byReasonChange: Record<string, number>;
}

/** A table row shows the API's figures: n, negatives, the change, and per reason count, share, change. */
const expectRow = async (page: Page, table: string, id: string, figures: Figures, reasons: string[]) => {
  const row = page.locator(`#${table} tr[data-row="${id}"]`);
  const cells = row.locator("td");
  expect(await cells.nth(0).textContent()).toBe(number("en", figures.n));
  expect(await cells.nth(1).textContent()).toBe(number("en", figures.negatives));
  expect(await cells.nth(2).locator("[aria-hidden]").textContent()).toBe(
    changeText("en", figures.negativesChange).text,
  );
  for (const reason of reasons) {
    const cell = row.locator(`td[data-reason="${reason}"]`);
    const count = figures.byReason[reason] ?? 0;
    expect(await cell.locator(".count").textContent()).toBe(number("en", count));
    const share = figures.negatives > 0 ? count / figures.negatives : null;
    expect(await cell.locator(".share").textContent()).toBe(`(${percent("en", share)})`);
    expect(await cell.locator(".change [aria-hidden]").textContent()).toBe(
      changeText("en", figures.byReasonChange[reason] ?? 0).text,
    );
  }
};

it("shows a CCO the reasons by unit, category and line with shares and changes as the API answers, sorts and filters", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1400, height: 900 } });
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.text());
  });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/problems" });
  await page.waitForSelector("#problems-units tbody tr");
  // uPlot (its "u-over" layer) travels only with the line page's chunk: not on first load, not here.
  expect((await Promise.all(scripts)).some((body) => body.includes("u-over"))).toBe(false);
  const quarter = await page.locator("#problems-period").inputValue();
  expect(quarter).toBe(currentQuarter());
  const board = (await dash.api.call("GET", `/v1/problems?period=${quarter}`, { token: dash.cco })).body;

  expect(await text(page, "#problems-total")).toContain(
    `${number("en", board.total.negatives)} negative signals out of ${number("en", board.total.n)} (${changeText("en", board.total.negativesChange).text} on ${board.previousPeriod})`,
  );
  for (const unit of board.businessUnits)
    await expectRow(page, "problems-units", unit.businessUnitId, unit, board.reasons);
  for (const category of board.categories)
    await expectRow(page, "problems-categories", category.category, category, board.reasons);
  for (const line of board.productLines)
    await expectRow(page, "problems-lines", line.productLineId, line, board.reasons);
  expect(await page.locator('#problems-lines tr[data-row="pl-kettle"] a').getAttribute("href")).toBe(
    "#/lines/pl-kettle",
  );
  // The change is words for a screen reader as well as the arrow: the kettle's quality rose by 7.
  expect(
    await text(page, '#problems-lines tr[data-row="pl-kettle"] td[data-reason="quality"] .change'),
  ).toContain(`up 7 on ${board.previousPeriod}`);

  // Most negatives first; a click on "Negatives" turns it round, a click on a reason sorts by it.
  expect(await rowIds(page, "problems-lines")).toEqual(["pl-kettle", "pl-heater", "pl-milk"]);
  await page.click('#problems-lines button[data-sort="negatives"]');
  expect(await rowIds(page, "problems-lines")).toEqual(["pl-milk", "pl-heater", "pl-kettle"]);
  expect(
    await page.locator('#problems-lines th:has(button[data-sort="negatives"])').getAttribute("aria-sort"),
  ).toBe("ascending");
  await page.click('#problems-lines button[data-sort="reason:safety"]');
  expect((await rowIds(page, "problems-lines"))[0]).toBe("pl-heater");
  await page.click('#problems-units button[data-sort="negativesChange"]');
  expect(await rowIds(page, "problems-units")).toEqual(["bu-home", "bu-fresh"]);

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "problems");

  // Filters combine: one unit, then one of its categories.
  await page.selectOption("#problems-unit", "bu-home");
  await expect.poll(() => rowIds(page, "problems-units")).toEqual(["bu-home"]);
  await page.selectOption("#problems-category", "heating");
  await expect.poll(() => rowIds(page, "problems-lines")).toEqual(["pl-heater"]);
  const filtered = (
    await dash.api.call("GET", `/v1/problems?period=${quarter}&businessUnitId=bu-home&category=heating`, {
      token: dash.cco,
    })
  ).body;
  await expectRow(page, "problems-lines", "pl-heater", filtered.productLines[0], filtered.reasons);

  // Another unit and category with nothing: an empty state that says what would fill it.
  await page.selectOption("#problems-unit", "bu-fresh");
  await page.waitForSelector("#problems-section .empty");
  expect(await text(page, "#problems-section .empty")).toContain("No negative signal");
  await page.close();
});

it("names units, lines and reasons in Chinese", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN", viewport: { width: 1400, height: 900 } });
  await signInAs(page, dash.runtime.url, "executive", { at: "#/problems" });
  await page.waitForSelector("#problems-lines tbody tr");
  expect(await text(page, "#problems-title")).toBe("问题看板");
  expect(await text(page, '#problems-lines tr[data-row="pl-kettle"] th')).toBe("电水壶");
  expect(await page.locator("#problems-units thead").textContent()).toContain("质量");
  expect(
    await text(page, '#problems-lines tr[data-row="pl-kettle"] td[data-reason="quality"] .change'),
  ).toContain("增加 7");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "problems");
  await page.close();
});
