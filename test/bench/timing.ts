/** What the benches share: percentiles of timed samples, and calls to a local runtime's API. */

export interface Timings {
  n: number;
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

export const timings = (samples: number[]): Timings => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

/** Runs `work`, adds its time in ms to `samples`, and answers what it answered. */
export const timed = async <T>(samples: number[], work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
};

/** HTTP calls to a runtime at `url`: `send` answers status and text, `call` throws on a non-2xx. */
export const httpOf = (url: string) => {
  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, text: await response.text() };
  };
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const { status, text } = await send(method, path, body, token);
    if (status >= 300) throw new Error(`${method} ${path}: ${status} ${text.slice(0, 500)}`);
    return text;
  };
  const token = async (role: string) =>
    JSON.parse(await call("POST", "/v1/dev/token", { role })).token as string;
  return { send, call, token };
};
