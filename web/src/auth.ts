/**
 * Company sign-in when deployed: config.json names Cognito's hosted UI, and the dashboard signs in
 * with the authorization code grant and PKCE (auth-flow.ts). Locally there is no config.json (404)
 * and the landing page offers the dev role picker instead. The verifier and state live in this
 * tab's sessionStorage only until the return; the access token in memory and sessionStorage (the
 * `token` signal), never in the address: `?code=` is removed from it before anything else.
 */
import { effect, signal } from "@preact/signals";
import { setApiBase } from "./api";
import {
  authorizeUrl,
  type CognitoSignIn,
  challengeOf,
  cognitoFrom,
  grantOf,
  logoutUrl,
  randomToken,
  readReturn,
  tokenRequest,
} from "./auth-flow";
import { forgetReference, loadReference } from "./data";
import { role, status, token, units } from "./state";

const VERIFIER = "pkce-verifier";
const STATE = "pkce-state";
/** Marks a session signed in through Cognito, so that signing out also leaves the hosted UI. */
const VIA_COGNITO = "signed-in-via-cognito";

/** undefined while config.json is being read; null when it names no hosted UI (local). */
export const companySignIn = signal<CognitoSignIn | null | undefined>(undefined);
/** Signing in after the return from the hosted UI (the landing page says so). */
export const completing = signal(false);

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
    const answer = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
    if (!response.ok || !answer.access_token) return failed(answer.error ?? response.statusText);
    const grant = grantOf(answer.access_token);
    if (!grant) return failed("no dashboard role");
    forgetReference();
    session.set(VIA_COGNITO, "1");
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

// Signing out of a Cognito session (the header's button, or a 401) also ends the hosted UI's.
let signedIn = token.peek() !== null;
effect(() => {
  const now = token.value !== null;
  if (signedIn && !now && session.get(VIA_COGNITO)) {
    session.set(VIA_COGNITO, null);
    void config.then((sign) => {
      if (sign) location.assign(logoutUrl(sign));
    });
  }
  signedIn = now;
});
