/** Every function is gathered from where it is wired, with what its wiring implies. */
import { describe, expect, it } from "vitest";
import { routeKeyOf } from "#http/route";
import { EVENT_RULES } from "#platform/events";
import { FUNCTIONS } from "#platform/functions";
import { SCHEDULES } from "#platform/schedules";
import { ROUTES } from "#routes/index";

describe("FUNCTIONS", () => {
  it("has one function per route function, event rule target and schedule target, and nothing else", () => {
    const wired = new Set([
      ...ROUTES.map((r) => r.fn.name),
      ...EVENT_RULES.map((r) => r.target.fn.name),
      ...SCHEDULES.map((s) => s.fn.name),
    ]);
    expect(Object.keys(FUNCTIONS).sort()).toEqual([...wired].sort());
  });

  it("describes a route's function by the routes it serves", () => {
    expect(FUNCTIONS.quarantineRead.description).toBe("GET /v1/quarantine");
    expect(FUNCTIONS.quarantineRead.routeKeys).toEqual([
      routeKeyOf(ROUTES.find((r) => r.fn.name === "quarantineRead")!),
    ]);
    expect(FUNCTIONS.ingestWorker.routeKeys).toEqual([]);
  });

  it("gives the cursor key to exactly the functions serving a paged route", () => {
    for (const route of ROUTES) {
      const fn = FUNCTIONS[route.fn.name];
      expect(fn.secrets.includes("cursor"), route.operationId).toBe("page" in route);
    }
  });

  it("keeps the secrets a function declares", () => {
    expect(FUNCTIONS.ingest.secrets).toEqual(["hmac"]);
    expect(FUNCTIONS.ingestWorker.secrets).toEqual(["hmac"]);
  });
});
