/**
 * The inbox a page at a time: 51 lines each flagged by critical complaints in the previous quarter
 * (three on three days, so no Andon), the first 50 shown with the count, the rest after "Load more",
 * and a status filter that starts its list afresh.
 */
import { expect, it } from "vitest";
import { dayOfPreviousQuarter, quarterOfDay } from "#test/integration/fixtures";
import { putCatalog, sendSignals, useDashboard } from "./dashboard-fixture";
import { openPage, signInAs } from "./session";

const LINES = 51;
const pastDay = dayOfPreviousQuarter();
const ids = Array.from({ length: LINES }, (_, i) => `pl-p-${String(i).padStart(2, "0")}`);
const dash = useDashboard({
  seed: async (dash) => {
    await putCatalog(dash, {
      businessUnits: [{ id: "bu-p", name: "Paging" }],
      productLines: ids.map((id) => ({ id, name: `Line ${id}`, businessUnitId: "bu-p", category: "c" })),
    });
    const base = new Date(`${pastDay}T12:00:00+08:00`).getTime();
    const signals = ids.flatMap((id) =>
      [0, 1, 2].map((day) => ({
        signalId: `pg-${id}-${day}`,
        productLineId: id,
        channel: "hotline",
        kind: "complaint",
        severity: "critical",
        occurredAt: new Date(base - day * 86_400_000).toISOString(),
      })),
    );
    await sendSignals(dash, signals);
    const review = await dash.api.call("POST", "/v1/reviews", {
      token: dash.cco,
      body: { quarter: quarterOfDay(pastDay) },
    });
    expect(review.body.noticesIssued).toHaveLength(LINES);
  },
});

it("shows 50 notices, loads the rest on request, and starts afresh when the filter changes", async () => {
  const page = await openPage(dash.browser, { locale: "en-US" });
  await signInAs(page, dash.runtime.url, "cco", { at: "#/notices" });
  await page.waitForSelector("#notices-table tbody tr");
  const rows = page.locator("#notices-table tbody tr");
  expect(await rows.count()).toBe(50);
  expect(await page.locator("#notices-count").textContent()).toBe("50 notices shown, more to load");
  expect(await rows.first().locator(".notice-next").textContent()).toBe(
    "Waiting for the unit to acknowledge",
  );
  await page.click("#notices-more");
  await expect.poll(() => rows.count()).toBe(LINES);
  expect(await page.locator("#notices-count").textContent()).toBe("51 notices shown");
  expect(await page.locator("#notices-more").count()).toBe(0);
  const shown = await rows.evaluateAll((r) => r.map((e) => (e as HTMLElement).dataset.line));
  expect(new Set(shown)).toEqual(new Set(ids));

  await page.click('.notices-tabs button[data-status="ACKNOWLEDGED"]');
  await page.waitForSelector("#notices-section .empty");
  await page.click('.notices-tabs button[data-status="ISSUED"]');
  await page.waitForSelector("#notices-more");
  expect(await rows.count()).toBe(50);
  await page.context().close();
});
