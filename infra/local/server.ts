/**
 * One port for everything, as in AWS behind API Gateway and CloudFront: the declared routes run
 * the same handlers with API Gateway's payload 2.0 events (JWT verified here the way the JWT
 * authorizer does it), local-only dev routes, and the static dashboard from `web/`.
 */
import { randomUUID } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { DevTokenRequest } from "../../schemas/auth";
import { DevEventsRequest } from "../../schemas/events";
import { ROUTES, type RouteDeclaration } from "../declarations";
import type { LocalEventBus } from "./event-bus";
import { invoke } from "./functions";
import { InvalidTokenError, signDevToken, verifyDevToken } from "./jwt";

const WEB_DIR = resolve(fileURLToPath(import.meta.url), "../../../web");
/** API Gateway HTTP API's own payload limit; handlers enforce the contract's 1 MiB. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

interface CompiledRoute {
  route: RouteDeclaration;
  pattern: RegExp;
  names: string[];
}

const compile = (route: RouteDeclaration): CompiledRoute => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
};

const COMPILED = ROUTES.map(compile);

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
};

const sendError = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, { error: { code, message } });

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

/** Claims as API Gateway's JWT authorizer hands them over: lists flattened to `"[a b]"`. */
const gatewayClaims = (claims: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(claims).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(" ")}]` : typeof v === "string" ? v : String(v),
    ]),
  );

export interface LocalServerOptions {
  devTokenKey: string;
  bus: LocalEventBus;
}

export const createLocalServer = ({ devTokenKey, bus }: LocalServerOptions): Server => {
  const authenticate = (req: IncomingMessage): Record<string, unknown> | InvalidTokenError => {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return new InvalidTokenError("Missing bearer token");
    try {
      return verifyDevToken(match[1], devTokenKey);
    } catch (error) {
      return error instanceof InvalidTokenError ? error : new InvalidTokenError("Invalid token");
    }
  };

  const devRoutes = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    body: Buffer,
  ): Promise<boolean> => {
    if (req.method === "POST" && path === "/v1/dev/token") {
      let parsed: ReturnType<typeof DevTokenRequest.safeParse>;
      try {
        parsed = DevTokenRequest.safeParse(JSON.parse(body.toString("utf8") || "{}"));
      } catch {
        sendError(res, 400, "bad_request", "Malformed JSON");
        return true;
      }
      if (!parsed.success) {
        send(res, 400, {
          error: {
            code: "validation_failed",
            message: "Invalid request",
            details: parsed.error.issues.map((i) => ({
              path: i.path.join(".") || "(root)",
              message: i.message,
            })),
          },
        });
        return true;
      }
      const { role, businessUnitIds = [], sub } = parsed.data;
      const token = signDevToken({ sub: sub ?? `dev-${role}`, roles: [role], businessUnitIds }, devTokenKey);
      send(res, 200, { token });
      return true;
    }
    if (req.method === "POST" && path === "/v1/dev/events") {
      const claims = authenticate(req);
      if (claims instanceof Error) {
        sendError(res, 401, "unauthorized", claims.message);
        return true;
      }
      const roles = Array.isArray(claims.roles) ? claims.roles : [];
      if (!roles.includes("ingest") && !roles.includes("cco")) {
        sendError(res, 403, "forbidden", "This needs one of the roles: ingest, cco");
        return true;
      }
      let parsed: ReturnType<typeof DevEventsRequest.safeParse>;
      try {
        parsed = DevEventsRequest.safeParse(JSON.parse(body.toString("utf8")));
      } catch {
        sendError(res, 400, "bad_request", "Malformed JSON");
        return true;
      }
      if (!parsed.success) {
        send(res, 400, {
          error: {
            code: "validation_failed",
            message: "Invalid events",
            details: parsed.error.issues.map((i) => ({
              path: i.path.join(".") || "(root)",
              message: i.message,
            })),
          },
        });
        return true;
      }
      send(res, 200, await bus.putEvents(parsed.data.entries));
      return true;
    }
    return false;
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const relative = normalize(decodeURIComponent(path === "/" ? "/index.html" : path)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(WEB_DIR, relative);
    if (!file.startsWith(WEB_DIR)) return sendError(res, 404, "not_found", "Not found");
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const content = await readFile(file);
      res.writeHead(200, {
        "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        "x-content-type-options": "nosniff",
        "content-security-policy":
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
        "referrer-policy": "no-referrer",
      });
      res.end(req.method === "HEAD" ? undefined : content);
    } catch {
      sendError(res, 404, "not_found", `Not found: ${path}`);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
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
    if (await devRoutes(req, res, path, body)) return;

    let compiled: CompiledRoute | undefined;
    let params: Record<string, string> = {};
    for (const candidate of COMPILED) {
      if (candidate.route.method !== method) continue;
      const m = candidate.pattern.exec(path);
      if (!m) continue;
      compiled = candidate;
      params = Object.fromEntries(candidate.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? "")]));
      break;
    }
    if (!compiled) return sendError(res, 404, "not_found", `No route ${method} ${path}`);
    const { route } = compiled;

    let authorizer: { jwt: { claims: Record<string, string>; scopes: string[] } } | undefined;
    if (route.access !== "public") {
      const claims = authenticate(req);
      if (claims instanceof Error) return sendError(res, 401, "unauthorized", claims.message);
      authorizer = { jwt: { claims: gatewayClaims(claims), scopes: [] } };
    }

    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
    const now = new Date();
    const event = {
      version: "2.0",
      routeKey: `${route.method} ${route.path}`,
      rawPath: path,
      rawQueryString: url.search.slice(1),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(Object.keys(params).length ? { pathParameters: params } : {}),
      requestContext: {
        accountId: "000000000000",
        apiId: "local",
        domainName: headers.host ?? "localhost",
        domainPrefix: "local",
        http: {
          method,
          path,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
          userAgent: headers["user-agent"] ?? "",
        },
        requestId: randomUUID(),
        routeKey: `${route.method} ${route.path}`,
        stage: "$default",
        time: now.toISOString(),
        timeEpoch: now.getTime(),
        ...(authorizer ? { authorizer } : {}),
      },
      ...(body.length ? { body: body.toString("utf8") } : {}),
      isBase64Encoded: false,
    };
    const result = (await invoke(route.fn, event)) as APIGatewayProxyStructuredResultV2;
    res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
    res.end(result.body ?? "");
  };

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("Local runtime error:", error);
      if (!res.headersSent) sendError(res, 500, "internal", "Internal error");
      else res.end();
    });
  });
};
