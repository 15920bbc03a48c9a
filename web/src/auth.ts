/**
 * Company sign-in when deployed: config.json names Cognito's hosted UI, and the dashboard signs in
 * with the authorization code grant and PKCE (auth-flow.ts). Locally there is no config.json (404)
 * and the landing page offers the dev role picker instead. The verifier and state live in this
 * tab's sessionStorage only until the return; the access token in memory and sessionStorage (the
 * `token` signal), never in the address: `?code=` is removed from it before anything else. The
 * refresh token bought with it renews the access token before its hour is up (auth-refresh.ts).
 */
import { effect, signal } from "@preact/signals";
import { setApiBase, setRenewal } from "./api";
import {
  authorizeUrl,
  type CognitoSignIn,
  challengeOf,
  cognitoFrom,
  grantOf,
  logoutUrl,
  randomToken,
  readReturn,
  refreshRequest,
  tokenRequest,
} from "./auth-flow";
import { createRenewal } from "./auth-refresh";
import { forgetReference, loadReference, signOut } from "./data";
import { role, status, token, units } from "./state";

const VERIFIER = "pkce-verifier";
const STATE = "pkce-state";
/** Marks a session signed in through Cognito, so that signing out also leaves the hosted UI. */
const VIA_COGNITO = "signed-in-via-cognito";
/**
 * The refresh token, beside the access token in this tab's sessionStorage, never in localStorage: it
 * lasts days (infra/constructs/sign-in.ts), and localStorage would hand it to every tab of the origin
 * and keep it after the browser closes, a session outliving the one the person signed in to (and
 * left on a shared computer). A tab's storage ends with the tab; a reload keeps it.
 */
const REFRESH = "refresh-token";
/** How long a refresh may take before the session is given up rather than every call left waiting. */
const REFRESH_TIMEOUT_MS = 20_000;

/** undefined while config.json is being read; null when it names no hosted UI (local). */
export const companySignIn = signal<CognitoSignIn | null | undefined>(undefined);
/** Signing in after the return from the hosted UI (the landing page says so). */
export const completing = signal(false);
/** The session ended because its token could not be renewed (the landing page says so). */
export const sessionEnded = signal(false);

const readConfig = async (): Promise<CognitoSignIn | null> => {
  try {
    const response = await fetch("/config.json", { cache: "no-cache" });
    return response.ok ? cognitoFrom(await response.json()) : null;
  } catch {
    return null;
  }
};

const config = readConfig().then((read) => {
  companySignIn.value = read;
  return read;
});
// Deployed, the API is on its own origin; every call waits until config.json has said which.
setApiBase(config.then((read) => read?.apiUrl ?? ""));

const session = {
  get: (key: string) => {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      // Storage refused: this sign-in attempt cannot survive the redirect; the return is refused.
    }
  },
};

// In memory too, as the access token is: storage refused still renews this page's session.
let refreshToken = session.get(REFRESH);
const keepRefreshToken = (value: string | null) => {
  refreshToken = value;
  session.set(REFRESH, value);
};

/** Goes to the hosted UI with a fresh verifier's challenge and a fresh state. */
export const startCompanySignIn = async (): Promise<void> => {
  const sign = await config;
  if (!sign) return;
  const verifier = randomToken();
  const state = randomToken();
  session.set(VERIFIER, verifier);
  session.set(STATE, state);
  location.assign(authorizeUrl(sign, { state, challenge: await challengeOf(verifier) }));
};

const failed = (reason: string) => {
  status.value = { key: "homeSignInFailed", vars: { message: reason } };
};

/** On the return from the hosted UI: checks the state, exchanges the code, takes the token's grant. */
const completeSignIn = async (): Promise<void> => {
  const returned = readReturn(location.search, session.get(STATE));
  if (returned.kind === "none") return;
  // The code (or error) never stays in the address, nor in the history.
  history.replaceState(null, "", `${location.pathname}${location.hash}`);
  const verifier = session.get(VERIFIER);
  session.set(VERIFIER, null);
  session.set(STATE, null);
  if (returned.kind === "refused") return failed(returned.reason);
  const sign = await config;
  if (!sign || !verifier) return failed("state mismatch");
  completing.value = true;
  try {
    const request = tokenRequest(sign, returned.code, verifier);
    const response = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    const answer = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      refresh_token?: string;
      error?: string;
    };
    if (!response.ok || !answer.access_token) return failed(answer.error ?? response.statusText);
    const grant = grantOf(answer.access_token);
    if (!grant) return failed("no dashboard role");
    forgetReference();
    session.set(VIA_COGNITO, "1");
    // Before the token: the first calls it starts may already need to renew it.
    keepRefreshToken(answer.refresh_token ?? null);
    sessionEnded.value = false;
    token.value = answer.access_token;
    role.value = grant.role;
    units.value = grant.units;
    status.value = null;
    await loadReference();
  } catch (error) {
    failed(error instanceof Error ? error.message : String(error));
  } finally {
    completing.value = false;
  }
};

void completeSignIn();

const sameUnits = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((unit, i) => unit === b[i]);

setRenewal(
  createRenewal({
    read: () => {
      const access = token.peek();
      return access && refreshToken ? { access, refresh: refreshToken } : null;
    },
    exchange: async (refresh) => {
      const sign = await config;
      if (!sign) throw new Error("no hosted UI");
      const request = refreshRequest(sign, refresh);
      const response = await fetch(request.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
      });
      return { status: response.status, body: await response.json().catch(() => ({})) };
    },
    save: ({ tokens, grant }) => {
      keepRefreshToken(tokens.refresh);
      token.value = tokens.access;
      role.value = grant.role;
      // A new list would re-read every page that follows the units; only a real change should.
      if (!sameUnits(units.peek(), grant.units)) units.value = grant.units;
    },
    // Signed out here, without the hosted UI's logout: its page may be as unreachable as the token
    // endpoint just was, and the person should land on the landing page that says what happened.
    end: () => {
      session.set(VIA_COGNITO, null);
      keepRefreshToken(null);
      sessionEnded.value = true;
      signOut();
    },
    now: () => Date.now(),
  }),
);

// Signing out of a Cognito session (the header's button, or a 401) also ends the hosted UI's.
let signedIn = token.peek() !== null;
effect(() => {
  const now = token.value !== null;
  if (!now) keepRefreshToken(null);
  if (signedIn && !now && session.get(VIA_COGNITO)) {
    session.set(VIA_COGNITO, null);
    void config.then((sign) => {
      if (sign) location.assign(logoutUrl(sign));
    });
  }
  signedIn = now;
});
