import { describe, expect, it } from "vitest";
import { CURSOR_TTL_MS, type CursorScope, decodeCursor, encodeCursor, scopeText } from "#http/paging";

const key = "k".repeat(32);
const position = { pk: { S: "SIG#1" }, sk: { S: "SIG" } };
const scope = (overrides: Partial<CursorScope> = {}) =>
  scopeText({ operationId: "listQuarantine", caller: "u1", params: {}, query: { limit: 100 }, ...overrides });

describe("list cursors", () => {
  it("round-trips a position within its scope", () => {
    expect(decodeCursor(encodeCursor(position, scope(), key), scope(), key)).toEqual(position);
  });

  it("binds to the query whatever the order of its parameters", () => {
    const a = scope({ query: { businessUnitId: "bu-a", limit: 10 } });
    const b = scope({ query: { limit: 10, businessUnitId: "bu-a" } });
    expect(decodeCursor(encodeCursor(position, a, key), b, key)).toEqual(position);
  });

  it.each([
    ["another operation", scope({ operationId: "listVoices" })],
    ["another caller", scope({ caller: "u2" })],
    ["another limit", scope({ query: { limit: 500 } })],
    ["another filter", scope({ query: { limit: 100, businessUnitId: "bu-b" } })],
    ["another path", scope({ params: { id: "pl-2" } })],
  ])("refuses a cursor used for %s with a 400 naming the cursor", (_what, other) => {
    expect(() => decodeCursor(encodeCursor(position, scope(), key), other, key)).toThrow(
      expect.objectContaining({
        code: "bad_request",
        details: [expect.objectContaining({ path: "cursor" })],
      }),
    );
  });

  it.each([
    [
      "an altered payload",
      (c: string) =>
        `${Buffer.from('{"p":{"pk":{"S":"x"}},"s":"x","e":9e9}').toString("base64url")}.${c.split(".")[1]}`,
    ],
    ["an altered signature", (c: string) => `${c.slice(0, -3)}abc`],
    ["garbage", () => "not-a-cursor"],
    ["three parts", (c: string) => `${c}.x`],
  ])("refuses %s with a 400", (_what, tamper) => {
    const cursor = tamper(encodeCursor(position, scope(), key));
    expect(() => decodeCursor(cursor, scope(), key)).toThrow(
      expect.objectContaining({ code: "bad_request" }),
    );
  });

  it("refuses a cursor signed with another key", () => {
    expect(() => decodeCursor(encodeCursor(position, scope(), "other"), scope(), key)).toThrow(
      /Invalid cursor/,
    );
  });

  it("expires a day after it was issued", () => {
    const issued = Date.parse("2026-11-28T00:00:00Z");
    const cursor = encodeCursor(position, scope(), key, issued);
    expect(decodeCursor(cursor, scope(), key, issued + CURSOR_TTL_MS - 1000)).toEqual(position);
    expect(() => decodeCursor(cursor, scope(), key, issued + CURSOR_TTL_MS)).toThrow(
      expect.objectContaining({ details: [{ path: "cursor", message: expect.stringMatching(/expired/) }] }),
    );
  });
});
