/**
 * A company session outlives its access token in Chromium: the dashboard exchanges the refresh token
 * Cognito gave it (played by the test, as in home-sign-in.test.ts) before a call with a token that
 * has expired or is about to, and once after the API's 401; calls made together share one refresh.
 * A refused refresh ends the session on the landing page, saying so in both languages.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { signDevToken } from "#infra/local/jwt";
import { seriousViolations } from "./axe";
import { useDashboard } from "./dashboard-fixture";
import { seedHomes } from "./home-seed";

const dash = useDashboard({
  seed: async (dash) => {
    await seedHomes(dash);
  },
});

const DOMAIN = "https://strawberry-test-123456789012.auth.eu-west-1.amazoncognito.com";
const CORS = { "access-control-allow-origin": "*" };

let issued = 0;
/** A real (local) access token of the head of bu-home, valid for `seconds`; each one different. */
const accessToken = (seconds: number) =>
  signDevToken(
    { sub: "head-1", jti: `token-${++issued}`, roles: ["bu-head"], businessUnitIds: ["bu-home"] },
    dash.runtime.devTokenKey,
    seconds,
  );

/**
 * config.json and the hosted UI: the code buys `first` and the refresh token `refresh-1`; a refresh
 * buys `renewed()` (and no new refresh token: rotation is off) unless `refuse` is set. Records the
 * refresh requests' forms, the API calls' bearer tokens and any visit to the hosted UI's logout.
 */
const playHostedUi = async (page: Page, first: string, renewed: () => Promise<string>) => {
  const seen = {
    refreshes: [] as Record<string, string>[],
    bearers: [] as string[],
    loggedOut: false,
    refuse: false,
  };
  page.on("request", (request) => {
    if (request.url().startsWith(`${dash.runtime.url}/v1/`))
      seen.bearers.push((request.headers().authorization ?? "").replace(/^Bearer /, ""));
  });
  await page.route(`${dash.runtime.url}/config.json`, (route) =>
    route.fulfill({
      json: {
        cognitoDomain: DOMAIN,
        userPoolClientId: "client-1",
        dashboardOrigin: dash.runtime.url,
        apiUrl: "",
      },
    }),
  );
  await page.route(`${DOMAIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/oauth2/authorize") {
      const back = `${dash.runtime.url}/?code=code-1&state=${url.searchParams.get("state")}`;
      return route.fulfill({ status: 302, headers: { location: back } });
    }
    if (url.pathname === "/oauth2/token") {
      if (route.request().method() === "OPTIONS")
        return route.fulfill({
          status: 204,
          headers: { ...CORS, "access-control-allow-headers": "content-type" },
        });
      const form = Object.fromEntries(new URLSearchParams(route.request().postData() ?? ""));
      if (form.grant_type === "authorization_code")
        return route.fulfill({
          headers: CORS,
          json: { access_token: first, id_token: "id-1", refresh_token: "refresh-1", token_type: "Bearer" },
        });
      seen.refreshes.push(form);
      if (seen.refuse) return route.fulfill({ status: 400, headers: CORS, json: { error: "invalid_grant" } });
      return route.fulfill({
        headers: CORS,
        json: { access_token: await renewed(), id_token: "id-2", expires_in: 3600, token_type: "Bearer" },
      });
    }
    if (url.pathname === "/logout") {
      seen.loggedOut = true;
      return route.fulfill({ status: 302, headers: { location: `${dash.runtime.url}/` } });
    }
    return route.abort();
  });
  return seen;
};

const signIn = async (page: Page) => {
  await page.goto(dash.runtime.url);
  await page.click("#company-sign-in");
  await page.waitForSelector("#signout");
};

const REFRESH = { grant_type: "refresh_token", client_id: "client-1", refresh_token: "refresh-1" };

it("keeps working past the access token's expiry by refreshing it, once for the calls made together", async () => {
  const context = await dash.browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  const shortLived = await accessToken(2);
  const expiresAt = Date.now() + 2000;
  const renewed = await accessToken(3600);
  const seen = await playHostedUi(page, shortLived, async () => renewed);
  await signIn(page);
  await page.waitForSelector("#home-my-notices li");
  expect(await page.locator("#home-my-notices li a").allTextContents()).toEqual(["Kettle"]);
  // The catalog, the policy and the home page's reads all waited on one refresh, none sent the old token.
  expect(seen.refreshes).toEqual([REFRESH]);
  expect(seen.bearers.length).toBeGreaterThan(2);
  expect(seen.bearers.filter((sent) => sent !== renewed)).toEqual([]);
  expect(await page.evaluate(() => sessionStorage.getItem("token"))).toBe(renewed);
  // None came back (no rotation): the one Cognito first gave is kept.
  expect(await page.evaluate(() => sessionStorage.getItem("refresh-token"))).toBe("refresh-1");

  // Well past the first token's expiry, another page still reads, with no further refresh.
  await page.waitForTimeout(Math.max(0, expiresAt - Date.now()) + 500);
  await page.goto(`${dash.runtime.url}/#/rankings`);
  await page.waitForSelector("#lines tbody tr[data-line]");
  expect(seen.refreshes).toHaveLength(1);
  expect(await page.locator("#signout").count()).toBe(1);
  await context.close();
});

