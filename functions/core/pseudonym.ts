/**
 * Customer pseudonyms (DESIGN §2: `customerRef` is stored only as an HMAC-SHA256 pseudonym under a
 * secret key, never raw). The same customer gets the same pseudonym, so repeat voices can be
 * linked, while nobody without the key can go back from the pseudonym to the reference, nor test
 * guesses against it, as they could with a plain hash of a phone number or member id.
 */
import { createHmac, randomBytes } from "node:crypto";

/**
 * The pseudonym of a customer reference: HMAC-SHA256 of its UTF-8 bytes under `key`, as 64
 * lowercase hex characters.
 *
 * The reference is used exactly as given, not trimmed or case-folded: it is an opaque id from the
 * client's system, and guessing at its normalization could merge two different customers.
 *
 * A string key is used as its UTF-8 bytes, not decoded: a key from {@link generateKey} is passed as
 * the base64 text it is stored as (that text carries the same 256 bits). Pass a `Uint8Array` to use
 * raw key bytes.
 *
 * @throws RangeError when the key is empty: an HMAC under an empty key protects nothing.
 */
export function pseudonymize(customerRef: string, key: Uint8Array | string): string {
  if (key.length === 0) throw new RangeError("The pseudonym key must not be empty");
  return createHmac("sha256", key).update(customerRef, "utf8").digest("hex");
}

/** A new pseudonym key: 32 random bytes (the SHA-256 output length, the minimum RFC 2104 advises), base64. */
export function generateKey(): string {
  return randomBytes(32).toString("base64");
}
