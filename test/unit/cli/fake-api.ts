/**
 * A tiny stand-in for the Strawberry API (DESIGN §4) on 127.0.0.1, enough for the CLI tests:
 * `POST /v1/dev/token`, `PUT /v1/catalog`, `POST /v1/signals` (validation with the real schema,
 * dedupe by signalId, quarantine of unknown product lines, 413 above 1 MiB), `POST /v1/reviews` and
 * `GET /v1/policy/versions/{v}` (canned answers) and the error body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Signal } from "#schemas/signal";

export interface FakeApiOptions {
  /** Answer the first N `POST /v1/signals` with this status (e.g. 503) before behaving. */
  failFirst?: { count: number; status: number; retryAfter?: string };
  /** Product lines known to the catalog; others are quarantined. Default: any id not starting with `pl-unlisted`. */
  knows?: (productLineId: string) => boolean;
  /** Disable `POST /v1/dev/token` (a non-local API). */
  noDevToken?: boolean;
  /** What `POST /v1/reviews` answers: a body (200), or an error. Default: 404, no such route. */
  review?:
    | { body: unknown }
    | { status: number; error: { code: string; message: string; details?: unknown } };
  /** Policy versions `GET /v1/policy/versions/{v}` knows (others are 404). */
  policies?: Record<number, unknown>;
}

export interface FakeApi {
  url: string;
  /** Sizes of the `signals` arrays of the batches that were answered 200. */
  batchSizes: number[];
  /** Every `POST /v1/signals` attempt, including failed ones. */
  signalRequests: number;
  maxConcurrent: number;
  stored: Map<string, unknown>;
  /** The signals of each batch answered 200, in the order they were sent. */
  batches: unknown[][];
  catalogs: unknown[];
  /** The bodies of `POST /v1/reviews`, parsed. */
  reviewRequests: unknown[];
  authHeaders: (string | undefined)[];
  close(): Promise<void>;
}

const TOKEN = "fake-dev-token";
const ONE_MIB = 1024 * 1024;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
) {
  send(res, status, { error: { code, message } }, headers);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const knows = options.knows ?? ((id: string) => !id.startsWith("pl-unlisted"));
  let failuresLeft = options.failFirst?.count ?? 0;
  let concurrent = 0;
  const api: Omit<FakeApi, "url" | "close"> = {
    batchSizes: [],
    signalRequests: 0,
    maxConcurrent: 0,
    stored: new Map(),
    batches: [],
    catalogs: [],
    reviewRequests: [],
    authHeaders: [],
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const route = `${req.method} ${req.url}`;
    if (route === "POST /v1/dev/token") {
      if (options.noDevToken) return error(res, 404, "not_found", "No route POST /v1/dev/token");
      return send(res, 200, { token: TOKEN });
    }
    api.authHeaders.push(req.headers.authorization);
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return error(res, 401, "unauthorized", "Bad or missing token");
    if (route === "PUT /v1/catalog") {
      api.catalogs.push(JSON.parse(body.toString("utf8")));
      return send(res, 200, { ok: true });
    }
    if (route === "POST /v1/reviews" && options.review) {
      api.reviewRequests.push(JSON.parse(body.toString("utf8")));
      const answer = options.review;
      return "body" in answer
        ? send(res, 200, answer.body)
        : send(res, answer.status, { error: answer.error });
    }
    const version = route.match(/^GET \/v1\/policy\/versions\/(\d+)$/)?.[1];
    if (version !== undefined) {
      const policy = options.policies?.[Number(version)];
      return policy === undefined
        ? error(res, 404, "not_found", `No policy version ${version}`)
        : send(res, 200, policy);
    }
    if (route !== "POST /v1/signals") return error(res, 404, "not_found", `No route ${route}`);

    api.signalRequests++;
    concurrent++;
    api.maxConcurrent = Math.max(api.maxConcurrent, concurrent);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failuresLeft > 0 && options.failFirst) {
        failuresLeft--;
        const headers: Record<string, string> = options.failFirst.retryAfter
          ? { "retry-after": options.failFirst.retryAfter }
          : {};
        return error(res, options.failFirst.status, "internal", "Try again later", headers);
      }
      if (body.length > ONE_MIB) return error(res, 413, "payload_too_large", "Body larger than 1 MiB");
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return error(res, 400, "bad_request", "Malformed JSON");
      }
      const signals = (parsed as { signals?: unknown }).signals;
      if (!Array.isArray(signals) || signals.length < 1 || signals.length > 500)
        return error(res, 400, "validation_failed", "Expected 1 to 500 signals");
      api.batchSizes.push(signals.length);
      const result = { accepted: 0, duplicates: 0, quarantined: 0, rejected: [] as unknown[] };
      signals.forEach((raw, index) => {
        const check = Signal.safeParse(raw);
        if (!check.success) {
          const signalId = (raw as { signalId?: unknown } | null)?.signalId;
          result.rejected.push({
            index,
            ...(typeof signalId === "string" ? { signalId } : {}),
            errors: check.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          });
          return;
        }
        const s = check.data;
        if (api.stored.has(s.signalId)) result.duplicates++;
        else {
          api.stored.set(s.signalId, s);
          if (knows(s.productLineId)) result.accepted++;
          else result.quarantined++;
        }
      });
      api.batches.push(signals);
      send(res, 200, result);
    } finally {
      concurrent--;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => error(res, 500, "internal", String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  });
}

export const FAKE_TOKEN = TOKEN;
