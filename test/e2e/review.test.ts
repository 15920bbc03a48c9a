/**
 * The review page in Chromium against the real local runtime: the CCO team finds last quarter not
 * reviewed, dry-runs it (nothing issued), reads "Why flagged?" with the customers' words as text,
 * runs it after a confirmation (notices issued, each linked), and tries a looser floor in the what-if
 * (the at-risk line flips, side by side); in both languages, with no serious accessibility violation.
 * An executive has no review in the nav and cannot run one.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { signal } from "#test/integration/fixtures";
import { seriousViolations } from "./axe";
import { sendSignals, useDashboard } from "./dashboard-fixture";
import { HOSTILE, pastQuarter, seedReviewLines } from "./review-seed";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const dash = useDashboard({
  seed: async (dash) => {
    const started = performance.now();
    await seedReviewLines(dash);
    // Two critical complaints today raise an Andon on a line the review flags for last quarter.
    const andon = [0, 1].map((i) => ({
      ...signal({ productLineId: "pl-bad", kind: "complaint", severity: "critical" }),
      score: undefined,
      signalId: `rv-andon-${i}`,
    }));
    await sendSignals(dash, andon, { expected: { accepted: 2 } });
    console.info(`review e2e: seeded in ${Math.round(performance.now() - started)} ms`);
  },
  timeout: 180_000,
});

const lineIds = (page: Page, list: string) =>
  page
    .locator(`#review-${list} tbody tr[data-line]`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-line")));

it("lets the CCO team dry-run, explain, run and what-if a quarter, in English and Chinese", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1400, height: 900 } });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/review" });
  await page.waitForSelector("#review-not-run");
  expect(await page.locator("#review-quarter").inputValue()).toBe(pastQuarter);
  expect(await page.locator("#review-not-run").textContent()).toContain("has not been run yet");
  expect(await page.locator('nav a[href="#/review"]').count()).toBe(1);

  // The dry run: every flag shown, nothing issued.
  let started = performance.now();
  await page.click("#review-dry-run");
  await page.waitForSelector('#review-result[data-dry-run="true"]');
  console.info(`review e2e: dry run shown in ${Math.round(performance.now() - started)} ms`);
  expect(await page.locator("#review-status").textContent()).toContain("nothing was stored");
  expect(await lineIds(page, "flagged")).toEqual(["pl-worst", "pl-bad", "pl-near", "pl-crit"]);
  expect(await lineIds(page, "at-risk")).toEqual(["pl-risk"]);
  expect(await page.locator("#review-repeat .empty").count()).toBe(1);
  expect(await page.locator("#review-bar").textContent()).toContain(
    "Bar 20% = max(20%, 1.5 × pooled rate 7.8%)",
  );
  const worst = page.locator('#review-flagged tr[data-line="pl-worst"]');
  expect(await worst.locator("th a").textContent()).toBe("Heater W");
  expect(await worst.locator("th a").getAttribute("href")).toBe("#/lines/pl-worst");
  expect(await worst.locator("td").allTextContents()).toEqual(
    expect.arrayContaining(["Home", "200", "100", "50%", "0"]),
  );
  expect(await worst.locator("svg.interval").getAttribute("aria-label")).toBe("43.1% – 56.9%, bar 20%");
  expect((await dash.api.call("GET", "/v1/notices", { token: dash.cco })).body.items).toEqual([]);
  expect(await page.locator('#review-flagged tr[data-line="pl-bad"] .andon-badge').textContent()).toContain(
    "Andon raised",
  );
  expect(await worst.locator(".andon-badge").count()).toBe(0);

  await worst.locator(".why-toggle").click();
  const why = page.locator("#why-flagged-pl-worst");
  expect(await why.locator(".why-words").textContent()).toBe(
    "200 signals, 100 of them negative (50%). We are 95% sure the negative rate is above 43.1%, over the bar of 20%.",
  );
  await why.locator("blockquote").first().waitFor();
  expect(await why.locator("blockquote").allTextContents()).toContain(HOSTILE);
  expect(await page.locator("#review-section img").count()).toBe(0);
  await page.locator('#review-flagged tr[data-line="pl-crit"] .why-toggle').click();
  expect(await page.locator("#why-flagged-pl-crit .why-words").textContent()).toContain(
    "3 critical complaints this quarter reach the limit of 3",
  );
  await page.locator('#review-at-risk tr[data-line="pl-risk"] .why-toggle').click();
  expect(await page.locator("#why-at-risk-pl-risk .why-words").textContent()).toContain(
    "Its rate of 23% is above the bar of 20%, but the interval reaches down to 15.8%",
  );
  expect(await seriousViolations(page)).toEqual([]);

  // The real run asks first, then issues one notice per flagged line, each linked.
  await page.click("#review-back");
  await page.waitForSelector("#review-not-run");
  await page.click("#review-run");
  expect(await page.locator("#review-confirm-question").textContent()).toContain(
    "Notices cannot be taken back",
  );
  // Focus moves in an effect after the dialog is painted: wait for it rather than race it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("review-confirm");
  // The run's answer is held back a moment so that its progress line can be seen, whatever the speed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/v1/reviews", async (route) => {
    await held;
    await route.continue();
  });
  started = performance.now();
  await page.click("#review-confirm");
  expect(await page.locator("#review-progress").textContent()).toContain("Running the review of");
  expect(await page.locator("#review-dry-run").isDisabled()).toBe(true);
  release();
  await page.waitForSelector('#review-result[data-dry-run="false"]');
  await page.unroute("**/v1/reviews");
  console.info(`review e2e: real run shown in ${Math.round(performance.now() - started)} ms`);
  expect(await page.locator("#review-status").textContent()).toContain("4 notices issued");
  const notices = (await dash.api.call("GET", "/v1/notices", { token: dash.cco })).body.items as {
    id: string;
  }[];
  expect(notices).toHaveLength(4);
  const link = page.locator('#review-flagged tr[data-line="pl-near"] a.notice-link');
  expect(await link.getAttribute("href")).toBe(`#/notices/n-${pastQuarter}-pl-near`);
  expect(notices.map((n) => n.id)).toContain(`n-${pastQuarter}-pl-near`);

  // With a notice, the words are the ones the notice cites.
  await page.locator('#review-flagged tr[data-line="pl-crit"] .why-toggle').click();
  await page.locator("#why-flagged-pl-crit blockquote").first().waitFor();
  expect(await page.locator("#why-flagged-pl-crit h4").textContent()).toBe("In customers' own words");
  expect(await page.locator("#why-flagged-pl-crit blockquote").allTextContents()).toContain(
    "插座第 1 次冒火花",
  );

  // The what-if: a floor of 15 % flags the at-risk line; shown beside the current outcome.
  await page.fill("#what-if-review-absoluteThreshold", "0.15");
  expect(await page.locator("#what-if-review-absoluteThreshold ~ .policy-percent").textContent()).toBe(
    "= 15%",
  );
  await page.click("#what-if-run");
  await page.waitForSelector("#what-if-table");
  const risk = page.locator('#what-if-table tr[data-line="pl-risk"]');
  expect(await risk.getAttribute("class")).toBe("flip would-flag");
  expect(await risk.locator("td").allTextContents()).toEqual(
    expect.arrayContaining(["At risk", "Flagged", "▲ Would be flagged"]),
  );
  expect(await page.locator("#what-if-table tbody tr[data-line]").first().getAttribute("data-line")).toBe(
    "pl-risk",
  );
  expect(await page.locator("#what-if-summary").textContent()).toContain(
    "Would be newly flagged: 1. Would no longer be flagged: 0.",
  );
  expect(await page.locator('#what-if-table tr[data-line="pl-worst"] td').last().textContent()).toBe(
    "No change",
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "review");

  await page.click("#lang");
  await expect.poll(() => page.locator("#review-title").textContent()).toBe("下架整改评审");
  expect(await risk.locator("td").last().textContent()).toBe("▲ 将被标记");
  expect(await page.locator('#review-flagged tr[data-line="pl-worst"] th a').textContent()).toBe("取暖器 W");
  expect(await page.locator("#why-flagged-pl-crit .why-words").textContent()).toContain(
    "本季度严重投诉 3 条",
  );
  expect(await page.locator("#review-status").textContent()).toContain("共发出 4 份通知");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "review");

  await page.click(`a[href="#/notices/n-${pastQuarter}-pl-near"]`);
  expect(new URL(page.url()).hash).toBe(`#/notices/n-${pastQuarter}-pl-near`);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.close();
});

