/**
 * Keeping a company session past its access token's hour with the refresh token Cognito gave with
 * it: when a token needs renewing, what an answer of the token endpoint replaces, and the one renewal
 * that calls made together wait on. No DOM, no storage, no fetch (auth.ts supplies those), so that
 * test/unit/web/auth-refresh.test.ts runs it in Node.
 */
import type { Role } from "#schemas/common";
import { claimsOf, grantOf } from "./auth-flow";

/**
 * Renew this long before the expiry: a call's token must still be valid when the API reads it, after
 * the network and a clock that may be a little off the API's.
 */
export const REFRESH_MARGIN_MS = 60_000;

export interface Tokens {
  /** The access token the API is sent. */
  access: string;
  refresh: string;
}

export type Renewed =
  | { kind: "renewed"; tokens: Tokens; grant: { role: Role; units: string[] } }
  | { kind: "refused"; reason: string };

/**
 * Whether `token` has expired or will within the margin. A token whose expiry cannot be read is left
 * alone: the API's 401 for it still renews it (`afterUnauthorized`).
 */
export const needsRefresh = (token: string, now: number, margin = REFRESH_MARGIN_MS): boolean => {
  let exp: unknown;
  try {
    exp = claimsOf(token).exp;
  } catch {
    return false;
  }
  return typeof exp === "number" && exp * 1000 - margin <= now;
};

/**
 * What the token endpoint's answer to a refresh makes of the session: a new access token (and the
 * role and units it grants now: groups may have changed since sign-in) with the refresh token kept,
 * as Cognito sends a new one only when rotation is on; or the reason it is refused.
 */
export const renewedFrom = (current: Tokens, status: number, answer: unknown): Renewed => {
  const body = (typeof answer === "object" && answer !== null ? answer : {}) as Record<string, unknown>;
  if (status < 200 || status > 299)
    return { kind: "refused", reason: typeof body.error === "string" ? body.error : `HTTP ${status}` };
  if (typeof body.access_token !== "string" || !body.access_token)
    return { kind: "refused", reason: "no access token" };
  const grant = grantOf(body.access_token);
  if (!grant) return { kind: "refused", reason: "no dashboard role" };
  const refresh =
    typeof body.refresh_token === "string" && body.refresh_token ? body.refresh_token : current.refresh;
  return { kind: "renewed", tokens: { access: body.access_token, refresh }, grant };
};

export interface RenewalDeps {
  /** The session's tokens; null without a refresh token (signed out, or the local dev token). */
  read(): Tokens | null;
  /** Posts the refresh request; rejects when the token endpoint cannot be reached. */
  exchange(refreshToken: string): Promise<{ status: number; body: unknown }>;
  save(renewed: Extract<Renewed, { kind: "renewed" }>): void;
  /** Ends the session: the refresh token is refused or the endpoint unreachable. */
  end(reason: string): void;
  now(): number;
}

export interface Renewal {
  /** Before a call: renews an expiring token first; false when that ended the session (do not send). */
  beforeCall(): Promise<boolean>;
  /** After a 401 for the token `sent`: true when there is a newer token to retry with, once. */
  afterUnauthorized(sent: string | null): Promise<boolean>;
}

export const createRenewal = (deps: RenewalDeps): Renewal => {
  // A refresh token may be spent by one request at a time (with rotation, a second would be refused
  // as a replay), and a page's calls come together: they all wait on this one.
  let inFlight: Promise<boolean> | null = null;
  const renew = (current: Tokens): Promise<boolean> => {
    inFlight ??= (async () => {
      let renewed: Renewed;
      try {
        const answer = await deps.exchange(current.refresh);
        renewed = renewedFrom(current, answer.status, answer.body);
      } catch (error) {
        renewed = { kind: "refused", reason: error instanceof Error ? error.message : String(error) };
      }
      if (renewed.kind === "refused") {
        deps.end(renewed.reason);
        return false;
      }
      deps.save(renewed);
      return true;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  return {
    beforeCall: async () => {
      if (inFlight) return inFlight;
      const current = deps.read();
      return current && needsRefresh(current.access, deps.now()) ? renew(current) : true;
    },
    afterUnauthorized: async (sent) => {
      if (inFlight) return inFlight;
      const current = deps.read();
      if (!current) return false;
      // Another call renewed the token while this one was out: retry with it, no second refresh.
      return current.access === sent ? renew(current) : true;
    },
  };
};
