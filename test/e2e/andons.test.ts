/**
 * Andons and notifications in Chromium: critical complaints raise Andons at ingest; the CCO team reads
 * their words as text, confirms one (the notice it issued linked) and dismisses another, where a
 * missing reason is the API's 400 naming `comment`, shown beside the field. The CCO team's
 * notifications of those Andons lead to them, and marking read updates the header's count.
 */
import { expect, it } from "vitest";
import { shanghaiDay } from "#test/integration/fixtures";
import { seriousViolations } from "./axe";
import { putCatalog, sendSignals, useDashboard, xss } from "./dashboard-fixture";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">水壶漏电`;
const catalog = {
  businessUnits: [{ id: "bu-a", name: "Home appliances", nameZh: "家电事业部" }],
  productLines: [
    { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-heater", name: "Heater", nameZh: "取暖器", businessUnitId: "bu-a", category: "kitchen" },
  ],
};
const day = shanghaiDay(1);
const critical = (signalId: string, productLineId: string, time: string, verbatim: string) => ({
  signalId,
  productLineId,
  channel: "hotline",
  kind: "complaint",
  severity: "critical",
  reasons: ["safety"],
  occurredAt: `${day}T${time}:00+08:00`,
  verbatim,
});

const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, catalog);
    const signals = [
      critical("an-k1", "pl-kettle", "09:00", HOSTILE),
      critical("an-k2", "pl-kettle", "10:00", "烧水时冒火花"),
      critical("an-h1", "pl-heater", "09:30", "取暖器外壳烫手"),
      critical("an-h2", "pl-heater", "11:00", "取暖器烧焦味"),
    ];
    await sendSignals(dash, signals, { token: await dash.api.token("ingest") });
    const raised = await dash.api.call("GET", "/v1/andons?status=RAISED", { token: dash.cco });
    expect(raised.body.items).toHaveLength(2);
  },
});

it("lets the CCO team confirm one Andon and dismiss another with a reason, reading the complaints as text", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/andons" });
  await page.waitForSelector("#andons-raised article.andon");
  expect(await page.locator("#andons-raised article.andon").count()).toBe(2);
  const kettle = page.locator('#andons-raised article[data-andon^="an-pl-kettle-"]');
  expect(await kettle.locator("h4 a").textContent()).toBe("电水壶");
  expect(await kettle.locator(".andon-status").textContent()).toContain("待处理");
  expect(await kettle.locator(".andon-figures").textContent()).toContain(`${day}:2 条危急投诉`);
  expect(await kettle.locator(".andon-complaints blockquote").allTextContents()).toEqual([
    "烧水时冒火花",
    HOSTILE,
  ]);
  expect(await page.locator("#andons-section img").count()).toBe(0);
  expect(await page.locator("#andons-decided .empty").count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "andons");

  await kettle.locator(".andon-confirm").click();
  const confirmed = page.locator('#andons-decided article[data-andon^="an-pl-kettle-"]');
  await confirmed.waitFor();
  expect(await confirmed.locator(".andon-status").textContent()).toContain("已确认");
  const notice = confirmed.locator('.andon-notice a[href^="#/notices/"]');
  expect(await notice.count()).toBe(1);
  expect(await confirmed.locator(".andon-notice").textContent()).toContain("已发出整改通知");

  // Dismissing without a reason: the API's 400 names the field, shown beside it.
  const heater = page.locator('#andons-raised article[data-andon^="an-pl-heater-"]');
  await heater.locator(".andon-dismiss").click();
  const fieldErrors = heater.locator(".field-errors");
  await fieldErrors.waitFor();
  expect(await fieldErrors.textContent()).toContain("comment");
  expect(await heater.locator("textarea").getAttribute("aria-invalid")).toBe("true");
  expect(await heater.locator(".error[role=alert]").count()).toBe(1);
  await heater.getByLabel("理由(驳回时必填)").fill("同一批次已召回,另行处理");
  await heater.locator(".andon-dismiss").click();
  const dismissed = page.locator('#andons-decided article[data-andon^="an-pl-heater-"]');
  await dismissed.waitFor();
  expect(await dismissed.locator(".andon-reason").textContent()).toBe("理由:同一批次已召回,另行处理");
  expect(await page.locator("#andons-raised .empty").count()).toBe(1);
  expect(await page.locator("#andons-decided-title").textContent()).toBe("已处理(2)");

  // The audit trail, read from the Andon itself.
  await dismissed.locator(".andon-audit summary").click();
  await expect.poll(() => dismissed.locator(".andon-audit li").count()).toBe(2);
  expect(await xss(page)).toBeUndefined();
  expect(await seriousViolations(page)).toEqual([]);

  await page.click("#lang");
  await expect.poll(() => page.locator("#andons-decided-title").textContent()).toBe("Decided (2)");
  expect(await confirmed.locator("h4 a").textContent()).toBe("Kettle");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "andons");

  // The issued notice exists and opens.
  const href = (await notice.getAttribute("href")) ?? "";
  expect(
    (await dash.api.call("GET", `/v1/notices/${href.replace("#/notices/", "")}`, { token: dash.cco })).status,
  ).toBe(200);
  await page.close();
});

it("lists the CCO team's notifications unread first, leading to what they are about, and marking read updates the count", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/notifications" });
  await page.waitForSelector("#notifications li.notification");
  const andonNotes = page.locator('#notifications li:has(a[href="#/andons"])');
  expect(await andonNotes.count()).toBe(2);
  expect(await andonNotes.first().textContent()).toMatch(/(电水壶|取暖器) 拉响了安灯/);
  const unreadItems = page.locator("#notifications li.notification.unread");
  const total = await unreadItems.count();
  expect(total).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.locator("#unread .count").textContent()).toBe(` ${total}`);
  // The count is shown once: its words for screen readers take no room on screen (they once did,
  // and "通知 19" beside "19 条未读" read as 1919 unread).
  const spoken = await page.locator("#unread .visually-hidden").boundingBox();
  expect(spoken && spoken.width * spoken.height).toBeLessThanOrEqual(1);
  expect(await unreadItems.first().locator(".notification-state").textContent()).toContain("未读");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notifications");

  await unreadItems.first().locator(".notification-mark").click();
  await expect.poll(() => page.locator("#unread .count").textContent()).toBe(` ${total - 1}`);
  await expect.poll(() => unreadItems.count()).toBe(total - 1);
  // Read ones go after the unread.
  expect(await page.locator("#notifications li.notification").last().getAttribute("class")).toContain("read");

  await page.click("#notifications-mark-all");
  await expect.poll(() => page.locator("#unread .count").textContent()).toBe(" 0");
  await expect.poll(() => unreadItems.count()).toBe(0);
  expect(await page.locator("#notifications-mark-all").count()).toBe(0);

  await page.click("#lang");
  await expect
    .poll(() => page.locator("#notifications-summary").textContent())
    .toMatch(/^0 unread of \d+ shown$/);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "notifications");

  await andonNotes.first().locator("a").click();
  await page.waitForSelector("#andons-section");
  await page.close();
});
