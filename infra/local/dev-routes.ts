/**
 * Local-only routes, never deployed: `POST /v1/dev/token` mints a dev token for any role (there is
 * no sign-in locally), and `POST /v1/dev/events` puts events on the in-process bus as channels put
 * them on EventBridge. They answer errors in the contract's shape, through the same error policy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorize } from "#core/authorize";
import { errorAnswer, HttpError } from "#http/errors";
import { principalFromClaims } from "#http/principal";
import { parseJsonBody, parseWith } from "#http/request";
import { DevTokenRequest } from "#schemas/auth";
import { DevEventsRequest } from "#schemas/events";
import type { LocalEventBus } from "./event-bus";
import { signDevToken } from "./jwt";

export interface DevRouteContext {
  devTokenKey: string;
  bus: LocalEventBus;
  /** The verified claims of the request's bearer token, or the reason there are none. */
  authenticate(req: IncomingMessage): Promise<Record<string, unknown> | Error>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(JSON.stringify(body));
};

const routes: Record<string, (req: IncomingMessage, body: Buffer, ctx: DevRouteContext) => Promise<unknown>> =
  {
    "POST /v1/dev/token": async (req, body, ctx) => {
      const raw = body.length === 0 ? Buffer.from("{}") : body;
      const {
        role,
        businessUnitIds = [],
        sub,
      } = parseWith(DevTokenRequest, parseJsonBody(req.headers["content-type"], raw), "request body");
      const token = await signDevToken(
        { sub: sub ?? `dev-${role}`, roles: [role], businessUnitIds },
        ctx.devTokenKey,
      );
      return { token };
    },
    "POST /v1/dev/events": async (req, body, ctx) => {
      const claims = await ctx.authenticate(req);
      if (claims instanceof Error) throw new HttpError("unauthorized", claims.message);
      const decision = authorize(principalFromClaims(claims), "events.put");
      if (!decision.allowed) throw new HttpError("forbidden", decision.message);
      const { entries } = parseWith(
        DevEventsRequest,
        parseJsonBody(req.headers["content-type"], body),
        "events",
      );
      return ctx.bus.putEvents(entries);
    },
  };

/** Answers a dev route; false when `method path` is not one. */
export const handleDevRoute = async (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
  ctx: DevRouteContext,
): Promise<boolean> => {
  const route = routes[`${req.method} ${path}`];
  if (!route) return false;
  try {
    send(res, 200, await route(req, body, ctx));
  } catch (error) {
    const { status, body: answer } = errorAnswer(error);
    if (status === 500) console.error("Local dev route failed:", error);
    send(res, status, answer);
  }
  return true;
};
