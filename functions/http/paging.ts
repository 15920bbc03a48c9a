/**
 * Opaque, tamper-evident list cursors, made and read only here. A cursor holds the position a page
 * ended at, a digest of the query that produced it (operation, caller, path, filters and limit) and
 * an expiry, signed with HMAC-SHA256. A forged, altered, expired or re-scoped cursor is a 400 naming
 * `cursor`, so a cursor can never reach data outside the query that produced it.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { MS_PER_DAY } from "#core/calendar-day";
import { badRequest } from "./errors";

/** How long a cursor stays valid: long enough to page through a list, short enough not to linger. */
export const CURSOR_TTL_MS = MS_PER_DAY;

const sign = (payload: string, key: string) => createHmac("sha256", key).update(payload).digest("base64url");

const digest = (scope: string) => createHash("sha256").update(scope).digest("base64url").slice(0, 22);

/** What a cursor is bound to; anything that changes the list must be in here. */
export interface CursorScope {
  operationId: string;
  /** The caller's subject: a cursor is not handed from one person to another. */
  caller: string;
  params: Record<string, unknown>;
  /** The parsed query without `cursor` (so `limit` binds too). */
  query: Record<string, unknown>;
}

/** A canonical text of the scope: keys sorted, so the order of query parameters does not matter. */
export const scopeText = (scope: CursorScope): string => {
  const sorted = (value: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return JSON.stringify([scope.operationId, scope.caller, sorted(scope.params), sorted(scope.query)]);
};

/** A cursor for `position` (any JSON value) within `scope`, valid for {@link CURSOR_TTL_MS}. */
export const encodeCursor = (position: unknown, scope: string, key: string, now = Date.now()): string => {
  const payload = Buffer.from(
    JSON.stringify({ p: position, s: digest(scope), e: Math.floor((now + CURSOR_TTL_MS) / 1000) }),
  ).toString("base64url");
  return `${payload}.${sign(payload, key)}`;
};

const invalid = (message = "Not a cursor issued for this query") =>
  badRequest("Invalid cursor", [{ path: "cursor", message }]);

/**
 * The position held by a cursor issued for `scope`.
 * @throws HttpError `bad_request` naming `cursor` when it is forged, altered, expired or another query's.
 */
export const decodeCursor = (cursor: string, scope: string, key: string, now = Date.now()): unknown => {
  const [payload, mac, extra] = cursor.split(".");
  if (!payload || !mac || extra !== undefined) throw invalid();
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let decoded: { p?: unknown; s?: unknown; e?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (decoded.s !== digest(scope)) throw invalid();
  if (typeof decoded.e !== "number" || decoded.e * 1000 <= now)
    throw invalid("This cursor has expired; start again from the first page");
  return decoded.p;
};