it("refreshes once on the API's 401, and a refused refresh signs out to the landing page, saying why", async () => {
  const context = await dash.browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  const first = await accessToken(3600);
  const renewed = await accessToken(3600);
  const seen = await playHostedUi(page, first, async () => renewed);
  // The API refusing a token before the dashboard thinks it expired (revoked, or clocks that disagree).
  const refused = new Set<string>();
  await page.route(`${dash.runtime.url}/v1/**`, (route) =>
    refused.has((route.request().headers().authorization ?? "").replace(/^Bearer /, ""))
      ? route.fulfill({ status: 401, json: { error: { code: "unauthorized", message: "Token expired" } } })
      : route.continue(),
  );
  await signIn(page);
  await page.waitForSelector("#home-my-notices li");
  // A token an hour from expiry is not refreshed.
  expect(seen.refreshes).toEqual([]);

  refused.add(first);
  await page.goto(`${dash.runtime.url}/#/rankings`);
  await page.waitForSelector("#lines tbody tr[data-line]");
  expect(seen.refreshes).toEqual([REFRESH]);
  expect(seen.bearers.at(-1)).toBe(renewed);

  seen.refuse = true;
  refused.add(renewed);
  await page.goto(`${dash.runtime.url}/#/`);
  await page.waitForSelector("#company-sign-in");
  expect(seen.refreshes).toEqual([REFRESH, REFRESH]);
  expect(await page.locator("#session-ended").textContent()).toBe(
    "Your session has ended and could not be renewed: sign in again to carry on.",
  );
  expect(await page.locator("#status").textContent()).toBe("");
  // Signed out here only: nothing of the session kept, and no trip to the hosted UI's logout.
  expect(
    await page.evaluate(() => ["token", "refresh-token"].map((key) => sessionStorage.getItem(key))),
  ).toEqual([null, null]);
  expect(seen.loggedOut).toBe(false);
  expect(page.url().startsWith(dash.runtime.url)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.click("#lang");
  await expect
    .poll(() => page.locator("#session-ended").textContent())
    .toBe("会话已结束且无法续期，请重新登录后继续。");
  await context.close();
});

it("says only why when the session cannot be renewed as a page loads, not that a read failed", async () => {
  const context = await dash.browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  // Expiring within the minute: renewed before the first read, and the renewal is refused.
  const seen = await playHostedUi(page, await accessToken(2), async () => accessToken(3600));
  seen.refuse = true;
  await page.goto(dash.runtime.url);
  await page.click("#company-sign-in");
  await page.waitForSelector("#session-ended");
  await page.waitForLoadState("networkidle");
  expect(seen.refreshes).toEqual([REFRESH]);
  expect(await page.locator("#status").textContent()).toBe("");
  await context.close();
});
