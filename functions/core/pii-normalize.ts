/**
 * The copy of customer words that the PII passes match on. People write the same phone number as
 * １３８－１２３４－５６７８, 138.1234.5678 or 138　1234 5678; folding those into one shape lets a few
 * plain patterns find them all. The folded copy is only ever matched on: every unit of it remembers
 * which characters of the original it came from, so a match is replaced in the original text and
 * the rest of the customer's words stay exactly as written.
 */

/** Customer words folded for matching, with a map back to the original text. */
export interface FoldedText {
  /**
   * NFKC text in which every decimal digit is ASCII, every dash is `-`, every run of horizontal
   * space is one ` ` and invisible characters (zero-width spaces, soft hyphens, joiners) are gone.
   */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its source character starts. */
  readonly sourceStart: readonly number[];
  /** For each UTF-16 unit of `text`, the offset in the original just after its source (a space run for a folded space). */
  readonly sourceEnd: readonly number[];
}

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Line breaks stay: a number is not continued on the next line, but spaces of any width separate groups.
const HORIZONTAL_SPACE = /^[\t\v\f\p{Zs}]$/u;
// Dash punctuation plus the minus sign and hyphen bullet, which people type between digit groups too.
const DASH = /^[\p{Pd}\u2212\u2043]$/u;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
// Circled and bracketed numbers (①, ⑴, ⒈) are list markers: folded to digits they would join the
// number after them (①13812345678 would read as 12 digits), so they are matched as written.
const ENCLOSED_NUMBER = /^[\u2460-\u24FF\u3251-\u325F\u32B1-\u32BF\u{1F100}-\u{1F10C}]$/u;
// Unicode keeps each script's decimal digits in runs ordered 0–9 (only the mathematical digits,
// which NFKC folds anyway, run longer), so a digit's value is its distance from the start of its run.
const LONGEST_DIGIT_RUN = 50;

/** The ASCII digit of a non-ASCII decimal digit (٣, ३, ๓ → 3). */
function asciiDigit(codePoint: number): string {
  let distance = 0;
  while (distance < LONGEST_DIGIT_RUN && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - distance - 1))) {
    distance++;
  }
  return String(distance % 10);
}

/** How one code point of NFKC output reads to the passes: `""` for an invisible one. */
function foldCodePoint(character: string): string {
  const codePoint = character.codePointAt(0)!;
  if (codePoint < 0x80)
    return character === "\t" || character === "\v" || character === "\f" ? " " : character;
  if (HORIZONTAL_SPACE.test(character)) return " ";
  if (DASH.test(character)) return "-";
  if (INVISIBLE.test(character)) return "";
  if (DECIMAL_DIGIT.test(character)) return asciiDigit(codePoint);
  return character;
}

/**
 * Folds customer words for matching (see {@link FoldedText}). NFKC is applied one code point at a
 * time, so each unit of the folded text traces back to exactly one original character (or one run
 * of spaces); combining marks therefore stay separate from their base letter, which the patterns allow.
 * Lone surrogates pass through unchanged.
 */
export function foldForMatching(original: string): FoldedText {
  const units: string[] = [];
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  for (let at = 0; at < original.length; ) {
    const codePoint = original.codePointAt(at)!;
    const next = at + (codePoint > 0xffff ? 2 : 1);
    const character = original.slice(at, next);
    const compatible =
      codePoint < 0x80 || ENCLOSED_NUMBER.test(character) ? character : character.normalize("NFKC");
    for (const part of compatible) {
      const folded = foldCodePoint(part);
      const last = units.length - 1;
      if (folded === " " && units[last] === " ") {
        // One space stands for the whole run, so a run of spaces separates digit groups like one does.
        sourceEnd[last] = next;
        continue;
      }
      for (let i = 0; i < folded.length; i++) {
        units.push(folded[i]!);
        sourceStart.push(at);
        sourceEnd.push(next);
      }
    }
    at = next;
  }
  return { text: units.join(""), sourceStart, sourceEnd };
}

/**
 * The folded span widened to whole source characters: a match that takes the `1` of `⒈` (NFKC
 * `1.`) takes its `.` too, so that no original character is ever half masked.
 */
export function widenToSources(folded: FoldedText, span: Span): Span {
  let { start, end } = span;
  while (start > 0 && folded.sourceEnd[start - 1]! > folded.sourceStart[start]!) start--;
  while (end < folded.text.length && folded.sourceStart[end]! < folded.sourceEnd[end - 1]!) end++;
  return { start, end };
}

/** The original text a (widened, non-empty) folded span came from. */
export function sourceSpan(folded: FoldedText, span: Span): Span {
  return { start: folded.sourceStart[span.start]!, end: folded.sourceEnd[span.end - 1]! };
}
