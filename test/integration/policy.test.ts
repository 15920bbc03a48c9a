/** Policy versions through the HTTP contract: every PUT a new immutable version, read by metrics. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { DEFAULT_POLICY } from "#schemas/policy";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
});
afterAll(async () => runtime?.stop());

const { version: _v, ...defaults } = DEFAULT_POLICY;
const withReview = (review: Partial<typeof defaults.review>) => ({
  ...defaults,
  review: { ...defaults.review, ...review },
});
const paths = (body: { error?: { details?: { path: string }[] } }) =>
  (body.error?.details ?? []).map((d) => d.path);

describe("GET /v1/policy", () => {
  it.each(["cco", "bu-head", "executive"])(
    "gives %s the defaults of DESIGN §2 as version 1 until one is stored",
    async (role) => {
      const response = await api.call("GET", "/v1/policy", { token: await api.token(role, ["bu-home"]) });
      expect(response).toMatchObject({ status: 200, body: DEFAULT_POLICY });
    },
  );

  it("is not for machine clients", async () => {
    expect((await api.call("GET", "/v1/policy", { token: await api.token("ingest") })).status).toBe(403);
  });
});

describe("PUT /v1/policy", () => {
  it.each([
    ["a confidence of 1.2", withReview({ confidence: 1.2 }), "review.confidence"],
    ["a confidence of 0", withReview({ confidence: 0 }), "review.confidence"],
    ["a negative threshold", withReview({ absoluteThreshold: -0.1 }), "review.absoluteThreshold"],
    ["a fractional sample", withReview({ minSample: 2.5 }), "review.minSample"],
    ["a fix window of 0 days", withReview({ fixDays: 0 }), "review.fixDays"],
    ["an unknown time zone", { ...defaults, timeZone: "Mars/Olympus" }, "timeZone"],
    ["a missing section", { ...defaults, andon: undefined }, "andon"],
  ])("refuses %s with 400 naming the field", async (_what, body, field) => {
    const response = await api.call("PUT", "/v1/policy", { token: cco, body });
    expect(response.status).toBe(400);
    expect(paths(response.body)).toContain(field);
  });

  it.each(["bu-head", "executive", "ingest"])("is the CCO team's alone (%s gets 403)", async (role) => {
    const response = await api.call("PUT", "/v1/policy", {
      token: await api.token(role, ["bu-home"]),
      body: defaults,
    });
    expect(response.status).toBe(403);
  });

  it("makes a new immutable version each time, and keeps every earlier one", async () => {
    // Act
    const raised = await api.call("PUT", "/v1/policy", {
      token: cco,
      body: withReview({ absoluteThreshold: 0.25 }),
    });
    const current = await api.call("GET", "/v1/policy", { token: cco });
    const v1 = await api.call("GET", "/v1/policy/versions/1", { token: cco });
    const v2 = await api.call("GET", `/v1/policy/versions/${raised.body.version}`, { token: cco });

    // Assess
    expect(raised).toMatchObject({ status: 200, body: { version: 2, updatedBy: "dev-cco" } });
    expect(current.body).toEqual(raised.body);
    expect(v1.body.review.absoluteThreshold).toBe(0.2);
    expect(v2.body.review.absoluteThreshold).toBe(0.25);
  });

  it("makes two versions of two concurrent updates, losing neither", async () => {
    const before = (await api.call("GET", "/v1/policy", { token: cco })).body.version as number;
    const [a, b] = await Promise.all([
      api.call("PUT", "/v1/policy", { token: cco, body: withReview({ appealDays: 5 }) }),
      api.call("PUT", "/v1/policy", { token: cco, body: withReview({ appealDays: 6 }) }),
    ]);
    expect([a.body.version, b.body.version].sort()).toEqual([before + 1, before + 2]);
    for (const v of [before + 1, before + 2])
      expect((await api.call("GET", `/v1/policy/versions/${v}`, { token: cco })).status).toBe(200);
  });

  it("refuses a save built on a version that is no longer current with 409, and saves one built on the current", async () => {
    const seen = (await api.call("GET", "/v1/policy", { token: cco })).body.version as number;
    const first = await api.call("PUT", "/v1/policy", {
      token: cco,
      body: { ...withReview({ appealDays: 8 }), expectedVersion: seen },
    });
    const stale = await api.call("PUT", "/v1/policy", {
      token: cco,
      body: { ...withReview({ appealDays: 9 }), expectedVersion: seen },
    });
    expect(first).toMatchObject({ status: 200, body: { version: seen + 1, review: { appealDays: 8 } } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain(`version ${seen + 1}`);
    expect((await api.call("GET", "/v1/policy", { token: cco })).body.version).toBe(seen + 1);
    const bad = await api.call("PUT", "/v1/policy", {
      token: cco,
      body: { ...defaults, expectedVersion: 0 },
    });
    expect(paths(bad.body)).toEqual(["expectedVersion"]);
  });

  it("answers a version never made with 404 and a version that is not a number with 400 naming v", async () => {
    expect((await api.call("GET", "/v1/policy/versions/999", { token: cco })).status).toBe(404);
    const bad = await api.call("GET", "/v1/policy/versions/two", { token: cco });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(["v"]);
  });
});

describe("metrics read their confidence from the policy in force", () => {
  it("narrows the Wilson interval when the confidence is lowered", async () => {
    await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
    const signals = Array.from({ length: 40 }, (_, i) =>
      signal({ signalId: `pol-${i}`, score: i % 4 === 0 ? 1 : 5 }),
    );
    await api.call("POST", "/v1/signals", { token: cco, body: { signals } });
    const metricsPath = `/v1/product-lines/pl-kettle/metrics?period=${currentQuarter()}`;
    await api.call("PUT", "/v1/policy", { token: cco, body: withReview({ confidence: 0.95 }) });
    const wide = (await api.call("GET", metricsPath, { token: cco })).body.wilson;
    await api.call("PUT", "/v1/policy", { token: cco, body: withReview({ confidence: 0.5 }) });
    const narrow = (await api.call("GET", metricsPath, { token: cco })).body.wilson;
    expect(narrow.hi - narrow.lo).toBeLessThan(wide.hi - wide.lo);
  });
});
