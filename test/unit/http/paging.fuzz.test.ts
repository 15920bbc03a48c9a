/** Cursors under random input: positions round-trip, and any alteration is a 400, never anything else. */
import fc from "fast-check";
import { expect, it } from "vitest";
import { HttpError } from "#http/errors";
import { decodeCursor, encodeCursor } from "#http/paging";

const key = "fuzz-key";
const position = fc.dictionary(fc.string(), fc.record({ S: fc.string() }), { maxKeys: 4 });

it("round-trips any position within any scope", () => {
  fc.assert(
    fc.property(position, fc.string(), (p, scope) => {
      expect(decodeCursor(encodeCursor(p, scope, key), scope, key)).toEqual(p);
    }),
    { numRuns: 500 },
  );
});

it("answers any altered or made-up cursor with a 400 naming the cursor", () => {
  fc.assert(
    fc.property(
      position,
      fc.string(),
      fc.nat(),
      fc.string({ minLength: 1, maxLength: 3 }),
      (p, scope, at, insert) => {
        const cursor = encodeCursor(p, scope, key);
        const i = at % cursor.length;
        const altered = `${cursor.slice(0, i)}${insert}${cursor.slice(i + 1)}`;
        if (altered === cursor) return;
        try {
          decodeCursor(altered, scope, key);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).details?.[0]?.path).toBe("cursor");
          return;
        }
        throw new Error(`accepted an altered cursor: ${altered}`);
      },
    ),
    { numRuns: 1000 },
  );
});
