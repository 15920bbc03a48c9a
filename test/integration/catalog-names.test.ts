/**
 * Names in both languages through the catalog: a business unit's Chinese name and the names of
 * category codes are stored by `PUT /v1/catalog` and read back by `GET /v1/catalog`, upserted like
 * the rest, and a category named twice in one body is refused.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Runtime } from "#infra/local/runtime";
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

const put = (body: object) => api.call("PUT", "/v1/catalog", { token: cco, body });

it("stores units' Chinese names and the categories' names, and reads them back to anyone signed in", async () => {
  const stored = await put({
    businessUnits: [
      { id: "bu-home", name: "Home appliances", nameZh: "家用电器" },
      { id: "bu-plain", name: "Plain" },
    ],
    productLines: [
      { id: "pl-kettle", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-home", category: "kitchen" },
    ],
    categories: [
      { id: "kitchen", name: "Kitchen appliances", nameZh: "厨房电器" },
      { id: "other", name: "Other" },
    ],
  });
  expect(stored.status).toBe(200);
  const executive = await api.token("executive");
  const read = await api.call("GET", "/v1/catalog", { token: executive });
  expect(read.status).toBe(200);
  expect(read.body.businessUnits).toEqual(
    expect.arrayContaining([
      { id: "bu-home", name: "Home appliances", nameZh: "家用电器" },
      { id: "bu-plain", name: "Plain" },
    ]),
  );
  expect(read.body.categories).toEqual(
    expect.arrayContaining([
      { id: "kitchen", name: "Kitchen appliances", nameZh: "厨房电器" },
      { id: "other", name: "Other" },
    ]),
  );
  expect(read.body.categories).toHaveLength(2);
});

it("upserts: a body without categories keeps them, one with a category renames it", async () => {
  expect((await put({ businessUnits: [{ id: "bu-fresh", name: "Fresh" }], productLines: [] })).status).toBe(
    200,
  );
  expect(
    (
      await put({
        businessUnits: [],
        productLines: [],
        categories: [{ id: "other", name: "Others", nameZh: "其他" }],
      })
    ).status,
  ).toBe(200);
  const read = await api.call("GET", "/v1/catalog", { token: cco });
  expect(read.body.categories).toEqual(
    expect.arrayContaining([
      { id: "kitchen", name: "Kitchen appliances", nameZh: "厨房电器" },
      { id: "other", name: "Others", nameZh: "其他" },
    ]),
  );
  expect(read.body.businessUnits.map((u: { id: string }) => u.id).sort()).toEqual([
    "bu-fresh",
    "bu-home",
    "bu-plain",
  ]);
});

it("refuses a category named twice, and a Chinese name that is empty, naming the field", async () => {
  const twice = await put({
    businessUnits: [],
    productLines: [],
    categories: [
      { id: "dairy", name: "Dairy" },
      { id: "dairy", name: "Milk" },
    ],
  });
  expect(twice.status).toBe(400);
  expect(twice.body.error.details).toEqual([expect.objectContaining({ path: "categories.1.id" })]);
  const empty = await put({ businessUnits: [{ id: "bu-x", name: "X", nameZh: "" }], productLines: [] });
  expect(empty.status).toBe(400);
  expect(empty.body.error.details).toEqual([expect.objectContaining({ path: "businessUnits.0.nameZh" })]);
});
