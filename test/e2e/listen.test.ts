/**
 * Listen-in and chases in Chromium: an executive listens in to a unit (names in both languages,
 * newest first, "Load more", negatives only, hostile words as text) and raises a chase from a voice;
 * the unit's head answers it, a stale answer is a clear 409, and the executive sees it answered. A
 * head of another unit cannot list this unit's voices (the 403 shown as a message).
 */
import { expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { putCatalog, sendSignals, useDashboard, xss } from "./dashboard-fixture";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">插头冒烟了`;
const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Home appliances", nameZh: "家电事业部" },
    { id: "bu-b", name: "Fresh food", nameZh: "生鲜事业部" },
  ],
  productLines: [
    { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-heater", name: "Heater", nameZh: "取暖器", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-milk", name: "Milk", nameZh: "牛奶", businessUnitId: "bu-b", category: "dairy" },
  ],
};
const now = Date.now();
/** 55 voices of unit A, one a minute going back: every third negative, the newest hostile. */
const voices = Array.from({ length: 55 }, (_, i) => ({
  signalId: `listen-${i}`,
  productLineId: i % 2 ? "pl-heater" : "pl-kettle",
  channel: "hotline",
  kind: "csat",
  score: i % 3 === 0 ? 1 : 5,
  verbatim: i === 0 ? HOSTILE : `第 ${i} 位客户的原话`,
  occurredAt: new Date(now - 3_600_000 - i * 60_000).toISOString(),
}));
const milk = {
  signalId: "listen-milk",
  productLineId: "pl-milk",
  channel: "app",
  kind: "csat",
  score: 1,
  verbatim: "牛奶变质了",
  occurredAt: new Date(now - 3_600_000).toISOString(),
};

let executive: string;
const dash = useDashboard({
  seed: async (dash) => {
    executive = await dash.api.token("executive");
    await putCatalog(dash, catalog);
    await sendSignals(dash, [...voices, milk]);
  },
});

