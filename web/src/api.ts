/** Calls to the API on this origin with the signed-in user's token; errors carry the API's message. */
import type { ErrorBody, FieldError } from "#schemas/error";
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

/** Where the API is: this origin locally; deployed, config.json names it (set by auth.ts at start). */
let apiBase: Promise<string> = Promise.resolve("");
export const setApiBase = (base: Promise<string>): void => {
  apiBase = base;
};

export const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  const response = await fetch(`${await apiBase}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      ...(token.value ? { authorization: `Bearer ${token.value}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (body as Partial<ErrorBody>)?.error;
    throw new ApiError(error?.message ?? response.statusText, response.status, error?.details ?? []);
  }
  return body as T;
};
