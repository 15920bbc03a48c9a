import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeNewestFirst, type SliceReader } from "#core/voice-stream";

/** A source over sorted positions (newest first), read below `before` like a voice index range. */
const source = (positions: readonly string[], before?: string) => {
  const below = [...positions]
    .sort()
    .reverse()
    .filter((p) => before === undefined || p < before);
  let at = 0;
  const calls: number[] = [];
  const read: SliceReader<string> = async (limit) => {
    calls.push(limit);
    const items = below.slice(at, at + limit);
    at += items.length;
    return { items, more: at < below.length };
  };
  return { read, calls };
};

const page = (sources: readonly (readonly string[])[], limit: number, before?: string) =>
  mergeNewestFirst(
    sources.map((s) => source(s, before).read),
    (p) => p,
    limit,
  );

const position = fc
  .tuple(
    fc.integer({ min: 0, max: 400 }),
    fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 3 }),
  )
  .map(([t, id]) => `2026-09-01T00:00:${String(t).padStart(6, "0")}Z#${id}`);

/** Sources with disjoint positions, as voices are: one id is in one place only. */
const sources = fc
  .uniqueArray(position, { maxLength: 120 })
  .chain((all) =>
    fc
      .array(fc.integer({ min: 0, max: 7 }), { minLength: all.length, maxLength: all.length })
      .map((owner) => Array.from({ length: 8 }, (_, s) => all.filter((_, i) => owner[i] === s))),
  );

describe("mergeNewestFirst", () => {
  it("gives the newest `limit` of all sources, newest first, and says whether more remain", async () => {
    await fc.assert(
      fc.asyncProperty(sources, fc.integer({ min: 1, max: 40 }), async (srcs, limit) => {
        const all = srcs.flat().sort().reverse();
        const merged = await page(srcs, limit);
        expect(merged.items).toEqual(all.slice(0, limit));
        expect(merged.more).toBe(all.length > limit);
      }),
    );
  });

  it("pages through everything once, with no duplicate and no gap, each page below the last", async () => {
    await fc.assert(
      fc.asyncProperty(sources, fc.integer({ min: 1, max: 15 }), async (srcs, limit) => {
        const seen: string[] = [];
        let before: string | undefined;
        for (;;) {
          const merged = await page(srcs, limit, before);
          seen.push(...merged.items);
          if (!merged.more) break;
          before = merged.items[merged.items.length - 1];
        }
        expect(seen).toEqual(srcs.flat().sort().reverse());
      }),
    );
  });

  it("reads about a page, not every item of the sources", async () => {
    await fc.assert(
      fc.asyncProperty(sources, fc.integer({ min: 1, max: 40 }), async (srcs, limit) => {
        const merged = await page(srcs, limit);
        expect(merged.read).toBeLessThanOrEqual(3 * (limit + 1) + 2 * srcs.length);
      }),
    );
  });

  it("reads one source holding a whole page in a few slices, and a quiet one once", async () => {
    const busy = source(
      Array.from({ length: 1000 }, (_, i) => `2026-09-01T00:${String(i).padStart(6, "0")}Z#x`),
    );
    const quiet = source(["2020-01-01T00:00:00.000Z#q"]);
    const merged = await mergeNewestFirst([busy.read, quiet.read], (p) => p, 50);
    expect(merged.items).toHaveLength(50);
    expect(merged.more).toBe(true);
    expect(quiet.calls).toHaveLength(1);
    expect(busy.calls.length).toBeLessThanOrEqual(2);
    expect(merged.read).toBeLessThanOrEqual(51 + 27);
  });

  it("answers an empty page for no sources, or sources with nothing", async () => {
    expect(await mergeNewestFirst([], (p: string) => p, 10)).toEqual({ items: [], more: false, read: 0 });
    expect((await page([[], []], 10)).items).toEqual([]);
  });

  it("keeps reading a source whose slice came back empty but has more", async () => {
    let calls = 0;
    const stubborn: SliceReader<string> = async () => {
      calls++;
      return calls < 3 ? { items: [], more: true } : { items: ["2026-01-01T00:00:00.000Z#z"], more: false };
    };
    const merged = await mergeNewestFirst([stubborn], (p) => p, 5);
    expect(merged.items).toEqual(["2026-01-01T00:00:00.000Z#z"]);
    expect(calls).toBe(3);
  });
});
