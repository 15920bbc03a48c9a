/**
 * A tour of every page on the demo data of `npm start`, as each role and in both languages: each page
 * the role's nav offers (plus a line, a notice, the notifications and the stage view) must show
 * content rather than a blank page or an error, have no serious or critical axe-core violation, and
 * leave a screenshot for a reviewer (`tour-<role>-<page>-<locale>.png`, git-ignored).
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { ApiClient } from "#infra/api-client/client";
import { seedDemo } from "#infra/demo/seed";
import { seriousViolations } from "./axe";
import { useDashboard } from "./dashboard-fixture";
import { screenshot } from "./screenshots";
import { openPage, signInAs } from "./session";

const silent = { write: () => true };
let someLine = "";
let someNotice = "";
const dash = useDashboard({
  seed: async (dash) => {
    const client = new ApiClient({ baseUrl: dash.runtime.url });
    client.token = dash.cco;
    const now = new Date();
    await seedDemo({ client, now, stdout: silent, stderr: silent });
    const { playDemoStory } = await import("#infra/demo/story");
    await playDemoStory(now);
    const notices = await dash.api.call("GET", "/v1/notices?limit=1", { token: dash.cco });
    someNotice = notices.body.items[0]?.id ?? "";
    someLine = notices.body.items[0]?.productLineId ?? "";
  },
  timeout: 300_000,
});

const ROLES: [role: string, units: string[]][] = [
  ["cco", []],
  ["bu-head", ["bu-digital"]],
  ["executive", []],
];

/** Waits until the page has stopped loading (no visible "loading" placeholder); false if it never does. */
const settled = async (page: Page): Promise<boolean> => {
  await page.waitForLoadState("networkidle");
  return page
    .waitForFunction(
      // Visible ones only: a closed <details> may hold the placeholder of what it reads when opened.
      () =>
        !Array.from(document.querySelectorAll("main .loading, main [aria-busy=true]")).some((e) =>
          e.checkVisibility(),
        ),
      null,
      { timeout: 30_000 },
    )
    .then(
      () => true,
      () => false,
    );
};

const visit = async (page: Page, name: string, hash: string, problems: string[]) => {
  await page.goto(`${dash.runtime.url}/${hash}`);
  const done = await settled(page);
  const lang = await page.evaluate(() => document.documentElement.lang);
  const where = `${name} (${hash}, ${lang})`;
  if (!done) problems.push(`${where}: still loading after 30 s`);
  // The page's own content: the status line ("signed in as") is the shell's, not the page's.
  const text = await page.evaluate(() =>
    Array.from(document.querySelectorAll("main > :not(#status)"), (e) => e.textContent ?? "")
      .join(" ")
      .trim(),
  );
  if (text.length < 20) problems.push(`${where}: nearly blank (${JSON.stringify(text)})`);
  for (const violation of await seriousViolations(page)) problems.push(`${where}: ${violation}`);
  await screenshot(page, `tour-${name}`);
};

it.each(ROLES)(
  "shows %s every page it may open, with content, accessible, in both languages",
  async (role, units) => {
    const problems: string[] = [];
    const errors: string[] = [];
    for (const locale of ["zh-CN", "en-US"]) {
      const page = await openPage(dash.browser, { locale, viewport: { width: 1366, height: 900 } });
      page.on("pageerror", (error) => errors.push(`${locale}: ${error.message}`));
      await signInAs(page, dash.runtime.url, role, { units });
      await settled(page);
      const hashes = await page
        .locator("nav a")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      const pages: [string, string][] = hashes
        .filter((h): h is string => h !== null)
        .map((h) => [`${role}-${h.replace(/^#\/?/, "") || "home"}`, h]);
      pages.push([`${role}-line`, `#/lines/${someLine}`], [`${role}-notifications`, "#/notifications"]);
      if (role !== "executive") pages.push([`${role}-notice`, `#/notices/${someNotice}`]);
      for (const [name, hash] of pages) await visit(page, name, hash, problems);
      await page.close();
    }
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  },
  // About 30 page visits with an axe run each: 45 s on a quiet 2-core machine, far more when it is busy.
  600_000,
);
