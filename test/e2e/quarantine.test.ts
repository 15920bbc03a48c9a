/**
 * The quarantine in Chromium: signals naming lines the catalog does not know are listed with their
 * words as text (hostile markup never runs), and once the catalog learns the line, replaying counts
 * them and says so; a role that may not read the quarantine is told so.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { signal } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const HOSTILE = `<script>window.__xss=2</script><img src=x onerror="window.__xss=1">坏了`;
const known = {
  id: "pl-kettle",
  name: "Kettle",
  nameZh: "电水壶",
  businessUnitId: "bu-a",
  category: "kitchen",
};
const ghost = {
  id: "pl-ghost",
  name: "Ghost heater",
  nameZh: "新款取暖器",
  businessUnitId: "bu-a",
  category: "kitchen",
};
const units = [{ id: "bu-a", name: "Home appliances", nameZh: "家电事业部" }];

let runtime: Runtime;
let api: Api;
let browser: Browser;
let cco: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  const put = await api.call("PUT", "/v1/catalog", {
    token: cco,
    body: { businessUnits: units, productLines: [known] },
  });
  expect(put.status).toBe(200);
  const signals = [
    signal({ signalId: "q-hostile", productLineId: "pl-ghost", kind: "csat", score: 1, verbatim: HOSTILE }),
    signal({ signalId: "q-plain", productLineId: "pl-ghost", kind: "csat", score: 5, verbatim: "还不错" }),
    signal({ signalId: "q-other", productLineId: "pl-unheard", kind: "csat", score: 2 }),
    signal({ signalId: "k-1", productLineId: "pl-kettle" }),
  ];
  const sent = await api.call("POST", "/v1/signals", { token: cco, body: { signals } });
  expect(sent.body).toMatchObject({ rejected: [], quarantined: 3 });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

it("lists quarantined words as text and replays them once the catalog knows their line", async () => {
  const page = await openPage(browser, { locale: "zh-CN" });
  await signInAs(page, runtime.url, "cco", { at: "#/quarantine" });
  await page.waitForSelector("#quarantine tbody tr");
  expect(await page.locator("#quarantine tbody tr").count()).toBe(3);
  const hostile = page.locator('#quarantine tr[data-signal="q-hostile"]');
  expect(await hostile.locator("td").nth(1).textContent()).toBe("pl-ghost");
  expect(await hostile.locator("td.quarantine-words").textContent()).toBe(HOSTILE);
  expect(await page.locator("#quarantine img, #quarantine script").count()).toBe(0);
  expect(await xss(page)).toBeUndefined();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "quarantine");

  await page.click("#lang");
  await expect.poll(() => page.locator("#quarantine th").nth(1).textContent()).toBe("Unknown line");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, "quarantine");

  // The catalog learns one of the two unknown lines; replaying counts its signals, the other stays.
  const put = await api.call("PUT", "/v1/catalog", {
    token: cco,
    body: { businessUnits: units, productLines: [known, ghost] },
  });
  expect(put.status).toBe(200);
  await page.click("#quarantine-replay");
  await expect
    .poll(() => page.locator("#quarantine-result").textContent())
    .toBe("2 replayed and now counted; 1 still name an unknown line.");
  await expect.poll(() => page.locator("#quarantine tbody tr").count()).toBe(1);
  expect(await page.locator('#quarantine tr[data-signal="q-other"]').count()).toBe(1);
  const voices = await api.call("GET", "/v1/voices?productLineId=pl-ghost", { token: cco });
  expect(voices.body.items.map((v: { text: string }) => v.text).sort()).toEqual([HOSTILE, "还不错"].sort());
  expect(await xss(page)).toBeUndefined();
  await page.close();
});

it("tells a unit head the quarantine is not theirs to read", async () => {
  const page = await openPage(browser, { locale: "en-US" });
  await signInAs(page, runtime.url, "bu-head", { units: ["bu-a"], at: "#/quarantine" });
  const error = page.locator("#quarantine-section .error[role=alert]");
  await error.waitFor();
  expect(await error.textContent()).toContain("Your role may not see this");
  expect(await page.locator("#quarantine-replay").count()).toBe(0);
  expect(await page.locator('nav a[href="#/quarantine"]').count()).toBe(0);
  await page.close();
});
