/**
 * Each role's home page in Chromium against the real local runtime, and the landing page: the CCO
 * team's review status, overdue notices, lines at risk, appeals and quarantine; a unit head's own
 * notices (never another unit's), chases and lines with their trend; an executive's worst lines with
 * one customer voice each (rendered as text). No serious or critical axe violation, in both languages.
 */
import { createHash } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runReview } from "#app/run-review";
import { runAs } from "#infra/local/functions";
import type { Runtime } from "#infra/local/runtime";
import { currentQuarter } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">插头冒烟了`;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The quarter `back` quarters before `quarter` (`2026-Q1`, 1 → `2025-Q4`). */
const quarterBefore = (quarter: string, back: number): string => {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
};
/** Midnight in Shanghai starting the quarter after `quarter`. */
const endOf = (quarter: string): Date => {
  const next = quarterBefore(quarter, -1);
  const month = (Number(next.slice(6)) - 1) * 3 + 1;
  return new Date(`${next.slice(0, 4)}-${String(month).padStart(2, "0")}-01T00:00:00+08:00`);
};

const now = currentQuarter();
const previous = quarterBefore(now, 1);
const old = quarterBefore(now, 2);
const older = quarterBefore(now, 3);

let runtime: Runtime;
let api: Api;
let browser: Browser;
let counter = 0;
/** Days from the start of this quarter to the heater's newest signal. */
let intoQuarter = 0;

/** `count` csat signals of a line at `at` (`step` ms apart, going back), the first `negatives` negative. */
const csat = (line: string, count: number, negatives: number, at: Date, words?: string, step = 1000) =>
  Array.from({ length: count }, (_, i) => ({
    signalId: `home-${line}-${counter++}`,
    productLineId: line,
    channel: "app",
    kind: "csat",
    score: i < negatives ? 1 : 5,
    occurredAt: new Date(at.getTime() - i * step).toISOString(),
    ...(words && i === 0 ? { verbatim: words, locale: "zh-CN" } : {}),
  }));

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  const cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", {
    token: cco,
    body: {
      businessUnits: [
        { id: "bu-home", name: "Home appliances", nameZh: "家电" },
        { id: "bu-fresh", name: "Fresh food", nameZh: "生鲜" },
      ],
      productLines: [
        { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-home", category: "kitchen" },
        { id: "pl-heater", name: "Heater", nameZh: "取暖器", businessUnitId: "bu-home", category: "heating" },
        {
          id: "pl-toaster",
          name: "Toaster",
          nameZh: "烤面包机",
          businessUnitId: "bu-home",
          category: "kitchen",
        },
        { id: "pl-milk", name: "Milk", nameZh: "牛奶", businessUnitId: "bu-fresh", category: "dairy" },
      ],
    },
  });
  const recent = new Date(Date.now() - HOUR);
  // The heater's signals spread over up to five weeks of this quarter, the negative ones the most
  // recent: a rising trend (too few weeks to draw one in a quarter's first days).
  intoQuarter = (recent.getTime() - endOf(quarterBefore(now, 1)).getTime()) / DAY;
  const heaterStep = (Math.max(0, Math.min(35, intoQuarter - 1)) * DAY) / 60;
  const signals = [
    // The older quarter: the kettle flagged long ago, its notice now overdue.
    ...csat("pl-kettle", 100, 60, new Date(endOf(older).getTime() - 10 * DAY)),
    ...csat("pl-toaster", 300, 3, new Date(endOf(older).getTime() - 10 * DAY)),
    // Two quarters back: milk flagged a few days ago, then appealed.
    ...csat("pl-milk", 100, 60, new Date(endOf(old).getTime() - 10 * DAY)),
    ...csat("pl-toaster", 300, 3, new Date(endOf(old).getTime() - 10 * DAY)),
    // This quarter: the heater over the bar, the others fine.
    ...csat("pl-heater", 60, 40, recent, HOSTILE, Math.max(1000, heaterStep)),
    ...csat("pl-kettle", 60, 3, recent, "很好用"),
    ...csat("pl-toaster", 60, 6, recent),
    ...csat("pl-milk", 60, 12, recent, "牛奶有点酸"),
    { ...csat("pl-ghost", 1, 1, recent)[0], signalId: "home-ghost-1" },
    { ...csat("pl-ghost", 1, 1, recent)[0], signalId: "home-ghost-2" },
  ];
  for (let i = 0; i < signals.length; i += 500) {
    const sent = await api.call("POST", "/v1/signals", {
      token: cco,
      body: { signals: signals.slice(i, i + 500) },
    });
    expect(sent.body).toMatchObject({ rejected: [] });
  }
  const kettleReview = await runAs("review", () =>
    runReview({ quarter: older }, "cco", new Date(endOf(older).getTime() + DAY)),
  );
  expect(kettleReview.noticesIssued).toHaveLength(1);
  const milkReview = await runAs("review", () =>
    runReview({ quarter: old }, "cco", new Date(Date.now() - 2 * DAY)),
  );
  expect(milkReview.noticesIssued).toHaveLength(1);
  const fresh = await api.token("bu-head", ["bu-fresh"]);
  const milkNotice = (await api.call("GET", `/v1/notices/${milkReview.noticesIssued[0]}`, { token: fresh }))
    .body;
  const appeal = await api.call("POST", `/v1/notices/${milkNotice.id}/actions`, {
    token: fresh,
    body: { action: "appeal", comment: "The batch was recalled already", version: milkNotice.version },
  });
  expect(appeal.status).toBe(200);
  const executive = await api.token("executive");
  const heaterVoice = signals.find((s) => s.productLineId === "pl-heater" && "verbatim" in s);
  const milkVoice = signals.find((s) => s.productLineId === "pl-milk" && "verbatim" in s);
  for (const [voice, question] of [
    [heaterVoice, "冒烟的插头是哪一批?"],
    [milkVoice, "Which dairy farm?"],
  ] as const) {
    const chase = await api.call("POST", "/v1/chases", {
      token: executive,
      body: { signalId: voice?.signalId, question },
    });
    expect(chase.status).toBe(200);
  }
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** Switches to the other language and waits until the home page's question is in it. */
const switchLanguage = async (page: Page, question: string) => {
  await page.click("#lang");
  await expect.poll(() => page.locator("#home-title").textContent()).toBe(question);
};

