/**
 * One port for everything, as in AWS behind API Gateway and CloudFront: the routes of the route
 * table run their handlers with API Gateway's payload 2.0 events (the JWT verified here the way the
 * JWT authorizer does it), the local-only dev routes, and the dashboard built into `web/dist/`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { routeKeyOf } from "#http/route";
import { ROUTES, type Route } from "#routes/index";
import { handleDevRoute } from "./dev-routes";
import type { LocalEventBus } from "./event-bus";
import { invoke } from "./functions";
import { gatewayEvent } from "./gateway-event";
import { InvalidTokenError, verifyDevToken } from "./jwt";
import { serveStatic } from "./static-files";

/** API Gateway HTTP API's own payload limit; handlers enforce the contract's 1 MiB. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compile = (route: Route): CompiledRoute => {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{(\w+)\}/g, (_match: string, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
};

const COMPILED = ROUTES.map(compile);

/** The route a request is for, with its path parameters (decoded as API Gateway decodes them). */
export const matchRoute = (
  method: string,
  path: string,
): { route: Route; pathParameters: Record<string, string> } | undefined => {
  for (const { route, pattern, names } of COMPILED) {
    if (route.method !== method) continue;
    const m = pattern.exec(path);
    if (!m) continue;
    return {
      route,
      pathParameters: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? "")])),
    };
  }
  return undefined;
};

const sendError = (res: ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(JSON.stringify({ error: { code, message } }));
};

const readBody = (req: IncomingMessage): Promise<Buffer | "too-large"> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY) {
        done("too-large");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => done(Buffer.concat(chunks)));
    req.on("error", fail);
  });

/**
 * Node destroys a kept-alive socket when its idle timer fires, but timers run before the loop reads
 * sockets: after the process was stalled past `keepAliveTimeout` (a busy machine, a test's
 * synchronous work in this same process), the overdue timer fired on a socket whose next request
 * was already waiting unread, and destroying it answered that request with a TCP reset
 * (ECONNRESET). The socket is closed only if no byte came in once pending reads are done.
 */
const closeUnlessRequestArrived = (socket: Socket) => {
  const before = socket.bytesRead;
  setImmediate(() => {
    if (socket.bytesRead === before) socket.destroy();
  });
};

export interface LocalServerOptions {
  devTokenKey: string;
  bus: LocalEventBus;
}

export const createLocalServer = ({ devTokenKey, bus }: LocalServerOptions): Server => {
  const authenticate = async (req: IncomingMessage): Promise<Record<string, unknown> | InvalidTokenError> => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    if (!match?.[1]) return new InvalidTokenError("Missing bearer token");
    try {
      return await verifyDevToken(match[1], devTokenKey);
    } catch (error) {
      return error instanceof InvalidTokenError ? error : new InvalidTokenError("Invalid token");
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? "/";
    let url: URL;
    try {
      // An origin-form target (`/a`, even `//a`) is a path on this host, never another host.
      url = target.startsWith("/") ? new URL(`http://localhost${target}`) : new URL(target);
    } catch {
      return sendError(res, 400, "bad_request", "Malformed request target");
    }
    const path = url.pathname;
    try {
      decodeURIComponent(path);
    } catch {
      return sendError(res, 400, "bad_request", "Malformed percent-encoding in the path");
    }
    const method = req.method ?? "GET";
    if (!path.startsWith("/v1/")) {
      if (method === "GET" || method === "HEAD") return serveStatic(req, res, path);
      return sendError(res, 404, "not_found", "Not found");
    }
    const body = await readBody(req);
    if (body === "too-large") return sendError(res, 413, "payload_too_large", "Request body too large");
    if (await handleDevRoute(req, res, path, body, { devTokenKey, bus, authenticate })) return;

    const matched = matchRoute(method, path);
    if (!matched) return sendError(res, 404, "not_found", `No route ${method} ${path}`);
    const { route, pathParameters } = matched;
    let claims: Record<string, unknown> | undefined;
    if (route.access !== "public") {
      const verified = await authenticate(req);
      if (verified instanceof Error) return sendError(res, 401, "unauthorized", verified.message);
      claims = verified;
    }
    const event = gatewayEvent({
      req,
      url,
      routeKey: routeKeyOf(route),
      pathParameters,
      body,
      ...(claims ? { claims } : {}),
    });
    const result = (await invoke(route.fn.name, event)) as {
      statusCode?: number;
      headers?: Record<string, string>;
      body?: string;
    };
    res.writeHead(result.statusCode ?? 200, result.headers ?? {});
    res.end(result.body ?? "");
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("Local runtime error:", error);
      if (!res.headersSent) sendError(res, 500, "internal", "Internal error");
      else res.end();
    });
  });
  server.on("timeout", closeUnlessRequestArrived);
  return server;
};
