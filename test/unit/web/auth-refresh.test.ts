/**
 * Keeping a company session past its token's hour with Cognito's refresh token: when to refresh, the
 * request (a public client: no secret), what the answer replaces, one refresh shared by concurrent
 * calls, one more after a 401, and the session ended when the refresh is refused or never answered.
 */
import { describe, expect, it, vi } from "vitest";
import { base64url, cognitoFrom, refreshRequest } from "#web/auth-flow";
import { createRenewal, needsRefresh, REFRESH_MARGIN_MS, renewedFrom, type Tokens } from "#web/auth-refresh";

const SIGN = cognitoFrom({
  cognitoDomain: "https://strawberry-dev-123456789012.auth.eu-west-1.amazoncognito.com",
  userPoolClientId: "client123",
  dashboardOrigin: "https://d111.cloudfront.net",
});
const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

/** An unsigned JWT with these claims (the dashboard never verifies: the API does). */
const jwt = (claims: object) =>
  ["{}", JSON.stringify(claims), ""].map((part) => base64url(new TextEncoder().encode(part))).join(".");
/** A head of bu-a's access token expiring `seconds` after NOW. */
const expiring = (seconds: number, sub = "u1") =>
  jwt({ sub, "cognito:groups": ["bu-head"], businessUnitIds: "bu-a", exp: NOW / 1000 + seconds });

describe("when to refresh", () => {
  it("refreshes a token that has expired or expires within the margin, not a fresh one", () => {
    expect(REFRESH_MARGIN_MS).toBe(60_000);
    expect(needsRefresh(expiring(3600), NOW)).toBe(false);
    expect(needsRefresh(expiring(61), NOW)).toBe(false);
    expect(needsRefresh(expiring(59), NOW)).toBe(true);
    expect(needsRefresh(expiring(0), NOW)).toBe(true);
    expect(needsRefresh(expiring(-600), NOW)).toBe(true);
  });

  it("leaves a token whose expiry it cannot read to the API's 401", () => {
    expect(needsRefresh(jwt({ sub: "u1" }), NOW)).toBe(false);
    expect(needsRefresh(jwt({ exp: "soon" }), NOW)).toBe(false);
    expect(needsRefresh("not-a-jwt", NOW)).toBe(false);
  });
});

describe("the refresh request", () => {
  if (!SIGN) throw new Error("config not read");
  it("posts the refresh token to the token endpoint, form-encoded, with the client id and no secret", () => {
    const request = refreshRequest(SIGN, "refresh+token/1=");
    expect(request.url).toBe(`${SIGN.domain}/oauth2/token`);
    expect(request.headers).toEqual({ "content-type": "application/x-www-form-urlencoded" });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: "refresh_token",
      client_id: "client123",
      refresh_token: "refresh+token/1=",
    });
  });
});

describe("what the answer replaces", () => {
  const current: Tokens = { access: expiring(10), refresh: "r1" };

  it("replaces the access token and keeps the refresh token when none comes back (no rotation)", () => {
    const access = expiring(3600);
    expect(renewedFrom(current, 200, { access_token: access, id_token: "id", expires_in: 3600 })).toEqual({
      kind: "renewed",
      tokens: { access, refresh: "r1" },
      grant: { role: "bu-head", units: ["bu-a"] },
    });
  });

  it("takes a new refresh token when rotation sends one", () => {
    const access = expiring(3600);
    expect(renewedFrom(current, 200, { access_token: access, refresh_token: "r2" })).toMatchObject({
      kind: "renewed",
      tokens: { access, refresh: "r2" },
    });
  });

  it("is refused by Cognito's error, an answer without a token, or a token without a dashboard role", () => {
    expect(renewedFrom(current, 400, { error: "invalid_grant" })).toEqual({
      kind: "refused",
      reason: "invalid_grant",
    });
    expect(renewedFrom(current, 500, "oops")).toEqual({ kind: "refused", reason: "HTTP 500" });
    expect(renewedFrom(current, 200, {})).toEqual({ kind: "refused", reason: "no access token" });
    expect(renewedFrom(current, 200, { access_token: jwt({ "cognito:groups": ["ingest"] }) })).toEqual({
      kind: "refused",
      reason: "no dashboard role",
    });
  });
});

/** A session whose token endpoint answers with `answer` (or fails), counting its requests. */
const sessionOf = (
  tokens: Tokens | null,
  answer: () => Promise<{ status: number; body: unknown }> = async () => ({
    status: 200,
    body: { access_token: expiring(3600, "u2") },
  }),
) => {
  let held = tokens;
  const ended: string[] = [];
  const exchange = vi.fn(answer);
  const renewal = createRenewal({
    read: () => held,
    exchange,
    save: (renewed) => {
      held = renewed.tokens;
    },
    end: (reason) => {
      held = null;
      ended.push(reason);
    },
    now: () => NOW,
  });
  return { renewal, exchange, ended, held: () => held };
};

describe("renewing the session", () => {
  it("does nothing without a refresh token (the local dev token) or with a fresh token", async () => {
    const local = sessionOf(null);
    expect(await local.renewal.beforeCall()).toBe(true);
    expect(await local.renewal.afterUnauthorized("dev-token")).toBe(false);
    expect(local.exchange).not.toHaveBeenCalled();
    const fresh = sessionOf({ access: expiring(3600), refresh: "r1" });
    expect(await fresh.renewal.beforeCall()).toBe(true);
    expect(fresh.exchange).not.toHaveBeenCalled();
  });

  it("refreshes an expiring token once for all the calls waiting on it, with the refresh token", async () => {
    const s = sessionOf({ access: expiring(30), refresh: "r1" });
    expect(
      await Promise.all([s.renewal.beforeCall(), s.renewal.beforeCall(), s.renewal.beforeCall()]),
    ).toEqual([true, true, true]);
    expect(s.exchange).toHaveBeenCalledTimes(1);
    expect(s.exchange).toHaveBeenCalledWith("r1");
    expect(s.held()).toEqual({ access: expiring(3600, "u2"), refresh: "r1" });
    expect(await s.renewal.beforeCall()).toBe(true);
    expect(s.exchange).toHaveBeenCalledTimes(1);
  });

  it("refreshes once after a 401 for the current token, and not again for one already replaced", async () => {
    const first = expiring(3600);
    const s = sessionOf({ access: first, refresh: "r1" });
    expect(
      await Promise.all([s.renewal.afterUnauthorized(first), s.renewal.afterUnauthorized(first)]),
    ).toEqual([true, true]);
    expect(s.exchange).toHaveBeenCalledTimes(1);
    // A call sent with the old token, answered after the refresh: retried with the new one, no refresh.
    expect(await s.renewal.afterUnauthorized(first)).toBe(true);
    expect(s.exchange).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["refused", async () => ({ status: 400, body: { error: "invalid_grant" } }), "invalid_grant"],
    [
      "never answered",
      async () => {
        throw new TypeError("Failed to fetch");
      },
      "Failed to fetch",
    ],
  ] as const)("ends the session once when the refresh is %s", async (_, answer, reason) => {
    const s = sessionOf({ access: expiring(-5), refresh: "r1" }, answer);
    expect(await Promise.all([s.renewal.beforeCall(), s.renewal.beforeCall()])).toEqual([false, false]);
    expect(s.ended).toEqual([reason]);
    expect(s.held()).toBeNull();
    // Signed out: later calls go as they would without a session, and nothing is refreshed again.
    expect(await s.renewal.beforeCall()).toBe(true);
    expect(await s.renewal.afterUnauthorized(null)).toBe(false);
    expect(s.exchange).toHaveBeenCalledTimes(1);
  });
});
