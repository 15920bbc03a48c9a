/**
 * Turns a Node request into the event API Gateway's HTTP API (payload 2.0) hands a Lambda, so the
 * local runtime runs the very handlers that are deployed, with the same shapes.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ApiEvent } from "#http/request";

/** Claims as API Gateway's JWT authorizer hands them over: lists flattened to `"[a b]"`. */
export const gatewayClaims = (claims: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(claims).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(" ")}]` : typeof v === "string" ? v : String(v),
    ]),
  );

export interface GatewayRequest {
  req: IncomingMessage;
  url: URL;
  routeKey: string;
  pathParameters: Record<string, string>;
  claims?: Record<string, unknown>;
  body: Buffer;
}

export const gatewayEvent = ({
  req,
  url,
  routeKey,
  pathParameters,
  claims,
  body,
}: GatewayRequest): ApiEvent => {
  // API Gateway joins repeated query parameters with commas.
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const headers: Record<string, string> = { "x-forwarded-proto": "http" };
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(",") : v;
  const now = new Date();
  const method = req.method ?? "GET";
  return {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "local",
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey,
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims: gatewayClaims(claims), scopes: [] } } } : {}),
    },
    ...(body.length ? { body: body.toString("utf8") } : {}),
    isBase64Encoded: false,
  } as ApiEvent;
};
