/**
 * A notice's fix in Chromium, on the notices of notices-seed.ts: a unit head acknowledging and
 * submitting a fix with its plan, blind to the other unit; then the CCO team relisting once the data
 * since the fix shows it worked, the effect drawn and in words. axe and screenshots, both languages.
 */
import { expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { sendSignals, useDashboard, xss } from "./dashboard-fixture";
import { csat, HOSTILE, noticeUrl, rowsOf, seedNotices } from "./notices-seed";
import { screenshot } from "./screenshots";
import { closePage, openPage, signInAs } from "./session";

const dash = useDashboard({ seed: seedNotices });

it("lets a unit head acknowledge and submit a fix with its plan, and shows them nothing of another unit", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "bu-head", { units: ["bu-a"], at: "#/notices" });
  await page.waitForSelector("#notices-table tbody tr");
  expect(await rowsOf(page)).toEqual(["pl-a-bad"]);
  const row = page.locator('#notices-table tr[data-line="pl-a-bad"]');
  expect(await row.locator(".notice-next").textContent()).toBe("Yours: acknowledge it, or appeal in time");

  await row.locator("a").click();
  await page.waitForSelector("#notice-status");
  expect(await page.locator("#notice-title").textContent()).toBe("Notice: Rice cooker");
  expect(await page.locator("#notice-status").textContent()).toBe("Issued");
  expect(await page.locator("#notice-evidence blockquote").allTextContents()).toContain(HOSTILE);
  expect(await page.locator("#notice-section img").count()).toBe(0);
  expect(await page.locator("#notice-evidence .notice-why").textContent()).toContain(
    "40 signals, 30 of them negative",
  );
  expect(
    await page
      .locator("#notice-actions form")
      .evaluateAll((f) => f.map((e) => (e as HTMLElement).dataset.action)),
  ).toEqual(["acknowledge", "appeal"]);

  await page.fill("#notice-comment-acknowledge", "We see it: the lid seal.");
  await page.click("#notice-do-acknowledge");
  await expect.poll(() => page.locator("#notice-status").textContent()).toBe("Acknowledged");
  expect(await page.locator("#notice-outcome").textContent()).toContain("Done");

  await page.click("#notice-do-submit-fix");
  expect(await page.locator("#fix-problem").textContent()).toBe("Write the root cause first.");
  await page.fill("#fix-root-cause", "A supplier changed the lid seal's rubber without telling us.");
  await page.getByLabel("What will be done (action 1)").fill("Return to the old seal");
  await page.getByLabel("Owner (action 1)").fill("王工");
  await page.getByLabel("Due date (action 1)").fill("2027-01-15");
  await page.click("#fix-add");
  await page.getByLabel("What will be done (action 2)").fill("Inspect every batch's seals");
  await page.getByLabel("Owner (action 2)").fill("QA team");
  await page.getByLabel("Due date (action 2)").fill("2027-02-01");
  await page.fill("#notice-comment-submit-fix", "Plan agreed with the supplier.");
  expect(await page.locator("#fix-problem").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notice-fix-form");
  await page.click("#notice-do-submit-fix");
  await expect.poll(() => page.locator("#notice-status").textContent()).toBe("Fix submitted");
  expect(await page.locator("#notice-fix .notice-root-cause").textContent()).toContain("lid seal's rubber");
  expect(await page.locator("#notice-fix tbody tr").count()).toBe(2);
  expect(await page.locator("#notice-verdict").textContent()).toContain("Too early to tell");
  expect(await page.locator("#notice-actions .empty").count()).toBe(1);

  await page.goto(`${dash.runtime.url}/${noticeUrl("pl-b-bad")}`);
  await page.waitForSelector("#notice-section [role=alert]");
  expect(await page.locator("#notice-section [role=alert]").textContent()).toContain(
    "bu-b is not one of yours",
  );
  expect(await page.locator("#notice-evidence").count()).toBe(0);
  expect(await xss(page)).toBeUndefined();
  await closePage(page);
});

it("lets the CCO team relist once the signals since the fix show it worked, with the effect drawn and in words", async () => {
  await sendSignals(dash, csat("pl-a-bad", 60, 0, new Date()));
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "cco", { at: noticeUrl("pl-a-bad") });
  await page.waitForSelector("#notice-verdict");
  expect(await page.locator("#notice-verdict").textContent()).toContain("Verdict: Improved");
  expect(await page.locator("#notice-effect svg").getAttribute("aria-label")).toContain("n = 60");
  expect(await page.locator("#notice-effect-table tbody tr").nth(1).locator("td").first().textContent()).toBe(
    "60",
  );
  expect(await page.locator("#notice-next").textContent()).toBe(
    "Yours: check the fix's effect, then relist or send back",
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notice");
  await page.click("#lang");
  await expect.poll(() => page.locator("#notice-verdict").textContent()).toContain("结论：已改善");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notice");

  await page.fill("#notice-comment-relist", "整改后 60 条信号无一负面，恢复上架。");
  await page.click("#notice-do-relist");
  await expect.poll(() => page.locator("#notice-status").textContent()).toBe("已恢复上架");
  expect(await page.locator("#notice-next").textContent()).toBe("已结案，无需处理");
  const trail = page.locator("#notice-audit li");
  expect(await trail.evaluateAll((li) => li.map((e) => (e as HTMLElement).dataset.action))).toEqual([
    "issue",
    "acknowledge",
    "submit-fix",
    "relist",
  ]);
  expect(await trail.nth(3).locator("blockquote").textContent()).toBe("整改后 60 条信号无一负面，恢复上架。");
  expect(await trail.nth(1).locator("blockquote").textContent()).toBe("We see it: the lid seal.");
  await closePage(page);
});
