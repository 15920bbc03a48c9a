/** Calls to the API with the signed-in user's token; errors carry the API's message. */
import type { ErrorBody, FieldError } from "#schemas/error";
import type { Renewal } from "./auth-refresh";
import { token } from "./state";

export class ApiError extends Error {
  public constructor(
    message: string,
    public readonly status: number,
    /** The fields the API named as wrong (a 400's `details`), to show beside each field. */
    public readonly details: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

/** The company session ended (its renewal was refused): the landing page says so, not each read. */
export class SessionEndedError extends ApiError {
  public constructor() {
    super("Session ended", 401);
  }
}

/** Where the API is: this origin locally; deployed, config.json names it (set by auth.ts at start). */
let apiBase: Promise<string> = Promise.resolve("");
export const setApiBase = (base: Promise<string>): void => {
  apiBase = base;
};

/**
 * Deployed, a company session renews its token before a call that would carry an expired one, and
 * once after a 401 (auth.ts sets this); locally the dev token is sent as it is.
 */
let renewal: Renewal | null = null;
export const setRenewal = (keeper: Renewal): void => {
  renewal = keeper;
};

export const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  const base = await apiBase;
  const send = (bearer: string | null) =>
    fetch(`${base}${path}`, {
      method: init.method ?? "GET",
      headers: {
        "content-type": "application/json",
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  if (renewal && !(await renewal.beforeCall())) throw new SessionEndedError();
  const sent = token.value;
  let response = await send(sent);
  if (response.status === 401 && renewal) {
    if (await renewal.afterUnauthorized(sent)) response = await send(token.value);
    // Refused renewal: signed out. Without a refresh token (a local dev token) the 401 is the answer.
    else if (!token.value) throw new SessionEndedError();
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (body as Partial<ErrorBody>)?.error;
    throw new ApiError(error?.message ?? response.statusText, response.status, error?.details ?? []);
  }
  return body as T;
};
