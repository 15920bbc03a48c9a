import { describe, expect, it } from "vitest";
import { generateKey, pseudonymize } from "#core/pseudonym";

describe("pseudonymize", () => {
  // RFC 4231 §4 test vectors for HMAC-SHA-256.
  it.each([
    [
      "test case 2",
      "what do ya want for nothing?",
      "Jefe",
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    ],
    [
      "test case 1",
      "Hi There",
      new Uint8Array(20).fill(0x0b),
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    ],
    [
      "test case 6 (key longer than the block)",
      "Test Using Larger Than Block-Size Key - Hash Key First",
      new Uint8Array(131).fill(0xaa),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ],
  ])("matches RFC 4231 %s", (_case, data, key, expected) => {
    // Act
    const pseudonym = pseudonymize(data, key);

    // Assess
    expect(pseudonym).toBe(expected);
  });

  it("gives the same pseudonym for the same reference and key", () => {
    // Prepare
    const key = generateKey();

    // Act
    const first = pseudonymize("member:8812", key);
    const second = pseudonymize("member:8812", key);

    // Assess
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["another key", "member:8812", "key-B"],
    ["another reference", "member:8813", "key-A"],
    ["surrounding spaces (used exactly, never trimmed)", " member:8812 ", "key-A"],
    ["another case (used exactly, never folded)", "MEMBER:8812", "key-A"],
  ])("changes with %s", (_label, ref, key) => {
    // Prepare
    const reference = pseudonymize("member:8812", "key-A");

    // Act
    const other = pseudonymize(ref, key);

    // Assess
    expect(other).not.toBe(reference);
  });

  it("treats a string key as its UTF-8 bytes", () => {
    // Prepare
    const text = "草莓-key";

    // Act
    const fromString = pseudonymize("c-1", text);
    const fromBytes = pseudonymize("c-1", new TextEncoder().encode(text));

    // Assess
    expect(fromString).toBe(fromBytes);
  });

  it("hashes non-ASCII references as UTF-8", () => {
    // Act
    const pseudonym = pseudonymize("张三", "Jefe");

    // Assess
    expect(pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonym).not.toBe(pseudonymize("??", "Jefe"));
  });

  it.each([[""], [new Uint8Array(0)]])("refuses an empty key %j", (key) => {
    // Act
    const act = () => pseudonymize("member:8812", key);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe("generateKey", () => {
  it("makes 32 random bytes, base64-encoded, different every time", () => {
    // Act
    const keys = Array.from({ length: 20 }, generateKey);

    // Assess
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(key, "base64")).toHaveLength(32);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});
