/**
 * The quarantine in Chromium: signals naming lines the catalog does not know are listed with their
 * words as text (hostile markup never runs), and once the catalog learns the line, replaying counts
 * them and says so; a role that may not read the quarantine is told so.
 */
import { expect, it } from "vitest";
import { signal } from "#test/integration/fixtures";
import { seriousViolations } from "./axe";
import { putCatalog, sendSignals, useDashboard, xss } from "./dashboard-fixture";
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

const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, { businessUnits: units, productLines: [known] });
    const signals = [
      signal({ signalId: "q-hostile", productLineId: "pl-ghost", kind: "csat", score: 1, verbatim: HOSTILE }),
      signal({ signalId: "q-plain", productLineId: "pl-ghost", kind: "csat", score: 5, verbatim: "还不错" }),
      signal({ signalId: "q-other", productLineId: "pl-unheard", kind: "csat", score: 2 }),
      signal({ signalId: "k-1", productLineId: "pl-kettle" }),
    ];
    await sendSignals(dash, signals, { expected: { rejected: [], quarantined: 3 } });
  },
});

it("lists quarantined words as text and replays them once the catalog knows their line", async () => {
  const page = await openPage(dash.browser, { locale: "zh-CN" });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/quarantine" });
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
  await putCatalog(dash, { businessUnits: units, productLines: [known, ghost] });
  await page.click("#quarantine-replay");
  await expect
    .poll(() => page.locator("#quarantine-result").textContent())
    .toBe("2 replayed and now counted; 1 still name an unknown line.");
  await expect.poll(() => page.locator("#quarantine tbody tr").count()).toBe(1);
  expect(await page.locator('#quarantine tr[data-signal="q-other"]').count()).toBe(1);
  const voices = await dash.api.call("GET", "/v1/voices?productLineId=pl-ghost", { token: dash.cco });
  expect(voices.body.items.map((v: { text: string }) => v.text).sort()).toEqual([HOSTILE, "还不错"].sort());
  expect(await xss(page)).toBeUndefined();
  await page.close();
});

it("tells a unit head the quarantine is not theirs to read", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "bu-head", { units: ["bu-a"], at: "#/quarantine" });
  const error = page.locator("#quarantine-section .error[role=alert]");
  await error.waitFor();
  expect(await error.textContent()).toContain("Your role may not see this");
  expect(await page.locator("#quarantine-replay").count()).toBe(0);
  expect(await page.locator('nav a[href="#/quarantine"]').count()).toBe(0);
  await page.close();
});
