/**
 * The notices inbox and a notice in Chromium, on a review the CCO team runs through the API over
 * lines of two units (and an older notice left overdue by the schedule): the CCO team's inbox by
 * status, in both languages with axe and screenshots; and a stale version answered with a clear
 * message, then an appeal and its decision. The fix's flow is in notices-fix.test.ts.
 */
import { expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { useDashboard } from "./dashboard-fixture";
import { ids, noticeUrl, rowsOf, seedNotices } from "./notices-seed";
import { screenshot } from "./screenshots";
import { closePage, openPage, signInAs } from "./session";

const dash = useDashboard({ seed: seedNotices });

it("shows the CCO team every notice by status, the overdue one said in words with its due date in the named zone", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  const started = Date.now();
  await signInAs(page, dash.runtime.url, "cco", { at: "#/notices" });
  await page.waitForSelector("#notices-table tbody tr");
  console.log(`inbox shown ${Date.now() - started} ms after sign-in began`);
  expect((await rowsOf(page)).sort()).toEqual(["pl-a-bad", "pl-b-bad", "pl-b-old"]);
  const old = page.locator('#notices-table tr[data-line="pl-b-old"]');
  expect(await old.getAttribute("class")).toBe("overdue");
  expect(await old.locator(".notice-due").textContent()).toContain("Overdue");
  expect(await old.locator("td a").textContent()).toBe("Mower");
  expect(await old.locator(".andon-badge").textContent()).toContain("Andon raised");
  expect(await old.locator(".notice-status").textContent()).toBe("Issued");
  expect(await old.locator(".notice-next").textContent()).toBe("Waiting for the unit to acknowledge");
  expect(await page.locator('#notices-table tr[data-line="pl-a-bad"] td').nth(4).textContent()).toBe(
    "75% negative (n = 40)",
  );
  expect(await page.locator("#notices-table caption").textContent()).toContain("Asia/Shanghai");
  expect(await page.locator("#notices-count").textContent()).toBe("3 notices shown");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notices");

  await page.check("#notices-overdue");
  await expect.poll(() => rowsOf(page)).toEqual(["pl-b-old"]);
  await page.uncheck("#notices-overdue");
  await page.click('.notices-tabs button[data-status="FIX_SUBMITTED"]');
  await page.waitForSelector("#notices-section .empty");
  expect(await page.locator("#notices-section .empty").textContent()).toContain("No notice in this view");
  await page.click('.notices-tabs button[data-status="all"]');
  await page.waitForSelector("#notices-table tbody tr");

  await page.click("#lang");
  await expect.poll(() => old.locator("td a").textContent()).toBe("割草机");
  expect(await old.locator(".notice-due").textContent()).toContain("已逾期");
  expect(await old.locator("td").nth(1).textContent()).toBe("园艺");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notices");
  await closePage(page);
});

it("says plainly when someone changed the notice meanwhile, then takes the appeal and its decision", async () => {
  const head = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(head, dash.runtime.url, "bu-head", { units: ["bu-b"], at: "#/notices" });
  await head.waitForSelector("#notices-table tbody tr");
  expect((await rowsOf(head)).sort()).toEqual(["pl-b-bad", "pl-b-old"]);
  await head.goto(`${dash.runtime.url}/${noticeUrl("pl-b-old")}`);
  await head.waitForSelector("#notice-status");
  // Issued long ago: its appeal window has closed, so only acknowledging is offered.
  expect(await head.locator("#notice-actions form").count()).toBe(1);
  expect(await head.locator("#notice-due").textContent()).toContain("已逾期");
  expect(await head.locator(".andon-banner").count()).toBe(1);

  await head.goto(`${dash.runtime.url}/${noticeUrl("pl-b-bad")}`);
  await head.waitForSelector('#notice-status[data-status="ISSUED"]');
  // Meanwhile the CCO team acknowledges it for the unit.
  const acted = await dash.api.call("POST", `/v1/notices/${ids["pl-b-bad"]}/actions`, {
    token: dash.cco,
    body: { action: "acknowledge", version: 1, comment: "代事业部确认" },
  });
  expect(acted.status).toBe(200);
  await head.fill("#notice-comment-appeal", "软管批次不同，数据混入了旧款。");
  await head.click("#notice-do-appeal");
  await head.waitForSelector('#notice-outcome[data-kind="stale"]');
  expect(await head.locator("#notice-outcome").textContent()).toContain("有人更改了这份通知");
  expect(await head.locator("#notice-evidence").count()).toBe(1);
  await head.click("#notice-reload");
  await head.waitForSelector('#notice-status[data-status="ACKNOWLEDGED"]');
  await head.fill("#notice-comment-appeal", "软管批次不同，数据混入了旧款。");
  await head.click("#notice-do-appeal");
  await head.waitForSelector('#notice-status[data-status="APPEALED"]');
  expect(await head.locator("#notice-next").textContent()).toBe("等待 CCO 团队裁定申诉");
  await closePage(head);

  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "cco", { at: noticeUrl("pl-b-bad") });
  await page.waitForSelector('#notice-status[data-status="APPEALED"]');
  expect(
    await page
      .locator("#notice-actions form")
      .evaluateAll((f) => f.map((e) => (e as HTMLElement).dataset.action)),
  ).toEqual(["reject-appeal", "uphold-appeal"]);
  await page.fill("#notice-comment-uphold-appeal", "The old model's returns were counted: upheld.");
  await page.click("#notice-do-uphold-appeal");
  await page.waitForSelector('#notice-status[data-status="WITHDRAWN"]');
  expect(await page.locator("#notice-status").textContent()).toBe("Withdrawn");
  expect(await page.locator("#notice-audit li").last().textContent()).toContain("upheld the appeal");
  await closePage(page);
});
