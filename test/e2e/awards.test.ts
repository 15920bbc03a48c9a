/**
 * The awards page and the stage view in Chromium: a previous quarter's Red and Rotten Strawberries
 * computed by the CCO team on lines ingested here (one citing a hostile verbatim), read by an
 * executive in both languages and advanced on stage by keyboard; a period not run is an empty state,
 * and the CCO team finalizes the ended quarter while the current one cannot be.
 */
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { currentQuarter, dayOfPreviousQuarter, quarterOfDay } from "#test/integration/fixtures";
import { putCatalog, sendSignals, useDashboard, xss } from "./dashboard-fixture";
import { signInAs as signInThroughLanding } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">插头冒烟`;
const pastDay = dayOfPreviousQuarter();
const quarter = quarterOfDay(pastDay);
/** id, English and Chinese names, negatives of 110 csat signals: three best and three worst. */
const LINES: [id: string, name: string, nameZh: string, negatives: number][] = [
  ["pl-a", "Kettle A", "水壶甲", 2],
  ["pl-b", "Kettle B", "水壶乙", 5],
  ["pl-c", "Kettle C", "水壶丙", 9],
  ["pl-d", "Heater D", "取暖器丁", 30],
  ["pl-e", "Heater E", "取暖器戊", 45],
  ["pl-f", "Heater F", "取暖器己", 70],
];
/** Screenshots for a reviewer to look at (git-ignored). */
const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, {
      businessUnits: [{ id: "bu-home", name: "Home" }],
      productLines: LINES.map(([id, name, nameZh]) => ({
        id,
        name,
        nameZh,
        businessUnitId: "bu-home",
        category: "kitchen",
      })),
    });
    const base = new Date(`${pastDay}T12:00:00+08:00`).getTime();
    const signals = LINES.flatMap(([id, , , negatives]) =>
      Array.from({ length: 110 }, (_, i) => ({
        signalId: `e2e-${id}-${i}`,
        productLineId: id,
        channel: "app",
        occurredAt: new Date(base - i * 1000).toISOString(),
        ...(i === 0 && id === "pl-f"
          ? { kind: "complaint", severity: "critical", verbatim: HOSTILE }
          : { kind: "csat", score: i < negatives ? 1 : 5 }),
        ...(i === 1 ? { verbatim: `${id} 的客户原话` } : {}),
        ...(i === negatives + 1 ? { verbatim: `${id} 很满意` } : {}),
      })),
    );
    await sendSignals(dash, signals);
    const preview = await dash.api.call("POST", "/v1/awards", { token: dash.cco, body: { period: quarter } });
    expect(preview.status).toBe(200);
  },
});

const signInAs = (page: Page, role: string) => signInThroughLanding(page, dash.runtime.url, role);
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

it("shows an executive the Red and Rotten Strawberries with figures, explanation and words as text, in both languages, and on stage", async () => {
  const page = await dash.browser.newPage({ locale: "en-US", viewport: { width: 1280, height: 720 } });
  await signInAs(page, "executive");
  await page.click('nav a[href="#/awards"]');
  await page.waitForSelector("#awards-red article");
  expect(await page.locator("#awards-period").inputValue()).toBe(quarter);
  expect(await texts(page, "#awards-red .award-state")).toEqual(
    [1, 2, 3].map((r) => `🍓 Red Strawberry #${r}`),
  );
  expect(await texts(page, "#awards-rotten article h3")).toEqual(["Heater F", "Heater E", "Heater D"]);
  expect(await page.locator("#awards-status").textContent()).toContain("Preview");
  expect(await page.locator("#finalize").count()).toBe(0);
  const worst = page.locator('#awards-rotten article[data-line="pl-f"]');
  expect(await worst.locator(".award-rate").textContent()).toBe("Negative rate 63.6% (n = 110)");
  expect(await worst.locator(".award-explanation").textContent()).toContain("Rotten Strawberry #1: Heater F");
  expect(await worst.locator("blockquote").allTextContents()).toContain(HOSTILE);
  expect(await page.locator("#awards-section img").count()).toBe(0);
  expect(await xss(page)).toBeUndefined();
  expect(await page.locator('#awards-red article[data-line="pl-a"] blockquote').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}awards-en.png`, fullPage: true });

  await page.click("#lang");
  await expect.poll(() => worst.locator(".award-state").textContent()).toBe("🍂 烂草莓 第 1 名");
  expect(await worst.locator("h3").textContent()).toBe("取暖器己");
  expect(await worst.locator(".award-explanation").textContent()).toContain("烂草莓第 1 名：取暖器己");
  await page.screenshot({ path: `${SHOTS}awards-zh-CN.png`, fullPage: true });

  await page.click("#stage-link");
  await page.waitForSelector(".stage #stage-name");
  expect(await page.locator("header").count()).toBe(0);
  expect(await page.locator("#stage-position").textContent()).toBe("1 / 6");
  expect(await page.locator("#stage-name").textContent()).toBe("水壶甲");
  await page.screenshot({ path: `${SHOTS}stage-red-zh-CN.png` });
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(await page.locator("#stage-position").textContent()).toBe("3 / 6");
  expect(await page.locator("#stage-name").textContent()).toBe("水壶丙");
  await page.keyboard.press("Space");
  expect(await page.locator("#stage-name").textContent()).toBe("取暖器己");
  expect(await page.locator(".slide .slide-state").textContent()).toContain("烂草莓 第 1 名");
  expect(await texts(page, ".slide blockquote")).toContain(HOSTILE);
  await page.screenshot({ path: `${SHOTS}stage-rotten-zh-CN.png` });
  await page.keyboard.press("ArrowLeft");
  expect(await page.locator("#stage-position").textContent()).toBe("3 / 6");
  await page.keyboard.press("Escape");
  await page.waitForSelector("#awards-section");
  expect(new URL(page.url()).hash).toBe(`#/awards/${quarter}`);
  expect(await xss(page)).toBeUndefined();
  await page.close();
});

it("says when a period's awards have not been run, and lets the CCO team finalize only an ended period", async () => {
  const page = await dash.browser.newPage({ locale: "en-US" });
  await signInAs(page, "cco");
  await page.goto(`${dash.runtime.url}/#/awards/${currentQuarter()}`);
  await page.waitForSelector("#awards-empty");
  expect(await page.locator("#awards-empty").textContent()).toContain("have not been run yet");
  expect(await page.locator("#finalize").isDisabled()).toBe(true);

  await page.selectOption("#awards-period", quarter);
  await page.waitForSelector("#awards-red article");
  expect(await page.locator("#finalize").isDisabled()).toBe(false);
  await page.click("#finalize");
  await page.click("#finalize-confirm");
  await expect.poll(() => page.locator("#awards-status").textContent()).toContain("Final");
  expect(await page.locator("#finalize").count()).toBe(0);
  await page.close();
});
