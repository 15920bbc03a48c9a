/**
 * HS256 dev tokens for local mode. Verification refuses `alg: none` and any other algorithm,
 * wrong signatures, and expired or not-yet-valid tokens, as API Gateway's JWT authorizer would.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type JwtClaims = Record<string, unknown> & { exp?: number; nbf?: number; iat?: number; sub?: string };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const mac = (data: string, key: string) => createHmac("sha256", key).update(data).digest("base64url");

export const signDevToken = (
  claims: JwtClaims,
  key: string,
  ttlSeconds = 12 * 3600,
  now = Date.now(),
): string => {
  const iat = Math.floor(now / 1000);
  const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ iat, exp: iat + ttlSeconds, ...claims })}`;
  return `${body}.${mac(body, key)}`;
};

export class InvalidTokenError extends Error {}

export const verifyDevToken = (token: string, key: string, now = Date.now()): JwtClaims => {
  const parts = token.split(".");
  if (parts.length !== 3) throw new InvalidTokenError("Not a JWT");
  const [head = "", body = "", signature = ""] = parts;
  let header: { alg?: unknown };
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(head, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw new InvalidTokenError("Malformed JWT");
  }
  if (header.alg !== "HS256") throw new InvalidTokenError(`Algorithm ${String(header.alg)} is not accepted`);
  const expected = Buffer.from(mac(`${head}.${body}`, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new InvalidTokenError("Bad signature");
  const seconds = now / 1000;
  if (typeof claims.exp !== "number" || claims.exp <= seconds) throw new InvalidTokenError("Token expired");
  if (typeof claims.nbf === "number" && claims.nbf > seconds)
    throw new InvalidTokenError("Token not yet valid");
  return claims;
};
