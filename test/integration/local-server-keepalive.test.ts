/**
 * Kept-alive connections to the local runtime. The runtime shares its process with the tests (and
 * the bench), so a stretch of synchronous work there — the authorization seed built its signals for
 * 12 s on a loaded machine — stalls the server's keep-alive timer along with the client: the next
 * request went out on the kept-alive socket and the overdue timer reset it (ECONNRESET).
 */
import { Agent, type IncomingHttpHeaders, request } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, signal } from "./fixtures";
import { apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let cco: string;
let ingest: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  const api = apiOf(runtime);
  cco = await api.token("cco");
  ingest = await api.token("ingest");
});
afterAll(async () => runtime?.stop());

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
  socket: Socket;
}

/** One request through `agent`, which with `maxSockets: 1` sends every request on the same socket while it lives. */
const send = (agent: Agent, method: string, path: string, token: string, body?: unknown): Promise<Answer> =>
  new Promise((done, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(new URL(path, runtime.url), {
      method,
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload === undefined
          ? {}
          : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("end", () =>
        done({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          reusedSocket: req.reusedSocket,
          socket: req.socket as Socket,
        }),
      );
    });
    req.on("error", fail);
    req.end(payload);
  });

/** The idle time after which the server says it closes a kept-alive connection (`Keep-Alive: timeout=5`). */
const keepAliveMs = (answer: Answer) => {
  const seconds = /timeout=(\d+)/.exec(String(answer.headers["keep-alive"] ?? ""))?.[1];
  expect(seconds, "the server advertises its keep-alive timeout").toBeDefined();
  return Number(seconds) * 1000;
};

/** Blocks this thread as a busy machine or a long synchronous loop does, without spending CPU. */
const stall = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** About 25 KB of signals, the size of the authorization seed's batch. */
const batch = (prefix: string) =>
  Array.from({ length: 160 }, (_, i) => signal({ signalId: `${prefix}-${i}`, verbatim: `Works fine ${i}` }));

describe("a kept-alive connection to the local runtime", () => {
  it("answers a 25 KB POST sent on it after the process stalled past the keep-alive timeout", async () => {
    // Prepare
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const put = await send(agent, "PUT", "/v1/catalog", cco, catalog);
    expect(put.status).toBe(200);
    const signals = batch("ka-stall");
    expect(JSON.stringify({ signals }).length).toBeGreaterThan(20_000);

    // Act
    stall(keepAliveMs(put) + 1_000);
    const post = await send(agent, "POST", "/v1/signals", ingest, { signals });
    agent.destroy();

    // Assess
    expect(post.reusedSocket, "the POST went out on the PUT's kept-alive socket").toBe(true);
    expect(post.status, post.body).toBe(200);
    expect(JSON.parse(post.body)).toMatchObject({ accepted: 160, rejected: [] });
  });

  it("is still closed by the server once idle past the keep-alive timeout", async () => {
    // Prepare
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const put = await send(agent, "PUT", "/v1/catalog", cco, catalog);
    const closed = new Promise<void>((done) => put.socket.once("close", () => done()));

    // Act
    const waited = await Promise.race([
      closed.then(() => "closed"),
      new Promise((done) => setTimeout(() => done("still open"), keepAliveMs(put) + 3_000)),
    ]);
    agent.destroy();

    // Assess
    expect(waited).toBe("closed");
  });
});
