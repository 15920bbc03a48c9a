import { describe, expect, it } from "vitest";
import { signDevToken, verifyDevToken } from "#infra/local/jwt";

const key = "dev-key";
const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");

describe("dev tokens", () => {
  it("verifies its own tokens and returns their claims", async () => {
    const claims = await verifyDevToken(await signDevToken({ sub: "u", roles: ["cco"] }, key), key);
    expect(claims).toMatchObject({ sub: "u", roles: ["cco"] });
  });

  it.each([
    [
      "alg none",
      async () => `${b64({ alg: "none" })}.${b64({ roles: ["cco"], exp: 9e9 })}.`,
      /Algorithm none/,
    ],
    ["alg HS512", async () => `${b64({ alg: "HS512" })}.${b64({ exp: 9e9 })}.sig`, /Algorithm HS512/],
    ["another key", () => signDevToken({ roles: ["cco"] }, "other"), /Bad signature/],
    ["an expired token", () => signDevToken({ roles: ["cco"] }, key, 60, Date.now() - 3600_000), /expired/],
    [
      "a token without exp",
      async () => {
        const body = `${b64({ alg: "HS256" })}.${b64({ roles: ["cco"] })}`;
        const forged = (await signDevToken({}, key)).split(".");
        return `${body}.${forged[2]}`;
      },
      /Bad signature|expired|exp/,
    ],
    ["two parts", async () => "a.b", /Not a JWT/],
    ["garbage", async () => "a.b.c", /Malformed/],
  ])("refuses %s", async (_what, make, message) => {
    await expect(verifyDevToken(await make(), key)).rejects.toThrow(message);
  });

  it("refuses a claim edited after signing", async () => {
    const [head, , sig] = (await signDevToken({ roles: ["executive"] }, key)).split(".");
    const edited = `${head}.${b64({ roles: ["cco"], exp: 9e9 })}.${sig}`;
    await expect(verifyDevToken(edited, key)).rejects.toThrow(/Bad signature/);
  });

  it("refuses a token whose nbf is still ahead", async () => {
    const token = await signDevToken({ roles: ["cco"], nbf: Math.floor(Date.now() / 1000) + 600 }, key);
    await expect(verifyDevToken(token, key)).rejects.toThrow(/not yet valid/);
  });
});
