/**
 * Defects found by probing the API as a hostile or careless client would (issue 8): each answered
 * a 500, stored half a request or let a bad character through. Every case here gets a 4xx naming
 * what is wrong, and nothing is stored from a refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  expect((await api.call("PUT", "/v1/catalog", { token: cco, body: catalog })).status).toBe(200);
});
afterAll(async () => runtime?.stop());

const paths = (body: { error?: { details?: { path: string }[] } }) =>
  (body.error?.details ?? []).map((d) => d.path);

describe("a catalog upsert is checked whole before anything is stored", () => {
  it("answers a business unit id given twice with 400 naming the second, and stores none of the body", async () => {
    // Prepare: 30 units, the 27th repeating the 2nd, so the duplicate sits in a later group of 25.
    const units = Array.from({ length: 30 }, (_, i) => ({ id: `bu-dup-${i}`, name: `Unit ${i}` }));
    units[26] = { id: "bu-dup-1", name: "Again" };

    // Act
    const put = await api.call("PUT", "/v1/catalog", {
      token: cco,
      body: { businessUnits: units, productLines: [] },
    });
    const after = await api.call("GET", "/v1/catalog", { token: cco });

    // Assess
    expect(put.status).toBe(400);
    expect(paths(put.body)).toEqual(["businessUnits.26.id"]);
    expect(after.body.businessUnits.map((u: { id: string }) => u.id)).not.toContain("bu-dup-0");
  });
});

describe("path and query parameters are checked by their schemas", () => {
  it.each([
    ["longer than DynamoDB allows (400 CJK characters)", encodeURIComponent("空".repeat(400))],
    ["with characters outside the id rules", encodeURIComponent("pl kettle<script>")],
  ])("answers a product line id %s with 400 naming id", async (_what, id) => {
    const response = await api.call("GET", `/v1/product-lines/${id}/metrics?period=${currentQuarter()}`, {
      token: cco,
    });
    expect(response.status).toBe(400);
    expect([...new Set(paths(response.body))]).toEqual(["id"]);
  });
});

describe("bodies", () => {
  const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

  it("answers deeply nested JSON with 400 on the local event route too", async () => {
    const ingest = await api.token("ingest");
    const raw = `{"entries":[{"source":"channel.app","detail-type":"Satisfaction Signal","detail":${deep(20_000)}}]}`;
    const response = await api.call("POST", "/v1/dev/events", {
      token: ingest,
      raw,
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
  });

  it.each(["application/json-seq", "application/jsonx", "application/vnd.strawberry+json", "text/json"])(
    "answers content type %s with 415",
    async (contentType) => {
      const response = await api.call("POST", "/v1/signals", {
        token: cco,
        raw: JSON.stringify({ signals: [signal()] }),
        headers: { "content-type": contentType },
      });
      expect(response.status).toBe(415);
    },
  );
});

describe("characters that cannot be stored", () => {
  it.each([
    ["a NUL in the verbatim", { verbatim: "漏水\u0000了" }, "verbatim"],
    ["a lone high surrogate in the verbatim", { verbatim: "坏了\ud83d" }, "verbatim"],
    ["a lone low surrogate in the order reference", { orderRef: "SO-\udc00" }, "orderRef"],
    ["a NUL in the customer reference", { customerRef: "c\u0000" }, "customerRef"],
    ["a lone surrogate in the product line id", { productLineId: "pl-\ud800" }, "productLineId"],
  ])("rejects a signal with %s by index, naming the field", async (_what, overrides, field) => {
    const ingest = await api.token("ingest");
    const bad = signal(overrides);
    const response = await api.call("POST", "/v1/signals", {
      token: ingest,
      body: { signals: [signal(), bad] },
    });
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(1);
    expect(response.body.rejected).toHaveLength(1);
    expect(response.body.rejected[0].index).toBe(1);
    expect(response.body.rejected[0].errors.map((e: { path: string }) => e.path)).toEqual([field]);
  });

  it.each([
    ["a NUL in a product line name", { name: "Kettle\u0000" }, "productLines.0.name"],
    ["a lone surrogate in a Chinese name", { nameZh: "水壶\udfff" }, "productLines.0.nameZh"],
    ["a NUL in a category", { category: "small\u0000appliance" }, "productLines.0.category"],
  ])("refuses a catalog with %s, naming the field", async (_what, overrides, field) => {
    const line = { id: "pl-odd", name: "Odd", businessUnitId: "bu-home", category: "misc", ...overrides };
    const response = await api.call("PUT", "/v1/catalog", {
      token: cco,
      body: { businessUnits: [], productLines: [line] },
    });
    expect(response.status).toBe(400);
    expect(paths(response.body)).toEqual([field]);
  });
});

describe("smaller", () => {
  it("sends no-store and nosniff with API answers, and frame-ancestors 'none' with the dashboard", async () => {
    const health = await fetch(`${runtime.url}/v1/health`);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    const page = await fetch(`${runtime.url}/`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("says which ids named in a replay are not in the quarantine", async () => {
    const ingest = await api.token("ingest");
    const counted = signal({ signalId: "replay-counted" });
    await api.call("POST", "/v1/signals", { token: ingest, body: { signals: [counted] } });
    const response = await api.call("POST", "/v1/quarantine/replay", {
      token: cco,
      body: { signalIds: ["replay-counted", "replay-never-seen"] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      replayed: 0,
      stillUnknown: 0,
      notQuarantined: ["replay-counted", "replay-never-seen"],
    });
  });
});