it("lets an executive listen in to a unit and raise a chase that the unit head answers, once", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "executive", { at: "#/listen" });
  await page.waitForSelector("#listen-pick");
  await page.waitForSelector('#listen-scope option[value="unit:bu-a"]', { state: "attached" });
  expect(await page.locator("#listen-scope optgroup").first().locator("option").allTextContents()).toEqual([
    "家电事业部",
    "生鲜事业部",
  ]);
  await page.selectOption("#listen-scope", "unit:bu-a");
  expect(new URL(page.url()).hash).toBe("#/listen/unit/bu-a");
  await page.waitForSelector("#voices li");
  expect(await page.locator("#voices > li").count()).toBe(50);
  // Newest first, the words as text, the line named in Chinese and linked to its page.
  const newest = page.locator("#voices > li").first();
  expect(await newest.locator("blockquote").textContent()).toBe(HOSTILE);
  expect(await page.locator("#voices img").count()).toBe(0);
  expect(await newest.locator(".voice-line").textContent()).toBe("电水壶");
  expect(await newest.locator(".voice-line").getAttribute("href")).toBe("#/lines/pl-kettle");
  expect(await newest.locator(".voice-tone").textContent()).toContain("负面");
  expect(await newest.locator(".voice-channel").textContent()).toBe("客服热线");
  await page.click("#voices-more");
  await expect.poll(() => page.locator("#voices > li").count()).toBe(55);
  expect(await page.locator("#voices > li").last().locator("blockquote").textContent()).toBe(
    "第 54 位客户的原话",
  );
  await page.check("#listen-negative");
  await expect.poll(() => page.locator("#voices > li").count()).toBe(19);
  expect(await page.locator("#voices > li:not(.negative)").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "listen");

  // Raise a chase from the third voice (listen-3, a negative one on the heater).
  const voice = page.locator('#voices li[data-signal="listen-3"]');
  await voice.locator(".chase-open").click();
  await voice.getByLabel("您想问事业部负责人的问题").fill("取暖器为什么又出问题了?");
  await voice.locator("button[type=submit]").click();
  await voice.locator(".chase-raised").waitFor();
  expect(await voice.locator(".chase-raised a").getAttribute("href")).toBe("#/chases");
  expect(await xss(page)).toBeUndefined();

  await page.click("#lang");
  await expect.poll(() => newest.locator(".voice-line").textContent()).toBe("Kettle");
  expect(await page.locator("#listen-scope option:checked").textContent()).toBe("Home appliances");
  expect(await voice.locator(".chase-raised").textContent()).toContain("Chase raised");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "listen");

  // A second chase, raised through the API, that the CCO team answers while the head's page is open.
  const second = await dash.api.call("POST", "/v1/chases", {
    token: executive,
    body: { signalId: "listen-6", question: "电水壶的问题处理了吗?" },
  });
  expect(second.status).toBe(200);

  const head = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(head, dash.runtime.url, "bu-head", { units: ["bu-a"], at: "#/chases" });
  await head.waitForSelector("#chases article.chase");
  expect(await head.locator("#chases article.chase").count()).toBe(2);
  const first = head.locator('#chases article[data-chase]:has-text("取暖器为什么又出问题了")');
  expect(await first.locator(".chase-state").textContent()).toContain("待答复");
  expect(await first.locator("blockquote").textContent()).toBe("第 3 位客户的原话");
  expect(await first.locator("h3 a").textContent()).toBe("关于 取暖器");
  expect(await first.locator(".note").last().textContent()).toContain("高管");
  expect(await seriousViolations(head)).toEqual([]);
  await screenshot(head, "chases");

  const stale = head.locator(`#chases article[data-chase="${second.body.id}"]`);
  const answered = await dash.api.call("POST", `/v1/chases/${second.body.id}/answer`, {
    token: dash.cco,
    body: { answer: "CCO 团队已处理" },
  });
  expect(answered.status).toBe(200);
  await stale.getByLabel("您的答复").fill("我们也在处理");
  await stale.locator("button[type=submit]").click();
  await expect.poll(() => head.locator("#chases-flash").textContent()).toContain("已被答复");
  expect(await head.locator("#chases-flash").getAttribute("role")).toBe("alert");
  await expect.poll(() => head.locator("#chases article.chase").count()).toBe(1);

  await first.getByLabel("您的答复").fill("已经安排质检复查,本周内给客户回电。");
  await first.locator("button[type=submit]").click();
  await expect.poll(() => head.locator("#chases-flash").textContent()).toContain("答复已记录");
  await head.click("#chases-tab-answered");
  await expect.poll(() => head.locator("#chases article.chase").count()).toBe(2);
  await head.click("#lang");
  await expect.poll(() => head.locator("#chases-tab-answered").textContent()).toBe("Answered (2)");
  expect(await seriousViolations(head)).toEqual([]);
  await screenshot(head, "chases");
  await head.close();

  // The executive sees the chase answered, with the answer.
  await page.goto(`${dash.runtime.url}/#/chases`);
  await page.waitForSelector("#chases-tab-answered");
  await page.click("#chases-tab-answered");
  const mine = page.locator('#chases article[data-chase]:has-text("取暖器为什么又出问题了")');
  await expect.poll(() => mine.locator(".chase-state").textContent()).toContain("Answered");
  expect(await mine.locator(".chase-answer-text").textContent()).toContain("已经安排质检复查");
  expect(await page.locator("#chases-tab-open").textContent()).toBe("Open (0)");
  await page.close();
});

it("does not let a unit head listen to another unit's voices: the 403 is a message", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "bu-head", { units: ["bu-b"], at: "#/listen" });
  // Their one unit opens by itself.
  await expect.poll(() => new URL(page.url()).hash).toBe("#/listen/unit/bu-b");
  await page.waitForSelector('#listen-scope option[value="unit:bu-b"]', { state: "attached" });
  expect(await page.locator('#listen-scope option[value="unit:bu-a"]').count()).toBe(0);
  expect(await page.locator('#listen-scope option[value="line:pl-kettle"]').count()).toBe(0);
  await page.selectOption("#listen-scope", "line:pl-milk");
  await page.waitForSelector("#voices li");
  expect(await page.locator("#voices blockquote").allTextContents()).toEqual(["牛奶变质了"]);
  // No chase offered to a unit head (only executives and the CCO team raise them).
  expect(await page.locator(".chase-open").count()).toBe(0);

  await page.goto(`${dash.runtime.url}/#/listen/unit/bu-a`);
  const error = page.locator("#listen-section .error[role=alert]");
  await error.waitFor();
  expect(await error.textContent()).toContain("Your role may not see this");
  expect(await page.locator("#voices").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});
