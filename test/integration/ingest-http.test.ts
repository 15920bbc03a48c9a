import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
import { catalog, currentQuarter, signal } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
let cco: string;
let ingest: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  ingest = await api.token("ingest");
  const put = await api.call("PUT", "/v1/catalog", { token: cco, body: catalog });
  expect(put.status).toBe(200);
});
afterAll(async () => runtime?.stop());

const metrics = async (line: string) =>
  (await api.call("GET", `/v1/product-lines/${line}/metrics?period=${currentQuarter()}`, { token: cco }))
    .body;

describe("POST /v1/signals with a mixed batch", () => {
  it("lands the valid signals, rejects each invalid one by index with field paths and quarantines unknown lines", async () => {
    // Prepare
    const batch = [
      signal({ signalId: "mix-valid", kind: "csat", score: 1, verbatim: "水壶漏水,打我电话 138-1234-5678" }),
      signal({ signalId: "mix-bad-score", kind: "csat", score: 9 }),
      signal({ signalId: "mix-bad-channel", channel: "pigeon" }),
      signal({ signalId: "mix-no-severity", kind: "complaint", score: undefined }),
      signal({ signalId: "mix-unknown-line", productLineId: "pl-not-yet" }),
    ];

    // Act
    const response = await api.call("POST", "/v1/signals", { token: ingest, body: { signals: batch } });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 1, duplicates: 0, quarantined: 1 });
    const rejected = response.body.rejected as {
      index: number;
      signalId: string;
      errors: { path: string }[];
    }[];
    expect(rejected.map((r) => [r.index, r.signalId, r.errors.map((e) => e.path)])).toEqual([
      [1, "mix-bad-score", ["score"]],
      [2, "mix-bad-channel", ["channel"]],
      [3, "mix-no-severity", ["severity"]],
    ]);
    const kettle = await metrics("pl-kettle");
    expect(kettle).toMatchObject({ n: 1, negatives: 1, negativeRate: 1, csatMean: 1 });
  });

  it("counts a re-sent signal once and says it is a duplicate", async () => {
    const one = signal({ productLineId: "pl-milk", kind: "nps", score: 10 });
    const first = await api.call("POST", "/v1/signals", { token: ingest, body: { signals: [one] } });
    const again = await api.call("POST", "/v1/signals", { token: ingest, body: { signals: [one, one] } });
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await metrics("pl-milk")).toMatchObject({ n: 1, negatives: 0, nps: 100 });
  });

  it("stores verbatims with PII masked and customerRef only as a pseudonym", async () => {
    const id = "pii-check";
    const raw = {
      signalId: id,
      verbatim: "联系我 13812345678 或 li.lei@example.com",
      customerRef: "customer-42",
    };
    const response = await api.call("POST", "/v1/signals", {
      token: ingest,
      body: { signals: [signal(raw)] },
    });
    expect(response.body.accepted).toBe(1);
    const stored = await runtime.dynamodb.send(
      new GetItemCommand({ TableName: runtime.tableName, Key: { pk: { S: `SIG#${id}` }, sk: { S: "SIG" } } }),
    );
    const text = JSON.stringify(stored.Item);
    expect(text).not.toContain("13812345678");
    expect(text).not.toContain("li.lei@example.com");
    expect(text).not.toContain("customer-42");
    expect(stored.Item?.verbatim?.S).toBe("联系我 [PHONE] 或 [EMAIL]");
    expect(stored.Item?.customerPseudonym?.S).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [
      "malformed JSON",
      { raw: "{not json", headers: { "content-type": "application/json" } },
      400,
      "bad_request",
    ],
    ["no signals array", { body: { items: [] } }, 400, "validation_failed"],
    ["an empty signals array", { body: { signals: [] } }, 400, "validation_failed"],
    [
      "501 signals",
      { body: { signals: Array.from({ length: 501 }, () => signal()) } },
      400,
      "validation_failed",
    ],
    [
      "a body over 1 MiB",
      { body: { signals: [signal({ verbatim: "x".repeat(1_100_000) })] } },
      413,
      "payload_too_large",
    ],
  ])("answers %s with %i", async (_what, options, status, code) => {
    const response = await api.call("POST", "/v1/signals", { token: ingest, ...options });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it("names the field of a signal too old for the retention window or in the future", async () => {
    const old = signal({ occurredAt: "2020-01-01T00:00:00+08:00" });
    const future = signal({ occurredAt: new Date(Date.now() + 3600_000).toISOString() });
    const response = await api.call("POST", "/v1/signals", {
      token: ingest,
      body: { signals: [old, future] },
    });
    expect(response.body.accepted).toBe(0);
    expect(response.body.rejected.map((r: { errors: { path: string }[] }) => r.errors[0]?.path)).toEqual([
      "occurredAt",
      "occurredAt",
    ]);
  });
});

