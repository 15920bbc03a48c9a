/** Calls to the API on this origin with the signed-in user's token; errors carry the API's message. */
import type { ErrorBody } from "#schemas/error";
import { token } from "./state";

export class ApiError extends Error {
  public constructor(
    message: string,
    public readonly status: number,
  ) {
    super(message);
  }
}

export const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      ...(token.value ? { authorization: `Bearer ${token.value}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new ApiError((body as Partial<ErrorBody>)?.error?.message ?? response.statusText, response.status);
  return body as T;
};