it("shows the landing page with the local role picker (no config.json locally), in both languages", async () => {
  expect((await api.call("GET", "/config.json")).status).toBe(404);
  const page = await openPage(browser, { locale: "en-US" });
  await page.goto(runtime.url);
  await page.waitForSelector("#signin input[name=role]");
  expect(await page.locator("#landing-title").textContent()).toBe("Customers' words, made accountable");
  expect(await page.locator("#company-sign-in").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "landing");
  await page.click("#lang");
  await expect.poll(() => page.locator("#landing-title").textContent()).toBe("让客户的声音有人负责");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "landing");
  await page.close();
});

it("opens the CCO team on the review status, overdue notices, lines at risk, appeals and the quarantine", async () => {
  const page = await openPage(browser, { locale: "en-US", viewport: { width: 1280, height: 900 } });
  const calls: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/v1/") && !pathname.startsWith("/v1/dev")) calls.push(pathname);
  });
  const started = Date.now();
  await signInAs(page, runtime.url, "cco");
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
  const cco = await api.token("cco");
  expect((await api.call("POST", "/v1/reviews", { token: cco, body: { quarter: previous } })).status).toBe(
    200,
  );
  await page.reload();
  await page.waitForSelector('#home-review [data-state="ran"]');
  expect(await page.locator('#home-review [data-state="ran"]').textContent()).toContain("已于");
  await page.click("#home-overdue li a");
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/notices\//);
  await page.close();
});

it("opens a unit head on their own notices with the next action, their chases and their lines' trend", async () => {
  const page = await openPage(browser, { locale: "en-US", viewport: { width: 1280, height: 900 } });
  await signInAs(page, runtime.url, "bu-head", { units: ["bu-home"] });
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
  const page = await openPage(browser, { locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await signInAs(page, runtime.url, "executive");
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
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
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

it("signs in with the company account through the hosted UI with PKCE, and out through its logout", async () => {
  // A deployed config.json and Cognito's hosted UI, played by the test: the authorize page returns a
  // code for the challenge it was shown; the token endpoint answers only the verifier of that
  // challenge, with a real (local) token whose claims grant the role and units.
  const domain = "https://strawberry-test-123456789012.auth.eu-west-1.amazoncognito.com";
  const context = await browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  const issued = await api.token("bu-head", ["bu-home"]);
  let challenge = "";
  let exchanged = "";
  await page.route(`${runtime.url}/config.json`, (route) =>
    route.fulfill({
      json: { cognitoDomain: domain, userPoolClientId: "client-1", dashboardOrigin: runtime.url, apiUrl: "" },
    }),
  );
  await page.route(`${domain}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/oauth2/authorize") {
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("response_type")).toBe("code");
      expect(url.searchParams.get("redirect_uri")).toBe(`${runtime.url}/`);
      challenge = url.searchParams.get("code_challenge") ?? "";
      const back = `${runtime.url}/?code=code-1&state=${url.searchParams.get("state")}`;
      return route.fulfill({ status: 302, headers: { location: back } });
    }
    if (url.pathname === "/oauth2/token") {
      if (route.request().method() === "OPTIONS")
        return route.fulfill({
          status: 204,
          headers: { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type" },
        });
      const form = new URLSearchParams(route.request().postData() ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const proven = createHash("sha256").update(verifier).digest("base64url") === challenge;
      exchanged = `${form.get("grant_type")} ${form.get("code")} ${proven}`;
      return route.fulfill({
        status: proven ? 200 : 400,
        headers: { "access-control-allow-origin": "*" },
        json: proven ? { access_token: issued, token_type: "Bearer" } : { error: "invalid_grant" },
      });
    }
    if (url.pathname === "/logout")
      return route.fulfill({ status: 302, headers: { location: `${runtime.url}/` } });
    return route.abort();
  });
  await page.goto(runtime.url);
  await page.waitForSelector("#company-sign-in");
  expect(await page.locator("#company-sign-in").textContent()).toBe("Sign in with your company account");
  expect(await page.locator("#signin").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "landing-company");
  await page.click("#company-sign-in");
  await page.waitForSelector("#signout");
  expect(exchanged).toBe("authorization_code code-1 true");
  expect(page.url()).not.toContain("code=");
  expect(page.url()).not.toContain("state=");
  await page.waitForSelector("#home-my-notices li");
  expect(await texts(page, "#home-my-notices li a")).toEqual(["Kettle"]);
  expect(await page.evaluate(() => sessionStorage.getItem("pkce-verifier"))).toBeNull();

  await page.click("#signout");
  await page.waitForSelector("#company-sign-in");
  expect(await page.evaluate(() => sessionStorage.getItem("token"))).toBeNull();

  // A return whose state this tab never sent is refused: no token exchanged, still signed out.
  exchanged = "";
  await page.goto(`${runtime.url}/?code=stolen&state=forged`);
  await page.waitForSelector("#company-sign-in");
  await expect.poll(() => page.locator("#status").textContent()).toContain("state mismatch");
  expect(exchanged).toBe("");
  expect(page.url()).not.toContain("code=");
  await context.close();
});
