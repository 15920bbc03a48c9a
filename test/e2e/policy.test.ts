/**
 * The policy page in Chromium against the real local runtime: an executive reads the policy in force
 * with each setting's meaning and cannot change it (nor see the review in the nav); the CCO team
 * drafts a stricter floor, sees the API's refusal of an out-of-range field beside it, sees which line
 * would no longer be flagged, saves version 2 and compares it with version 1; a version saved by
 * someone else meanwhile is said plainly. Both languages, no serious accessibility violation.
 */
import { expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { useDashboard } from "./dashboard-fixture";
import { pastQuarter, seedReviewLines } from "./review-seed";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const dash = useDashboard({ seed: seedReviewLines, timeout: 180_000 });

it("shows an executive the policy in force with each setting's meaning, read-only, and no review in the nav", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "executive", { at: "#/policy" });
  await page.waitForSelector("#policy-table");
  expect(await page.locator("#policy-in-force").textContent()).toBe("现行版本为 v1：默认设置，从未修改。");
  const confidence = page.locator('#policy-table tr[data-setting="review.confidence"]');
  expect(await confidence.locator("th").textContent()).toBe("评审：置信度");
  expect(await confidence.locator(".policy-value").textContent()).toBe("95%");
  expect(await confidence.locator("td.note").textContent()).toContain("Wilson");
  expect(await page.locator('#policy-table tr[data-setting="timeZone"] .policy-value').textContent()).toBe(
    "Asia/Shanghai",
  );
  expect(await page.locator("#policy-edit").count()).toBe(0);
  expect(await page.locator("#policy-section").textContent()).toContain("只有 CCO 团队可以制定新版本的策略");
  expect(await page.locator('nav a[href="#/review"]').count()).toBe(0);
  expect(await page.locator('nav a[href="#/policy"]').count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

it("lets the CCO team draft a version, see the API's refusal and the what-if side by side, then save it", async () => {
  const page = await openPage(dash.browser, { locale: "en-US", viewport: { width: 1400, height: 900 } });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/policy" });
  await page.click("#policy-edit");
  expect(await page.locator("#policy-save").isDisabled()).toBe(true);
  expect(await page.locator("#policy-save-hint").textContent()).toBe(
    "Show the what-if of this draft before saving it.",
  );

  // Out of range: the API's own message, beside the field it names.
  await page.fill("#policy-review-confidence", "1.2");
  await page.fill("#policy-review-fixDays", "ten");
  await page.click("#policy-what-if");
  expect(await page.locator("#policy-review-fixDays-problem").textContent()).toBe("Enter a number.");
  await page.fill("#policy-review-fixDays", "30");
  await page.click("#policy-what-if");
  await page.waitForSelector("#policy-review-confidence-problem");
  expect(await page.locator("#policy-review-confidence-problem").textContent()).toContain("less than 1");
  expect(await page.locator("#policy-review-confidence").getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator("#policy-save").isDisabled()).toBe(true);

  // A stricter floor on last quarter: the line just over the bar would no longer be flagged.
  await page.fill("#policy-review-confidence", "0.95");
  await page.fill("#policy-review-absoluteThreshold", "0.21");
  await page.selectOption("#policy-what-if-quarter", pastQuarter);
  await page.click("#policy-what-if");
  await page.waitForSelector("#what-if-table");
  const near = page.locator('#what-if-table tr[data-line="pl-near"]');
  expect(await near.getAttribute("class")).toBe("flip would-clear");
  expect(await near.locator("td").last().textContent()).toBe("▼ Would no longer be flagged");
  expect(await page.locator("#what-if-summary").textContent()).toContain("Bar now 20%, proposed 21%.");
  expect(await page.locator("#policy-save").isDisabled()).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "policy");

  // Changing the draft again asks for its own what-if before saving.
  await page.fill("#policy-review-fixDays", "20");
  expect(await page.locator("#policy-save").isDisabled()).toBe(true);
  await page.click("#policy-what-if");
  await page.waitForSelector("#what-if-table");
  await expect.poll(() => page.locator("#policy-save").isDisabled()).toBe(false);
  await page.click("#policy-save");
  await page.waitForSelector("#policy-saved");
  expect(await page.locator("#policy-saved").textContent()).toContain("version 2 is now in force");
  expect(await page.locator("#policy-in-force").textContent()).toContain(
    "Version 2 is in force, saved by dev-cco",
  );
  expect(
    await page
      .locator('#policy-table tr[data-setting="review.absoluteThreshold"] .policy-value')
      .textContent(),
  ).toBe("21%");
  expect((await dash.api.call("GET", "/v1/policy", { token: dash.cco })).body).toMatchObject({
    version: 2,
    review: { absoluteThreshold: 0.21, fixDays: 20, confidence: 0.95 },
  });

  // Version 1 beside version 2, the changed settings marked in words.
  await page.selectOption("#policy-older", "1");
  await page.waitForSelector(".policy-older");
  const floor = page.locator('#policy-table tr[data-setting="review.absoluteThreshold"]');
  expect(await floor.locator(".policy-older").textContent()).toBe("20% ✎ changed");
  expect(await page.locator("#policy-table tr.differs").count()).toBe(2);

  await page.click("#lang");
  await expect.poll(() => page.locator("#policy-title").textContent()).toBe("治理策略");
  expect(await floor.locator("th").textContent()).toBe("评审：绝对阈值");
  expect(await floor.locator(".policy-older").textContent()).toBe("20% ✎ 已修改");
  await page.click("#policy-edit");
  await page.fill("#policy-review-absoluteThreshold", "0.19");
  await page.selectOption("#policy-what-if-quarter", pastQuarter);
  await page.click("#policy-what-if");
  await page.waitForSelector("#what-if-table");
  expect(await page.locator('#what-if-table tr[data-line="pl-near"] td').last().textContent()).toBe(
    "▲ 将被标记",
  );
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "policy");
  await page.close();
});

it("says plainly when someone else saved a version while the draft was open, and saves nothing", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/policy" });
  await page.click("#policy-edit");
  await page.fill("#policy-chase-answerDays", "5");
  await page.click("#policy-what-if");
  await page.waitForSelector("#what-if-summary");
  const before = (await dash.api.call("GET", "/v1/policy", { token: dash.cco })).body;
  const { version: _v, updatedAt: _a, updatedBy: _b, ...settings } = before;
  const other = await dash.api.call("PUT", "/v1/policy", {
    token: dash.cco,
    body: { ...settings, retentionDays: 365 },
  });
  expect(other.status).toBe(200);
  await page.click("#policy-save");
  await page.waitForSelector("#policy-stale");
  expect(await page.locator("#policy-stale").textContent()).toContain(
    `Someone saved version ${other.body.version} while you were editing`,
  );
  expect((await dash.api.call("GET", "/v1/policy", { token: dash.cco })).body.chase.answerDays).toBe(
    settings.chase.answerDays,
  );
  await page.click("#policy-stale button");
  await expect
    .poll(() => page.locator("#policy-in-force").textContent())
    .toContain(`Version ${other.body.version}`);
  await page.close();
});
