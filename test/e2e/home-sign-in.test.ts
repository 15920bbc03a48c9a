/**
 * Signing in to the dashboard in Chromium against the real local runtime: the landing page with the
 * local role picker, and a deployment's company account through Cognito's hosted UI with PKCE (played
 * by the test), signing out through its logout and refusing a return it never asked for. No serious
 * or critical axe violation, in both languages.
 */
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { useDashboard } from "./dashboard-fixture";
import { seedHomes } from "./home-seed";
import { screenshot } from "./screenshots";
import { openPage } from "./session";

// The company account signs in as the head of a unit with an overdue notice.
const dash = useDashboard({
  seed: async (dash) => {
    await seedHomes(dash);
  },
});

it("shows the landing page with the local role picker (no config.json locally), in both languages", async () => {
  expect((await dash.api.call("GET", "/config.json")).status).toBe(404);
  const page = await openPage(dash.browser, { locale: "en-US" });
  await page.goto(dash.runtime.url);
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

it("signs in with the company account through the hosted UI with PKCE, and out through its logout", async () => {
  // A deployed config.json and Cognito's hosted UI, played by the test: the authorize page returns a
  // code for the challenge it was shown; the token endpoint answers only the verifier of that
  // challenge, with a real (local) token whose claims grant the role and units.
  const domain = "https://strawberry-test-123456789012.auth.eu-west-1.amazoncognito.com";
  const context = await dash.browser.newContext({ locale: "en-US", bypassCSP: true });
  const page = await context.newPage();
  const issued = await dash.api.token("bu-head", ["bu-home"]);
  let challenge = "";
  let exchanged = "";
  await page.route(`${dash.runtime.url}/config.json`, (route) =>
    route.fulfill({
      json: {
        cognitoDomain: domain,
        userPoolClientId: "client-1",
        dashboardOrigin: dash.runtime.url,
        apiUrl: "",
      },
    }),
  );
  await page.route(`${domain}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/oauth2/authorize") {
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("response_type")).toBe("code");
      expect(url.searchParams.get("redirect_uri")).toBe(`${dash.runtime.url}/`);
      challenge = url.searchParams.get("code_challenge") ?? "";
      const back = `${dash.runtime.url}/?code=code-1&state=${url.searchParams.get("state")}`;
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
      return route.fulfill({ status: 302, headers: { location: `${dash.runtime.url}/` } });
    return route.abort();
  });
  await page.goto(dash.runtime.url);
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
  expect(await page.locator("#home-my-notices li a").allTextContents()).toEqual(["Kettle"]);
  expect(await page.evaluate(() => sessionStorage.getItem("pkce-verifier"))).toBeNull();

  await page.click("#signout");
  await page.waitForSelector("#company-sign-in");
  expect(await page.evaluate(() => sessionStorage.getItem("token"))).toBeNull();

  // A return whose state this tab never sent is refused: no token exchanged, still signed out.
  exchanged = "";
  await page.goto(`${dash.runtime.url}/?code=stolen&state=forged`);
  await page.waitForSelector("#company-sign-in");
  await expect.poll(() => page.locator("#status").textContent()).toContain("state mismatch");
  expect(exchanged).toBe("");
  expect(page.url()).not.toContain("code=");
  await context.close();
});
