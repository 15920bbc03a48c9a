/**
 * Local-only routes, never deployed: `POST /v1/dev/token` mints a dev token for any role (there is
 * no sign-in locally), and `POST /v1/dev/events` puts events on the in-process bus as channels put
 * them on EventBridge, and `POST /v1/dev/jobs/{id}` runs a schedule's job now (with the schedule's
 * input, or the body's). `GET /v1/dev/units` lists the business units for the dashboard's role
 * picker: no secret here, since any role's token is one POST away locally. They answer errors in the contract's shape, through the same error policy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorize } from "#core/authorize";
import { errorAnswer, HttpError } from "#http/errors";
import { principalFromClaims } from "#http/principal";
import { parseJsonBody, parseWith } from "#http/request";
import { InvalidInputError } from "#lib/handlers";
import { SCHEDULES } from "#platform/schedules";
import { DevTokenRequest } from "#schemas/auth";
import { DevEventsRequest } from "#schemas/events";
import { readCatalog } from "#store/catalog-store";
import type { LocalEventBus } from "./event-bus";
import { invoke } from "./functions";
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
    "GET /v1/dev/units": async () => ({ businessUnits: (await readCatalog()).businessUnits }),
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

const JOB_PATH = "/v1/dev/jobs/";

/** Runs the job of schedule `id` as its schedule would (cco only). */
const runJob = async (req: IncomingMessage, id: string, body: Buffer, ctx: DevRouteContext) => {
  const claims = await ctx.authenticate(req);
  if (claims instanceof Error) throw new HttpError("unauthorized", claims.message);
  const decision = authorize(principalFromClaims(claims), "jobs.run");
  if (!decision.allowed) throw new HttpError("forbidden", decision.message);
  const schedule = SCHEDULES.find((s) => s.id === id);
  if (!schedule)
    throw new HttpError(
      "not_found",
      `No schedule ${id}; the schedules are ${SCHEDULES.map((s) => s.id).join(", ")}`,
    );
  const input = body.length === 0 ? schedule.input : parseJsonBody(req.headers["content-type"], body);
  try {
    return await invoke(schedule.fn.name, input);
  } catch (error) {
    // What Lambda would retry and dead-letter is, asked for by hand, the caller's bad input.
    if (error instanceof InvalidInputError) throw new HttpError("bad_request", error.message);
    throw error;
  }
};

/** Answers a dev route; false when `method path` is not one. */
export const handleDevRoute = async (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
  ctx: DevRouteContext,
): Promise<boolean> => {
  const job = req.method === "POST" && path.startsWith(JOB_PATH) ? path.slice(JOB_PATH.length) : undefined;
  const route =
    job !== undefined
      ? (r: IncomingMessage, b: Buffer, c: DevRouteContext) => runJob(r, job, b, c)
      : routes[`${req.method} ${path}`];
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
