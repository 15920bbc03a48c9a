/**
 * Each role's home page in Chromium against the real local runtime: the CCO team's review status,
 * overdue notices, lines at risk, appeals and quarantine; a unit head's own notices (never another
 * unit's), chases and lines with their trend; an executive's worst lines with one customer voice each
 * (rendered as text). No serious or critical axe violation, in both languages.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { useDashboard, xss } from "./dashboard-fixture";
import { HOSTILE, previous, seedHomes } from "./home-seed";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

/** Days from the start of this quarter to the heater's newest signal. */
let intoQuarter = 0;
const dash = useDashboard({
  seed: async (dash) => {
    intoQuarter = await seedHomes(dash);
  },
});

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** Switches to the other language and waits until the home page's question is in it. */
const switchLanguage = async (page: Page, question: string) => {
  await page.click("#lang");
  await expect.poll(() => page.locator("#home-title").textContent()).toBe(question);
};

it("opens the CCO team on the review status, overdue notices, lines at risk, appeals and the quarantine", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1280, height: 900 } });
  const calls: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/v1/") && !pathname.startsWith("/v1/dev")) calls.push(pathname);
  });
  const started = Date.now();
  await signInAs(page, dash.runtime.url, "cco");
  await page.waitForSelector("#home-quarantine .home-count");
  await page.waitForSelector("#home-at-risk li");
  console.log(`cco home ready in ${Date.now() - started} ms, API calls: ${calls.join(" ")}`);
  expect(await page.locator("#home-title").textContent()).toBe(
    "Which lines need action now, and is the process moving?",
  );
  expect(await page.locator("#home-review-title").textContent()).toBe(`Review of ${previous}`);
  expect(await page.locator('#home-review [data-state="not-run"]').textContent()).toContain("Not run yet");
  expect(await page.locator("#home-overdue .home-count").textContent()).toBe("1 overdue");
  expect(await texts(page, "#home-overdue li a")).toEqual(["Kettle"]);
  expect(await page.locator("#home-overdue li .note").textContent()).toContain("Home appliances");
  expect(await texts(page, "#home-at-risk li a")).toEqual(["Heater"]);
  expect(await page.locator('#home-at-risk li[data-line="pl-heater"]').textContent()).toContain(
    "66.7% negative (n = 60), interval",
  );
  expect(await texts(page, "#home-appeals li a")).toEqual(["Milk"]);
  expect(await page.locator("#home-quarantine .home-count").textContent()).toBe(
    "2 signals name product lines the catalog does not know.",
  );
  expect(await page.locator('#home-review a[href^="#/review/"]').getAttribute("href")).toBe(
    `#/review/${previous}`,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "home-cco");

  await switchLanguage(page, "哪些产品线现在需要处理？流程是否在推进？");
  expect(await texts(page, "#home-overdue li a")).toEqual(["电水壶"]);
  expect(await page.locator("#home-overdue li .note").textContent()).toContain("家电");
  expect(await page.locator("#home-overdue .home-count").textContent()).toBe("逾期 1 份");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "home-cco");

  // Once the review has run, the block says so with its figures.
  expect(
    (await dash.api.call("POST", "/v1/reviews", { token: dash.cco, body: { quarter: previous } })).status,
  ).toBe(200);
  await page.reload();
  await page.waitForSelector('#home-review [data-state="ran"]');
  expect(await page.locator('#home-review [data-state="ran"]').textContent()).toContain("已于");
  await page.click("#home-overdue li a");
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/notices\//);
  await page.close();
});

it("opens a unit head on their own notices with the next action, their chases and their lines' trend", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1280, height: 900 } });
  await signInAs(page, dash.runtime.url, "bu-head", { units: ["bu-home"] });
  await page.waitForSelector("#home-my-lines tbody tr");
  await page.waitForSelector("#home-my-notices li");
  await page.waitForSelector("#home-chases li");
  expect(await page.locator("#home-title").textContent()).toBe(
    "What do you owe, and how are your lines doing?",
  );
  expect(await texts(page, "#home-my-notices li a")).toEqual(["Kettle"]);
  const kettle = page.locator("#home-my-notices li").first();
  expect(await kettle.locator(".home-overdue").textContent()).toContain("Overdue");
  expect(await kettle.locator(".home-next").textContent()).toBe(
    "Next: Acknowledge it, or appeal while the window is open",
  );
  expect(await texts(page, "#home-chases li strong")).toEqual(["Heater"]);
  expect(await page.locator("#home-chases q").textContent()).toBe("冒烟的插头是哪一批?");
  const lines = await page
    .locator("#home-my-lines tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-line")));
  expect(lines).toEqual(["pl-heater", "pl-toaster", "pl-kettle"]);
  expect(await page.locator('#home-my-lines tr[data-line="pl-heater"] .home-rate').textContent()).toMatch(
    /^66\.7% negative \(n = 60\), interval \d+\.\d%–\d+\.\d%$/,
  );
  expect(await page.locator('#home-my-lines tr[data-line="pl-heater"] .home-rank').textContent()).toBe(
    "#4 of all lines (1 = best)",
  );
  const trend = page.locator('#home-my-lines tr[data-line="pl-heater"] td:last-child');
  expect((await trend.textContent())?.trim()).toMatch(
    intoQuarter > 15 ? /^Rising: \d+(\.\d)?% → \d+(\.\d)?%$/ : /Rising|Too few weeks/,
  );
  expect(
    await page.locator('#home-my-lines tr[data-line="pl-heater"] svg.home-spark').getAttribute("aria-hidden"),
  ).toBe("true");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "home-bu-head");
  await switchLanguage(page, "我还欠哪些事？我的产品线表现如何？");
  expect(await page.locator("#home-my-notices .home-next").first().textContent()).toBe(
    "下一步：确认通知，或在申诉期内提出申诉",
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "home-bu-head");
  await page.close();
});

it("opens an executive on the worst lines with one customer voice each, as text, and a way into listen-in", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await signInAs(page, dash.runtime.url, "executive");
  await page.waitForSelector("#home-worst article");
  expect(await page.locator("#home-title").textContent()).toBe("客户在哪里受了委屈？听听他们的原话。");
  const order = await page
    .locator("#home-worst article")
    .evaluateAll((items) => items.map((a) => a.getAttribute("data-line")));
  expect(order[0]).toBe("pl-heater");
  expect(order).toHaveLength(4);
  const heater = page.locator('#home-worst article[data-line="pl-heater"]');
  expect(await heater.locator("h4 a").textContent()).toBe("取暖器");
  expect(await heater.locator("blockquote").textContent()).toBe(HOSTILE);
  expect(await page.locator("#home-worst img").count()).toBe(0);
  expect(await xss(page)).toBeUndefined();
  expect(await page.locator('#home-worst article[data-line="pl-toaster"] .empty').count()).toBe(1);
  expect(await heater.locator('a[href="#/listen/line/pl-heater"]').count()).toBe(1);
  expect(await page.locator('#home-worst .home-more a[href="#/listen"]').count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "home-executive");
  await switchLanguage(page, "Where are customers hurting, in their own words?");
  expect(await heater.locator("h4 a").textContent()).toBe("Heater");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "home-executive");
  await page.close();
});
