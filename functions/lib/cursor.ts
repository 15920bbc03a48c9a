/**
 * Opaque, tamper-evident list cursors: the position (a DynamoDB key) plus the scope of the query
 * it belongs to, signed with HMAC-SHA256. A forged, altered or re-scoped cursor is a 400, so a
 * cursor can never be used to reach data outside the query that produced it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { BadRequestError } from "../core/errors";

const sign = (payload: string, key: string) => createHmac("sha256", key).update(payload).digest("base64url");

export const encodeCursor = (position: unknown, scope: string, key: string): string => {
  const payload = Buffer.from(JSON.stringify({ p: position, s: scope })).toString("base64url");
  return `${payload}.${sign(payload, key)}`;
};

export const decodeCursor = (cursor: string, scope: string, key: string): unknown => {
  const invalid = () =>
    new BadRequestError("Invalid cursor", [
      { path: "cursor", message: "Not a cursor issued for this query" },
    ]);
  const [payload, mac, extra] = cursor.split(".");
  if (!payload || !mac || extra !== undefined) throw invalid();
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let decoded: { p?: unknown; s?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (decoded.s !== scope) throw invalid();
  return decoded.p;
};
