/** Every free-text field refuses what cannot be stored as written: NUL and unpaired surrogates. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod/mini";
import { DevTokenRequest } from "#schemas/auth";
import { Catalog } from "#schemas/catalog";
import { isStorableText } from "#schemas/common";
import { fieldErrorsOf } from "#schemas/error";
import { DevEventsRequest } from "#schemas/events";
import { ReplayRequest } from "#schemas/quarantine";
import { Signal } from "#schemas/signal";

const signal = {
  signalId: "s-1",
  productLineId: "pl-1",
  channel: "app",
  kind: "csat",
  score: 4,
  occurredAt: "2026-11-28T01:00:00Z",
};
const line = { id: "pl-1", name: "Kettle", nameZh: "电水壶", businessUnitId: "bu-1", category: "small" };

/** Each free-text field of each schema: the schema, a valid value, and how to put text in the field. */
const FIELDS: [string, z.ZodMiniType, (text: string) => unknown, string][] = [
  ["signal productLineId", Signal, (t) => ({ ...signal, productLineId: `pl${t}` }), "productLineId"],
  ["signal verbatim", Signal, (t) => ({ ...signal, verbatim: `好${t}` }), "verbatim"],
  ["signal customerRef", Signal, (t) => ({ ...signal, customerRef: `c${t}` }), "customerRef"],
  ["signal orderRef", Signal, (t) => ({ ...signal, orderRef: `o${t}` }), "orderRef"],
  [
    "unit name",
    Catalog,
    (t) => ({ businessUnits: [{ id: "bu-1", name: `U${t}` }], productLines: [] }),
    "businessUnits.0.name",
  ],
  [
    "line name",
    Catalog,
    (t) => ({ businessUnits: [], productLines: [{ ...line, name: `K${t}` }] }),
    "productLines.0.name",
  ],
  [
    "line nameZh",
    Catalog,
    (t) => ({ businessUnits: [], productLines: [{ ...line, nameZh: `壶${t}` }] }),
    "productLines.0.nameZh",
  ],
  [
    "line category",
    Catalog,
    (t) => ({ businessUnits: [], productLines: [{ ...line, category: `c${t}` }] }),
    "productLines.0.category",
  ],
  ["replay signalIds", ReplayRequest, (t) => ({ signalIds: [`s${t}`] }), "signalIds.0"],
  ["dev token sub", DevTokenRequest, (t) => ({ role: "cco", sub: `u${t}` }), "sub"],
  [
    "dev event source",
    DevEventsRequest,
    (t) => ({ entries: [{ source: `s${t}`, "detail-type": "x", detail: {} }] }),
    "entries.0.source",
  ],
];

const BAD = [
  ["NUL", "\u0000"],
  ["a lone high surrogate", "\ud83d"],
  ["a lone low surrogate", "\ude00"],
  ["a reversed pair", "\ude00\ud83d"],
] as const;

describe.each(FIELDS)("%s", (_name, schema, withText, path) => {
  it("takes text of every plane, emoji and CJK included", () => {
    expect(schema.safeParse(withText("草莓🍓𠀀 \t")).success).toBe(true);
  });

  it.each(BAD)("refuses %s, naming the field", (_what, bad) => {
    const result = schema.safeParse(withText(bad));
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error).map((e) => e.path)).toEqual([path]);
  });
});

describe("isStorableText", () => {
  it("agrees with a UTF-8 round trip on any string of UTF-16 units", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const roundTrips = Buffer.from(value, "utf8").toString("utf8") === value;
        expect(isStorableText(value)).toBe(roundTrips && !value.includes("\u0000"));
      }),
      { numRuns: 3000 },
    );
  });
});
