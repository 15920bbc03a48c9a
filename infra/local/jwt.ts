/**
 * HS256 dev tokens for local mode, signed and verified with `jose`. Verification refuses
 * `alg: none` and any other algorithm, wrong signatures, tokens without an expiry, and expired or
 * not-yet-valid tokens, as API Gateway's JWT authorizer would.
 */
import { errors, jwtVerify, SignJWT } from "jose";

export type JwtClaims = Record<string, unknown> & { exp?: number; nbf?: number; iat?: number; sub?: string };

export class InvalidTokenError extends Error {}

// The key is used as its UTF-8 bytes (the local key file holds base64 text of 32 random bytes).
const secret = (key: string) => new TextEncoder().encode(key);

export const signDevToken = (
  claims: JwtClaims,
  key: string,
  ttlSeconds = 12 * 3600,
  now = Date.now(),
): Promise<string> => {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(secret(key));
};

const explain = (error: unknown, token: string): string => {
  if (error instanceof errors.JWTExpired) return "Token expired";
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.claim === "nbf" ? "Token not yet valid" : `Token claim ${error.claim} is not acceptable`;
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    let alg = "unknown";
    try {
      alg = String(JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")).alg);
    } catch {
      // The header was readable enough for jose to name the problem; keep "unknown".
    }
    return `Algorithm ${alg} is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "Bad signature";
  if (token.split(".").length !== 3) return "Not a JWT";
  return "Malformed JWT";
};

/**
 * The claims of a dev token signed with `key`.
 * @throws InvalidTokenError saying why the token is refused.
 */
export const verifyDevToken = async (token: string, key: string, now = Date.now()): Promise<JwtClaims> => {
  try {
    const { payload } = await jwtVerify(token, secret(key), {
      algorithms: ["HS256"],
      requiredClaims: ["exp"],
      currentDate: new Date(now),
    });
    return payload as JwtClaims;
  } catch (error) {
    throw new InvalidTokenError(explain(error, token));
  }
};
