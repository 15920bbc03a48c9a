/**
 * The notices inbox and a notice in Chromium, on a review the CCO team runs through the API over
 * lines of two units (and an older notice left overdue by the schedule): the CCO team's inbox by
 * status; a unit head acknowledging and submitting a fix with its plan, blind to the other unit; the
 * CCO team relisting once the data since the fix shows it worked; and a stale version answered with
 * a clear message, then an appeal and its decision. axe and screenshots on both pages, both languages.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runScheduledReview } from "#app/scheduled-review";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { dayOfPreviousQuarter, quarterOfDay } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">盖子漏水`;
const DAY = 86_400_000;
const pastDay = dayOfPreviousQuarter();
const previous = quarterOfDay(pastDay);
const shanghai = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(ms);
/** A day of the quarter before the previous one, and the first day after that quarter. */
const olderDay = shanghai(new Date(`${pastDay}T12:00:00+08:00`).getTime() - 92 * DAY);
const older = quarterOfDay(olderDay);
const afterOlder = (() => {
  const [year, q] = [Number(older.slice(0, 4)), Number(older.slice(6))];
  return q === 4 ? `${year + 1}-01-02` : `${year}-${String(q * 3 + 1).padStart(2, "0")}-02`;
})();

const catalog = {
  businessUnits: [
    { id: "bu-a", name: "Kitchen", nameZh: "厨房电器" },
    { id: "bu-b", name: "Garden", nameZh: "园艺" },
  ],
  productLines: [
    { id: "pl-a-bad", name: "Rice cooker", nameZh: "电饭煲", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-a-ok", name: "Toaster", nameZh: "多士炉", businessUnitId: "bu-a", category: "kitchen" },
    { id: "pl-b-bad", name: "Hose", nameZh: "浇水软管", businessUnitId: "bu-b", category: "garden" },
    { id: "pl-b-old", name: "Mower", nameZh: "割草机", businessUnitId: "bu-b", category: "garden" },
  ],
};

let seq = 0;
/** `count` csat signals of a line at `at`, the first `negatives` negative, some with words. */
const signals = (line: string, count: number, negatives: number, at: Date, words: string[] = []) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `nt-${line}-${seq++}`,
    productLineId: line,
    channel: "app",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    occurredAt: new Date(at.getTime() - i * 1000).toISOString(),
    ...(words[i] ? { verbatim: words[i] } : {}),
  }));

let runtime: Runtime;
let api: Api;
let cco: string;
let browser: Browser;
const ids: Record<string, string> = {};

const send = async (batch: object[]) => {
  for (let i = 0; i < batch.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: batch.slice(i, i + 500) },
    });
    expect(sent.body).toMatchObject({ rejected: [], quarantined: 0 });
  }
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
  const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);
  await send([
    // The older quarter: the mower flagged by the schedule long ago, now overdue.
    ...signals("pl-b-old", 40, 30, noon(olderDay)),
    ...signals("pl-a-ok", 400, 0, noon(olderDay)),
    // The previous quarter: the rice cooker (unit A) and the hose (unit B) flagged.
    ...signals("pl-a-bad", 40, 30, noon(pastDay), ["", HOSTILE, "饭煮不熟，客服也不回"]),
    ...signals("pl-b-bad", 40, 30, noon(pastDay)),
    ...signals("pl-a-ok", 400, 0, noon(pastDay)),
    // The rice cooker's 28 days before its notice (issued today): the fix's baseline.
    ...signals("pl-a-bad", 40, 30, new Date(Date.now() - 3 * DAY)),
    // Two critical complaints on the mower today: an Andon is raised on it.
    ...[1, 2].map((i) => ({
      signalId: `nt-andon-${i}`,
      productLineId: "pl-b-old",
      channel: "hotline",
      kind: "complaint",
      severity: "critical",
      reasons: ["safety"],
      verbatim: "刀片飞出来了",
      occurredAt: new Date(Date.now() - i * 60_000).toISOString(),
    })),
  ]);
  const old = await runAs("quarterlyReview", () =>
    runScheduledReview({ quarter: older }, new Date(`${afterOlder}T02:00:00+08:00`)),
  );
  ids["pl-b-old"] = old.lines.find((l) => l.productLineId === "pl-b-old")?.noticeId ?? "";
  const review = await api.call("POST", "/v1/reviews", { token: cco, body: { quarter: previous } });
  expect(review.status).toBe(200);
  for (const line of review.body.lines) if (line.noticeId) ids[line.productLineId] = line.noticeId;
  expect(Object.keys(ids).sort()).toEqual(["pl-a-bad", "pl-b-bad", "pl-b-old"]);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const rowsOf = (page: Page) =>
  page
    .locator("#notices-table tbody tr")
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.line));
const noticeUrl = (line: string) => `#/notices/${encodeURIComponent(ids[line] ?? "")}`;
/**
 * Closes a page's own context and waits for it: session.ts's close handler would otherwise still be
 * closing it when the browser closes, an unhandled rejection.
 */
const closePage = (page: Page) => page.context().close();
const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

it("shows the CCO team every notice by status, the overdue one said in words with its due date in the named zone", async () => {
  const page = await openPage(browser, { locale: "en-US" });
  const started = Date.now();
  await signInAs(page, runtime.url, "cco", { at: "#/notices" });
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

it("lets a unit head acknowledge and submit a fix with its plan, and shows them nothing of another unit", async () => {
  const page = await openPage(browser, { locale: "en-US" });
  await signInAs(page, runtime.url, "bu-head", { units: ["bu-a"], at: "#/notices" });
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

  await page.goto(`${runtime.url}/${noticeUrl("pl-b-bad")}`);
  await page.waitForSelector("#notice-section [role=alert]");
  expect(await page.locator("#notice-section [role=alert]").textContent()).toContain(
    "bu-b is not one of yours",
  );
  expect(await page.locator("#notice-evidence").count()).toBe(0);
  expect(await xss(page)).toBeUndefined();
  await closePage(page);
});

it("lets the CCO team relist once the signals since the fix show it worked, with the effect drawn and in words", async () => {
  await send(signals("pl-a-bad", 60, 0, new Date()));
  const page = await openPage(browser, { locale: "en-US" });
  await signInAs(page, runtime.url, "cco", { at: noticeUrl("pl-a-bad") });
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

it("says plainly when someone changed the notice meanwhile, then takes the appeal and its decision", async () => {
  const head = await openPage(browser, { locale: "zh-CN" });
  await signInAs(head, runtime.url, "bu-head", { units: ["bu-b"], at: "#/notices" });
  await head.waitForSelector("#notices-table tbody tr");
  expect((await rowsOf(head)).sort()).toEqual(["pl-b-bad", "pl-b-old"]);
  await head.goto(`${runtime.url}/${noticeUrl("pl-b-old")}`);
  await head.waitForSelector("#notice-status");
  // Issued long ago: its appeal window has closed, so only acknowledging is offered.
  expect(await head.locator("#notice-actions form").count()).toBe(1);
  expect(await head.locator("#notice-due").textContent()).toContain("已逾期");
  expect(await head.locator(".andon-banner").count()).toBe(1);

  await head.goto(`${runtime.url}/${noticeUrl("pl-b-bad")}`);
  await head.waitForSelector('#notice-status[data-status="ISSUED"]');
  // Meanwhile the CCO team acknowledges it for the unit.
  const acted = await api.call("POST", `/v1/notices/${ids["pl-b-bad"]}/actions`, {
    token: cco,
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

  const page = await openPage(browser, { locale: "en-US" });
  await signInAs(page, runtime.url, "cco", { at: noticeUrl("pl-b-bad") });
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
