/**
 * A small JSON client for the Strawberry HTTP API (Node's global `fetch`): bearer token, JSON
 * bodies, and every failure as an `ApiError` — HTTP errors with the server's
 * `{"error":{"code","message","details"?}}`, and network failures with `status` 0.
 */
import type { Role } from "#schemas/common";

export interface ApiErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached or did not answer in time. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetail[],
    /** From a `Retry-After` header, when the server sent one. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
  }

  /** True for failures worth retrying: network errors, timeouts, 429 and 5xx. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface ApiClientOptions {
  /** e.g. `http://127.0.0.1:3000` (a trailing slash is fine). */
  baseUrl: string;
  token?: string;
  /** Per request. @default 60000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** An already serialized JSON body (sent as is). */
  bodyText?: string;
  timeoutMs?: number;
  /** Send no `Authorization` header even when the client has a token. */
  anonymous?: boolean;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseDetails(v: unknown): ApiErrorDetail[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isObject).map((d) => ({ path: String(d.path ?? ""), message: String(d.message ?? "") }));
}

/** Builds the `ApiError` for a non-2xx answer from its body (JSON error body or plain text). */
export function errorFromResponse(
  status: number,
  statusText: string,
  text: string,
  retryAfter?: number,
): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isObject(body) && isObject(body.error)) {
    const e = body.error;
    return new ApiError(
      status,
      typeof e.code === "string" ? e.code : `http_${status}`,
      typeof e.message === "string" ? e.message : statusText || `HTTP ${status}`,
      parseDetails(e.details),
      retryAfter,
    );
  }
  const snippet = text.trim().slice(0, 200);
  const message = [`HTTP ${status}${statusText ? ` ${statusText}` : ""}`, snippet].filter(Boolean).join(": ");
  return new ApiError(status, `http_${status}`, message, undefined, retryAfter);
}

/** A readable reason for a failed `fetch` (e.g. `ECONNREFUSED`), looking through `cause`. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return code;
  if (cause instanceof Error && cause.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

export class ApiClient {
  readonly baseUrl: string;
  token: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.token !== undefined && !options.anonymous) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined = options.bodyText;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] = "application/json";
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;

    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (err) {
      const timedOut = (err as Error).name === "TimeoutError";
      throw new ApiError(
        0,
        timedOut ? "timeout" : "network_error",
        timedOut
          ? `${method} ${url} got no answer within ${timeoutMs} ms`
          : `Cannot reach ${url} (${networkReason(err)})`,
        undefined,
        undefined,
        { cause: err },
      );
    }
    if (!response.ok)
      throw errorFromResponse(
        response.status,
        response.statusText,
        text,
        parseRetryAfter(response.headers.get("retry-after")),
      );
    if (text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, "bad_response", `${method} ${url} answered with invalid JSON`);
    }
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  put<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.request<T>("PUT", path, { body });
  }

  post<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.request<T>("POST", path, { body });
  }
}

/**
 * An `ApiError` in words: `The API answered 400 bad_request: …` (with `hint` on the next line, if
 * given) and the field errors one a line; for a network failure, just its message.
 */
export function describeApiError(err: ApiError, hint?: string): string {
  if (err.status === 0) return err.message;
  const details = err.details?.length
    ? `\n${err.details.map((d) => `  ${d.path ? `${d.path}: ` : ""}${d.message}`).join("\n")}`
    : "";
  return `The API answered ${err.status} ${err.code}: ${err.message}${hint === undefined ? "" : `\n${hint}`}${details}`;
}

/** Local mode only: asks `POST /v1/dev/token` for a token with the given role. */
export async function requestDevToken(
  client: ApiClient,
  role: Role = "cco",
  businessUnitIds?: string[],
): Promise<string> {
  const answer = await client.request<unknown>("POST", "/v1/dev/token", {
    body: businessUnitIds === undefined ? { role } : { role, businessUnitIds },
    anonymous: true,
  });
  if (!isObject(answer) || typeof answer.token !== "string" || answer.token === "")
    throw new ApiError(200, "bad_response", "POST /v1/dev/token answered without a token");
  return answer.token;
}
