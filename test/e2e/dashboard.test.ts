import { expect, it } from "vitest";
import { currentQuarter, signal } from "#test/integration/fixtures";
import { putCatalog, sendSignals, useDashboard, xss } from "./dashboard-fixture";
import { signInAs } from "./session";

const HOSTILE = `<img src=x onerror="window.__xss=1">`;
const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, {
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
    });
    const signals = [
      ...Array.from({ length: 40 }, (_, i) =>
        signal({ productLineId: "pl-bad", kind: "csat", score: i < 30 ? 1 : 5 }),
      ),
      ...Array.from({ length: 40 }, () => signal({ productLineId: "pl-good", kind: "csat", score: 5 })),
      signal({ productLineId: "pl-ghost", verbatim: `<script>window.__xss=2</script>坏了` }),
    ];
    await sendSignals(dash, signals, { expected: { rejected: [], quarantined: 1 } });
  },
});

it("signs in, shows each line's metrics against the bar in zh-CN and en, and renders names and words as text", async () => {
  const page = await dash.browser.newPage({ locale: "zh-CN" });
  const calls: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/v1/")) calls.push(pathname);
  });
  await page.goto(dash.runtime.url);
  await expect.poll(() => page.locator("h1").textContent()).toContain("草莓");

  await signInAs(page, dash.runtime.url, "cco", { at: "#/rankings" });
  await page.waitForSelector("#lines tbody tr[data-line]");
  expect(await page.locator("#period").inputValue()).toBe(currentQuarter());

  const bad = page.locator('#lines tr[data-line="pl-bad"]');
  expect(await bad.getAttribute("class")).toBe("poor");
  expect(await bad.locator("td.name").textContent()).toBe(HOSTILE);
  expect(await bad.locator("td").nth(4).textContent()).toBe("40");
  expect(await bad.locator("td").nth(6).textContent()).toBe("75%");
  expect(await page.locator("#lines img").count()).toBe(0);
  const good = page.locator('#lines tr[data-line="pl-good"]');
  expect(await good.locator("td.name").textContent()).toBe("好水壶");
  expect(await good.getAttribute("class")).not.toBe("poor");

  // One ranking call for every line, the bar from the policy (pooled 37.5 % × 1.5 over the 20 % floor).
  expect(calls.filter((c) => c === "/v1/rankings")).toHaveLength(1);
  expect(calls.filter((c) => c === "/v1/policy")).toHaveLength(1);
  expect(calls.some((c) => c.endsWith("/metrics"))).toBe(false);
  expect(await page.locator("#lines-section .note").textContent()).toContain("56.3%");
  expect(await bad.locator("td.state").textContent()).toBe("高于红线");

  expect(await xss(page)).toBeUndefined();
  // The quarantine has its own page now (test/e2e/quarantine.test.ts checks its words are text).
  expect(await page.locator("#quarantine-section").count()).toBe(0);

  await page.click("#lang");
  await expect.poll(() => page.locator("h1").textContent()).toContain("CX governance");
  await expect.poll(() => good.locator("td.name").textContent()).toBe("Good kettle");
  await page.close();
});

it("tells a bu-head's session apart", async () => {
  const page = await dash.browser.newPage({ locale: "en-US" });
  await signInAs(page, dash.runtime.url, "bu-head", { units: ["bu-home"], at: "#/rankings" });
  await page.waitForSelector("#lines tbody tr[data-line]");
  expect(await page.locator("header .who").textContent()).toContain("Signed in as bu-head");
  await page.close();
});

it("serves index.html revalidated and its hashed script and styles cached for a year, with no inline script", async () => {
  const index = await fetch(`${dash.runtime.url}/`);
  expect(index.headers.get("cache-control")).toBe("no-cache");
  expect(index.headers.get("content-security-policy")).toContain("default-src 'self'");
  expect(index.headers.get("content-security-policy")).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await index.text();
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/app-[\w-]+\.(?:js|css))"/g)].map((m) => m[1]);
  expect(assets).toHaveLength(2);
  for (const asset of assets) {
    const response = await fetch(`${dash.runtime.url}${asset}`);
    expect(response.status, asset).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  }
});
