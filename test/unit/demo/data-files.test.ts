/** The word books and the catalog under infra/demo/data are consistent with the generator. */
import { describe, expect, it } from "vitest";
import { DEMO_PROFILE_NAMES, LINES, UNLISTED } from "#infra/demo/catalog";
import { mulberry32 } from "#infra/demo/random";
import { fakePii, NEGATIVE_WORDS, POSITIVE_WORDS, type WordBook } from "#infra/demo/words";
import { REASONS } from "#schemas/signal";

const lines = [...LINES, UNLISTED];
const keys = new Set(["any", ...lines.map((l) => l.unit), ...lines.map((l) => l.category)]);
const books: [string, WordBook][] = [
  ["positive", POSITIVE_WORDS],
  ...REASONS.map((r) => [`negative ${r}`, NEGATIVE_WORDS[r]] as [string, WordBook]),
];

describe("demo data files", () => {
  it.each(books)("%s words: keys are any, a unit or a category; every phrase is text", (_name, book) => {
    for (const [key, words] of Object.entries(book)) {
      expect(keys, key).toContain(key);
      for (const phrase of [...words.zh, ...words.en]) {
        expect(phrase.trim()).not.toBe("");
        expect(phrase.replaceAll("{name}", "")).not.toMatch(/[{}]/);
      }
    }
  });

  it.each(books)("%s words: every line finds Chinese and English phrases", (_name, book) => {
    for (const line of lines)
      for (const lang of ["zh", "en"] as const) {
        const pool = [book.any, book[line.unit], book[line.category]].flatMap((w) => w?.[lang] ?? []);
        expect(pool.length, `${line.id} ${lang}`).toBeGreaterThan(0);
      }
  });

  it("gives every line a known profile, a weight and reasons, with Chinese names", () => {
    for (const line of lines) {
      expect(DEMO_PROFILE_NAMES).toContain(line.profile);
      expect(line.weight).toBeGreaterThanOrEqual(0);
      expect(Object.keys(line.reasons).length).toBeGreaterThan(0);
      for (const reason of Object.keys(line.reasons)) expect(REASONS).toContain(reason);
      expect(line.nameZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each([true, false])(
    "fills every contact template (zh: %s) with a phone number or an e-mail address",
    (zh) => {
      const rng = mulberry32(1);
      const seen = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const text = fakePii(rng, zh);
        expect(text).not.toMatch(/[{}]/);
        expect(text).toMatch(/1[3-9]\d[- ]?\d{4}[- ]?\d{4}|[\w.]+@example\.com/);
        seen.add(text.replaceAll(/\d/g, "").replaceAll(/[\w.]+@example\.com/g, "@"));
      }
      expect(seen.size).toBe(zh ? 4 : 3);
    },
  );
});
