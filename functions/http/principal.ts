/**
 * Who is calling. Deployed, API Gateway's JWT authorizer has verified the token and passes its
 * claims; locally the runtime verifies the dev token and passes the claims the same way. Arrays
 * arrive flattened by API Gateway (`"[cco bu-head]"`), so both shapes are accepted.
 */
import type { Principal } from "#core/authorize";
import { ROLES, type Role } from "#schemas/common";
import { HttpError } from "./errors";

type Claims = Record<string, unknown>;

/** Reads a claim that may be an array, a JSON array string, `"[a b]"` or `"a,b"`. */
export const claimList = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== "string") return [];
  const text = value.trim();
  if (text.startsWith("[") && text.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
    } catch {
      // Not JSON: fall through to API Gateway's "[a b]" form.
    }
  }
  return text
    .replace(/^\[|\]$/g, "")
    .split(/[\s,]+/)
    .filter(Boolean);
};

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * The caller of a signed-in route, from the verified token's claims (unknown roles are dropped).
 * @throws HttpError `unauthorized` when there are no claims.
 */
export const principalFromClaims = (claims: Claims | undefined): Principal => {
  if (!claims) throw new HttpError("unauthorized", "Sign-in required");
  const roles = [...claimList(claims.roles), ...claimList(claims["cognito:groups"])].filter(isRole);
  return {
    sub: typeof claims.sub === "string" ? claims.sub : "unknown",
    roles: [...new Set(roles)],
    businessUnitIds: claimList(claims.businessUnitIds ?? claims["custom:businessUnitIds"]),
  };
};
