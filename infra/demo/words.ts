/**
 * What customers say in the demo signals: the word books under data/ (Chinese and English), and
 * fake contact details inside a few verbatims, so that masking has something to mask.
 *
 * A word book has a pool of phrases per key, where a key is `any`, a business unit or a category.
 * A signal draws from `any` + its unit + its category (the category's phrases count double).
 * `{name}` stands for the product line's name.
 */
import type { Reason } from "#schemas/signal";
import type { LineSpec } from "./catalog";
import contacts from "./data/contacts.json" with { type: "json" };
import negativeWords from "./data/negative-words.json" with { type: "json" };
import positiveWords from "./data/positive-words.json" with { type: "json" };
import { digits, pick, type Rng } from "./random";

export interface Words {
  zh: readonly string[];
  en: readonly string[];
}
export type WordBook = Readonly<Record<string, Words>>;

/** What people say when something went wrong, by reason. */
export const NEGATIVE_WORDS: Readonly<Record<Reason, WordBook>> = negativeWords;
/** What happy customers say. */
export const POSITIVE_WORDS: WordBook = positiveWords;

function wordsFor(rng: Rng, book: WordBook, line: LineSpec, zh: boolean): string {
  const lang = zh ? "zh" : "en";
  const pool = [
    ...(book.any?.[lang] ?? []),
    ...(book[line.unit]?.[lang] ?? []),
    ...(book[line.category]?.[lang] ?? []),
    ...(book[line.category]?.[lang] ?? []),
  ];
  return pick(rng, pool);
}

/** A phrase about `line`: a complaint about `reason` when negative, else praise. */
export function verbatimFor(
  rng: Rng,
  line: LineSpec,
  zh: boolean,
  negative: boolean,
  reason?: Reason,
): string {
  let text: string;
  if (negative && reason !== undefined) {
    text = wordsFor(rng, NEGATIVE_WORDS[reason], line, zh);
  } else text = wordsFor(rng, POSITIVE_WORDS, line, zh);
  return text.replaceAll("{name}", zh ? line.nameZh : line.name);
}

/** A sentence with a fake phone number and/or e-mail address (data/contacts.json). */
export function fakePii(rng: Rng, zh: boolean): string {
  const phone = `1${pick(rng, contacts.phonePrefixes)}${digits(rng, 8)}`;
  const mail = `${pick(rng, contacts.givenNames)}.${pick(rng, contacts.surnames)}${digits(rng, 2)}@example.com`;
  const [a, b, c] = [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)];
  return pick(rng, zh ? contacts.zh : contacts.en)
    .replaceAll("{phoneDashed}", `${a}-${b}-${c}`)
    .replaceAll("{phoneSpaced}", `${a} ${b} ${c}`)
    .replaceAll("{phone}", phone)
    .replaceAll("{mail}", mail);
}
