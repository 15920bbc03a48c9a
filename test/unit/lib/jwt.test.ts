import { describe, expect, it } from "vitest";
import { signDevToken, verifyDevToken } from "../../../infra/local/jwt";

const key = "dev-key";
const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("dev tokens", () => {
  it("verifies its own tokens and returns their claims", () => {
    const claims = verifyDevToken(signDevToken({ sub: "u", roles: ["cco"] }, key), key);
    expect(claims).toMatchObject({ sub: "u", roles: ["cco"] });
  });

  it.each([
    ["alg none", () => `${b64({ alg: "none" })}.${b64({ roles: ["cco"], exp: 9e9 })}.`, /Algorithm none/],
    ["alg HS512", () => `${b64({ alg: "HS512" })}.${b64({ exp: 9e9 })}.sig`, /Algorithm HS512/],
    ["another key", () => signDevToken({ roles: ["cco"] }, "other"), /Bad signature/],
    ["an expired token", () => signDevToken({ roles: ["cco"] }, key, 60, Date.now() - 3600_000), /expired/],
    [
      "a token without exp",
      () => {
        const body = `${b64({ alg: "HS256" })}.${b64({ roles: ["cco"] })}`;
        const forged = signDevToken({}, key).split(".");
        return `${body}.${forged[2]}`;
      },
      /Bad signature|expired/,
    ],
    ["two parts", () => "a.b", /Not a JWT/],
    ["garbage", () => "a.b.c", /Malformed/],
  ])("refuses %s", (_what, make, message) => {
    expect(() => verifyDevToken(make(), key)).toThrow(message);
  });

  it("refuses a claim edited after signing", () => {
    const [head, , sig] = signDevToken({ roles: ["executive"] }, key).split(".");
    const edited = `${head}.${b64({ roles: ["cco"], exp: 9e9 })}.${sig}`;
    expect(() => verifyDevToken(edited, key)).toThrow(/Bad signature/);
  });
});
