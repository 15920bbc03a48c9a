import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../../functions/lib/cursor";

const key = "k".repeat(32);
const position = { pk: { S: "SIG#1" }, sk: { S: "SIG" } };

describe("list cursors", () => {
  it("round-trips a position within its scope", () => {
    expect(decodeCursor(encodeCursor(position, "quarantine", key), "quarantine", key)).toEqual(position);
  });

  it.each([
    ["another scope", (c: string) => c, "voices:bu-b"],
    [
      "an altered payload",
      (c: string) =>
        `${Buffer.from('{"p":{"pk":{"S":"x"}},"s":"quarantine"}').toString("base64url")}.${c.split(".")[1]}`,
      "quarantine",
    ],
    ["an altered signature", (c: string) => `${c.slice(0, -3)}abc`, "quarantine"],
    ["garbage", () => "not-a-cursor", "quarantine"],
    ["three parts", (c: string) => `${c}.x`, "quarantine"],
  ])("refuses %s with a 400", (_what, tamper, scope) => {
    const cursor = tamper(encodeCursor(position, "quarantine", key));
    expect(() => decodeCursor(cursor, scope, key)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("refuses a cursor signed with another key", () => {
    expect(() => decodeCursor(encodeCursor(position, "quarantine", "other"), "quarantine", key)).toThrow(
      /Invalid cursor/,
    );
  });
});
