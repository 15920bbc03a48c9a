import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { currentQuarter, signal } from "#test/integration/fixtures";
import { apiOf, startTestRuntime } from "#test/integration/harness";
import { launchChromium } from "./browser";

const HOSTILE = `<img src=x onerror="window.__xss=1">`;
let runtime: Runtime;
let browser: Browser;

beforeAll(async () => {
  runtime = await startTestRuntime();
  const api = apiOf(runtime);
  const cco = await api.token("cco");
  await api.call("PUT", "/v1/catalog", {
    token: cco,
    body: {
      businessUnits: [{ id: "bu-home", name: "Home" }],
      productLines: [
        {
          id: "pl-good",
          name: "Good kettle",
          nameZh: "好水壶",
          businessUnitId: "bu-home",
          category: "kitchen",
        },
        { id: "pl-bad", name: HOSTILE, nameZh: HOSTILE, businessUnitId: "bu-home", category: "kitchen" },
      ],
    },
  });
  const signals = [
    ...Array.from({ length: 40 }, (_, i) =>
      signal({ productLineId: "pl-bad", kind: "csat", score: i < 30 ? 1 : 5 }),
    ),
    ...Array.from({ length: 40 }, () => signal({ productLineId: "pl-good", kind: "csat", score: 5 })),
    signal({ productLineId: "pl-ghost", verbatim: `<script>window.__xss=2</script>坏了` }),
  ];
  await api.call("POST", "/v1/signals", { token: cco, body: { signals } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

it("signs in, shows each line's metrics against the bar in zh-CN and en, and renders names and words as text", async () => {
  const page = await browser.newPage({ locale: "zh-CN" });
  await page.goto(runtime.url);
  await expect.poll(() => page.locator("h1").textContent()).toContain("草莓");

  await page.selectOption("#signin select", "cco");
  await page.click("#signin button");
  await page.waitForSelector("#lines tbody tr");
  expect(await page.locator("#period").inputValue()).toBe(currentQuarter());

  const bad = page.locator('#lines tr[data-line="pl-bad"]');
  expect(await bad.getAttribute("class")).toBe("poor");
  expect(await bad.locator("td").first().textContent()).toBe(HOSTILE);
  expect(await bad.locator("td").nth(3).textContent()).toBe("40");
  expect(await bad.locator("td").nth(4).textContent()).toBe("75%");
  const good = page.locator('#lines tr[data-line="pl-good"]');
  expect(await good.locator("td").first().textContent()).toBe("好水壶");
  expect(await good.getAttribute("class")).not.toBe("poor");

  const words = page.locator("#quarantine tbody td").nth(2);
  expect(await words.textContent()).toBe("<script>window.__xss=2</script>坏了");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await page.click("#lang");
  await expect.poll(() => page.locator("h1").textContent()).toContain("CX governance");
  await expect.poll(() => good.locator("td").first().textContent()).toBe("Good kettle");
  await page.close();
});

it("tells a bu-head's session apart and hides the quarantine from roles that may not read it", async () => {
  const page = await browser.newPage({ locale: "en-US" });
  await page.goto(runtime.url);
  await page.selectOption("#signin select", "bu-head");
  await page.fill("#signin input[name=units]", "bu-home");
  await page.click("#signin button");
  await page.waitForSelector("#lines tbody tr");
  expect(await page.locator("#status").textContent()).toBe("Signed in as bu-head");
  expect(await page.locator("#quarantine-section").isHidden()).toBe(true);
  await page.close();
});
