/**
 * The pure parts of signing in through Cognito's hosted UI with the authorization code grant and
 * PKCE (RFC 7636): reading config.json, the verifier and its S256 challenge, the authorize, token
 * (code and refresh) and logout addresses, checking the return, and the role and units a token's
 * claims grant. No DOM, no storage: test/unit/web/auth.test.ts runs these in Node.
 */

import { principalFromClaims } from "#http/principal";
import type { Role } from "#schemas/common";

/** What the dashboard needs of config.json to sign in through Cognito (absent locally). */
export interface CognitoSignIn {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the hosted UI and its token endpoint. */
  domain: string;
  clientId: string;
  /** Where Cognito sends the browser back: the dashboard's origin, as registered on the client. */
  redirectUri: string;
  /** The API's base URL (`https://….execute-api….amazonaws.com`), empty when on the same origin. */
  apiUrl: string;
}

const SCOPES = "openid email profile";

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The sign-in config.json names, or null when it names no hosted UI (then: the local role picker). */
export const cognitoFrom = (config: unknown): CognitoSignIn | null => {
  if (typeof config !== "object" || config === null) return null;
  const c = config as Record<string, unknown>;
  const domain = text(c.cognitoDomain).replace(/\/+$/, "");
  const clientId = text(c.userPoolClientId);
  const redirectUri = text(c.redirectUri) || text(c.dashboardOrigin);
  if (!/^https:\/\//.test(domain) || !clientId || !redirectUri) return null;
  return {
    domain,
    clientId,
    redirectUri: redirectUri.endsWith("/") ? redirectUri : `${redirectUri}/`,
    apiUrl: text(c.apiUrl).replace(/\/+$/, ""),
  };
};

/** Bytes as base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export const base64url = (bytes: Uint8Array): string => {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

/** A fresh random string of 43 base64url characters (32 bytes): a verifier or a state. */
export const randomToken = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export const challengeOf = async (verifier: string): Promise<string> =>
  base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));

/** The hosted UI's authorize address for this attempt. */
export const authorizeUrl = (sign: CognitoSignIn, attempt: { state: string; challenge: string }): string => {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: sign.clientId,
    redirect_uri: sign.redirectUri,
    scope: SCOPES,
    state: attempt.state,
    code_challenge: attempt.challenge,
    code_challenge_method: "S256",
  });
  return `${sign.domain}/oauth2/authorize?${query}`;
};

/** The token request exchanging the returned code, proven by the verifier (a public client: no secret). */
export const tokenRequest = (
  sign: CognitoSignIn,
  code: string,
  verifier: string,
): { url: string; body: string; headers: Record<string, string> } => ({
  url: `${sign.domain}/oauth2/token`,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    grant_type: "authorization_code",
    client_id: sign.clientId,
    code,
    redirect_uri: sign.redirectUri,
    code_verifier: verifier,
  }).toString(),
});

/**
 * The token request renewing a session with the refresh token the code bought (no secret, as above;
 * no redirect_uri or verifier: those prove a code, not a refresh token).
 */
export const refreshRequest = (
  sign: CognitoSignIn,
  refreshToken: string,
): { url: string; body: string; headers: Record<string, string> } => ({
  url: `${sign.domain}/oauth2/token`,
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    grant_type: "refresh_token",
    client_id: sign.clientId,
    refresh_token: refreshToken,
  }).toString(),
});

/** Signing out of the hosted UI too, back to the dashboard. */
export const logoutUrl = (sign: CognitoSignIn): string =>
  `${sign.domain}/logout?${new URLSearchParams({ client_id: sign.clientId, logout_uri: sign.redirectUri })}`;

export type Return = { kind: "none" } | { kind: "code"; code: string } | { kind: "refused"; reason: string };

/**
 * What the address Cognito sent the browser back to says: nothing to do, a code to exchange, or a
 * refusal (Cognito's error, or a state that is not the one this tab sent: a forged return).
 */
export const readReturn = (search: string, expectedState: string | null): Return => {
  const query = new URLSearchParams(search);
  const code = query.get("code");
  const error = query.get("error");
  if (!code && !error) return { kind: "none" };
  if (!expectedState || query.get("state") !== expectedState)
    return { kind: "refused", reason: "state mismatch" };
  if (error) return { kind: "refused", reason: query.get("error_description") || error };
  return code ? { kind: "code", code } : { kind: "none" };
};

/** The claims of a JWT (not verified here: the API verifies every token it is sent). */
export const claimsOf = (token: string): Record<string, unknown> => {
  const payload = token.split(".")[1];
  if (!payload) throw new Error("Not a JWT");
  const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  const claims: unknown = JSON.parse(json);
  if (typeof claims !== "object" || claims === null) throw new Error("Not a JWT");
  return claims as Record<string, unknown>;
};

/** The dashboard shows one role: the broadest the person holds. */
const PREFERENCE: readonly Role[] = ["cco", "executive", "bu-head"];

/**
 * The role and units a token grants, read with the API's own claim rules (`#http/principal`):
 * `roles` or `cognito:groups`, and `businessUnitIds` (or `custom:businessUnitIds`). Null when it
 * grants no dashboard role (an `ingest` client, or no group yet).
 */
export const grantOf = (token: string): { role: Role; units: string[] } | null => {
  const principal = principalFromClaims(claimsOf(token));
  const role = PREFERENCE.find((r) => principal.roles.includes(r));
  return role ? { role, units: role === "bu-head" ? principal.businessUnitIds : [] } : null;
};