describe("authentication and roles", () => {
  const forge = (header: object, claims: object, signature = "") =>
    `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
  const future = Math.floor(Date.now() / 1000) + 3600;

  it.each([
    ["no token", undefined],
    ["an unsigned alg:none token", forge({ alg: "none" }, { roles: ["cco"], exp: future })],
    ["a wrongly signed token", forge({ alg: "HS256" }, { roles: ["cco"], exp: future }, "c2lnbmF0dXJl")],
    ["an expired token", "expired"],
  ])("refuses %s with 401", async (_what, token) => {
    let bearer = token;
    if (token === "expired") {
      const { signDevToken } = await import("#infra/local/jwt");
      bearer = await signDevToken({ roles: ["cco"] }, runtime.devTokenKey, -60);
    }
    const response = await api.call("GET", "/v1/catalog", bearer ? { token: bearer } : {});
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthorized");
  });

  it.each([
    ["executive", "POST", "/v1/signals", { signals: [] }],
    ["bu-head", "PUT", "/v1/catalog", catalog],
    ["ingest", "GET", "/v1/catalog", undefined],
    ["executive", "GET", "/v1/quarantine", undefined],
    ["bu-head", "POST", "/v1/quarantine/replay", {}],
  ])("refuses %s on %s %s with 403", async (role, method, path, body) => {
    const token = await api.token(role, role === "bu-head" ? ["bu-home"] : undefined);
    const response = await api.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
    expect(response.status).toBe(403);
  });

  it("answers health without a token", async () => {
    expect(await api.call("GET", "/v1/health")).toEqual({ status: 200, body: { status: "ok" } });
  });
});

describe("quarantine and replay", () => {
  it("keeps unknown-line signals out of every count, lists them, and replays them exactly once", async () => {
    const lost = [1, 2, 3].map((i) =>
      signal({
        signalId: `q-${i}`,
        productLineId: "pl-new-toaster",
        kind: "review",
        score: 1,
        verbatim: `坏了 ${i}`,
      }),
    );
    const sent = await api.call("POST", "/v1/signals", { token: ingest, body: { signals: lost } });
    expect(sent.body.quarantined).toBe(3);
    const again = await api.call("POST", "/v1/signals", { token: ingest, body: { signals: lost } });
    expect(again.body).toMatchObject({ quarantined: 0, duplicates: 3 });

    const page1 = await api.call("GET", "/v1/quarantine?limit=2", { token: cco });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toBeTypeOf("string");
    const tampered = `${page1.body.nextCursor.slice(0, -2)}xx`;
    expect((await api.call("GET", `/v1/quarantine?cursor=${tampered}`, { token: cco })).status).toBe(400);
    // A cursor is bound to its query, limit included.
    const otherLimit = `/v1/quarantine?limit=10&cursor=${page1.body.nextCursor}`;
    expect((await api.call("GET", otherLimit, { token: cco })).status).toBe(400);
    const page2 = await api.call("GET", `/v1/quarantine?limit=2&cursor=${page1.body.nextCursor}`, {
      token: cco,
    });
    const listed = [...page1.body.items, ...page2.body.items].map((s: { signalId: string }) => s.signalId);
    expect(listed).toEqual(expect.arrayContaining(["q-1", "q-2", "q-3"]));

    const early = await api.call("POST", "/v1/quarantine/replay", { token: cco, body: {} });
    expect(early.body.replayed).toBe(0);
    expect(early.body.stillUnknown).toBeGreaterThanOrEqual(3);

    const toaster = {
      id: "pl-new-toaster",
      name: "Toaster",
      businessUnitId: "bu-home",
      category: "small-appliance",
    };
    await api.call("PUT", "/v1/catalog", {
      token: cco,
      body: { businessUnits: [], productLines: [toaster] },
    });
    const replay = await api.call("POST", "/v1/quarantine/replay", {
      token: cco,
      body: { signalIds: ["q-1", "q-2", "q-3"] },
    });
    expect(replay.body).toEqual({ replayed: 3, stillUnknown: 0 });
    const twice = await api.call("POST", "/v1/quarantine/replay", {
      token: cco,
      body: { signalIds: ["q-1", "q-2", "q-3"] },
    });
    // Already counted: nothing replays twice, and the answer says these ids are not in the quarantine.
    expect(twice.body).toEqual({ replayed: 0, stillUnknown: 0, notQuarantined: ["q-1", "q-2", "q-3"] });

    expect(await metrics("pl-new-toaster")).toMatchObject({ n: 3, negatives: 3, reviewMean: 1 });
    const remaining = await api.call("GET", "/v1/quarantine?limit=100", { token: cco });
    expect(remaining.body.items.map((s: { signalId: string }) => s.signalId)).not.toContain("q-1");
  });
});

describe("replaying the whole quarantine", () => {
  it("moves every signal whose line now exists and leaves the rest", async () => {
    const waiting = [1, 2].map((i) => signal({ signalId: `all-${i}`, productLineId: "pl-late-arrival" }));
    const stranger = signal({ signalId: "all-stranger", productLineId: "pl-still-unknown" });
    await api.call("POST", "/v1/signals", { token: ingest, body: { signals: [...waiting, stranger] } });
    const late = {
      id: "pl-late-arrival",
      name: "Late",
      businessUnitId: "bu-home",
      category: "small-appliance",
    };
    await api.call("PUT", "/v1/catalog", { token: cco, body: { businessUnits: [], productLines: [late] } });

    const replay = await api.call("POST", "/v1/quarantine/replay", { token: cco });

    expect(replay.status).toBe(200);
    expect(replay.body.replayed).toBe(2);
    const left = await api.call("GET", "/v1/quarantine?limit=500", { token: cco });
    const ids = left.body.items.map((s: { signalId: string }) => s.signalId);
    expect(ids).toContain("all-stranger");
    expect(ids).not.toContain("all-1");
    expect(replay.body.stillUnknown).toBe(ids.length);
    expect((await metrics("pl-late-arrival")).n).toBe(2);
  });
});

describe("catalog", () => {
  it("refuses a product line whose business unit does not exist, naming the field", async () => {
    const orphan = { id: "pl-orphan", name: "Orphan", businessUnitId: "bu-missing", category: "x" };
    const response = await api.call("PUT", "/v1/catalog", {
      token: cco,
      body: { businessUnits: [], productLines: [orphan] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: "productLines.0.businessUnitId", message: "Unknown business unit bu-missing" },
    ]);
  });

  it("returns what was upserted to any signed-in role", async () => {
    const token = await api.token("bu-head", ["bu-fresh"]);
    const response = await api.call("GET", "/v1/catalog", { token });
    expect(response.status).toBe(200);
    expect(response.body.productLines.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(["pl-kettle", "pl-heater", "pl-milk"]),
    );
  });

  it("answers 404 for metrics of a line not in the catalog and 400 for a bad period", async () => {
    expect(
      (await api.call("GET", "/v1/product-lines/pl-nope/metrics?period=2026-Q3", { token: cco })).status,
    ).toBe(404);
    const bad = await api.call("GET", "/v1/product-lines/pl-kettle/metrics?period=2026-Q5", { token: cco });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("period");
  });
});

describe("the local gateway", () => {
  it("answers a malformed percent-escape in the path with 400 and an unknown route with 404", async () => {
    const token = await api.token("cco");
    expect((await api.call("GET", "/v1/product-lines/%E0%A4%A/metrics?period=2026", { token })).status).toBe(
      400,
    );
    expect((await api.call("GET", "/v1/nothing-here", { token })).status).toBe(404);
  });
});