it("re-running the stored quarter issues nothing twice; a quarter not ended can only be dry-run", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "cco", { at: `#/review/${pastQuarter}` });
  await page.waitForSelector('#review-result[data-dry-run="false"]');
  expect(await page.locator("#review-status").textContent()).toContain("共发出 4 份通知");
  await page.click("#review-run");
  await page.click("#review-confirm");
  await page.waitForSelector("#review-progress", { state: "detached" });
  expect(await page.locator("#review-status").textContent()).toContain("共发出 4 份通知");
  expect((await dash.api.call("GET", "/v1/notices", { token: dash.cco })).body.items).toHaveLength(4);
  const quarters = await page.locator("#review-quarter option").allTextContents();
  await page.selectOption("#review-quarter", quarters[0] ?? "");
  await page.waitForSelector("#review-not-run");
  expect(await page.locator("#review-run").isDisabled()).toBe(true);
  expect(await page.locator("#review-not-ended").textContent()).toContain("尚未结束");
  await page.close();
});

it("gives an executive no review in the nav, and only the stored review to read", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "executive", { at: `#/review/${pastQuarter}` });
  await page.waitForSelector("#review-result");
  expect(await page.locator('nav a[href="#/review"]').count()).toBe(0);
  expect(await page.locator("#review-dry-run").count()).toBe(0);
  expect(await page.locator("#review-run").count()).toBe(0);
  expect(await page.locator("#what-if").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
