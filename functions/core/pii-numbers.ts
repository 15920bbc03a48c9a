/**
 * Resident ID, card and phone numbers in folded customer words (see `pii-normalize`), where every
 * digit is ASCII, every dash `-` and every run of spaces one space.
 *
 * `\b` knows only ASCII word characters: it finds no boundary between a digit and a Latin letter
 * or `_`, and cannot tell 号 from a space. What matters is "not part of a longer number", so every
 * number is delimited with digit lookarounds `(?<!\d)` / `(?!\d)` instead, which work the same next
 * to Chinese, Latin or punctuation. No pattern can match the same text in two ways (a separator
 * is a space, or a dash or dot with optional spaces, never both readings), so the scans stay linear
 * on long texts.
 */
import { isResidentIdNumber, passesLuhn } from "./check-digits";
import type { Span } from "./pii-normalize";
import { spansInTurn } from "./pii-scan";

// Between digit groups: a space (any run, folded), a dash or a dot, optionally spaced (138 - 1234),
// or a doubled dash (—— folds to --). Commas, slashes and colons are left out: prices, dates and
// times use them.
const SEP = String.raw`(?: ?(?:--?|\.) ?| )`;

// 18 characters whose groups break only where the fields do: region, year, month-day, sequence and
// check (6-8-4 and 6-4-4-4 both fit). Birth date and check character are validated in code.
const RESIDENT_ID = new RegExp(String.raw`(?<!\d)\d{6}${SEP}?\d{4}${SEP}?\d{4}${SEP}?\d{3}[\dXx](?!\d)`, "g");
const ID_CHARACTERS = /[\dXx]/g;

// A run of digit groups; which part of it (if any) is a card number is decided in code, since
// regular expressions cannot check Luhn.
const DIGIT_RUN = new RegExp(String.raw`(?<!\d)\d+(?:${SEP}\d+)*`, "g");
const DIGIT_GROUP = /\d+/g;
const LATIN_LETTER = /[A-Za-z]/;

// A mainland mobile (1[3-9]x xxxx xxxx) with an optional +86 / 0086 / 86 / (+86) / (86) prefix.
const COUNTRY_CODE = String.raw`(?:(?:\+ ?|00)86|\((?:\+|00)?86\)|86)`;
const MOBILE = new RegExp(
  String.raw`(?<!\d)(?:${COUNTRY_CODE}${SEP}?)?1[3-9]\d${SEP}?\d{4}${SEP}?\d{4}(?!\d)`,
  "g",
);

// A landline: area code 010, 02x or 0xxx, then a 7- or 8-digit local number, optionally an
// extension. Without a separator or brackets only the 11-digit shapes are taken: a 12-digit run of
// bare digits is far more often an order number than a phone number.
const AREA = String.raw`0(?:10|2\d|[3-9]\d{2})`;
const AREA_AFTER_COUNTRY = String.raw`\(?0?(?:10|2\d|[3-9]\d{2})\)?`;
// 3-4 or 4-4, or a 7-digit number grouped 4-3 (as some say it) when a separator shows the groups.
const LOCAL = String.raw`(?:[1-9]\d{2,3}${SEP}?\d{4}|[1-9]\d{3}${SEP}\d{3})`;
const EXTENSION = String.raw`(?: ?(?:转|ext\.?|x|#) ?\d{1,6}|-\d{1,6})?`;
const LANDLINE_SHAPES = [
  String.raw`(?:\+ ?|00)86${SEP}?${AREA_AFTER_COUNTRY}${SEP}?${LOCAL}`, // +86 21 6123 4567
  String.raw`\(${AREA}\) ?${LOCAL}`, // (021) 6123 4567
  `${AREA}${SEP}${LOCAL}`, // 0755-1234567
  String.raw`0(?:10|2\d)[1-9]\d{7}|0[3-9]\d{2}[1-9]\d{6}`, // 02161234567
];
const LANDLINE = new RegExp(String.raw`(?<!\d)(?:${LANDLINE_SHAPES.join("|")})${EXTENSION}(?!\d)`, "g");

// A mobile number with its country code written as one 13- or 15-digit run is a phone, not a card.
const MOBILE_DIGITS = /^(?:0086|86)?1[3-9]\d{9}$/;

/**
 * The spans of PRC resident ID numbers: 18 characters, contiguous or grouped at the field
 * boundaries, with a valid birth date and check character.
 */
export function findResidentIds(folded: string): Span[] {
  return spansInTurn(RESIDENT_ID, folded, (candidate, start) =>
    isResidentIdNumber(candidate.match(ID_CHARACTERS)!.join(""))
      ? { start, end: start + candidate.length }
      : undefined,
  );
}

/**
 * Whether digit groups are written the way card numbers are: one run of 13–19 digits, fours with a
 * shorter last group (4-4-4-4, 4-4-4-4-3), or the 4-6-5 / 4-6-4 of Amex and Diners. Dates, phone
 * numbers and 6-8-4 ID numbers are grouped otherwise, which keeps them out of the card pass.
 */
function groupedLikeCard(lengths: readonly number[], total: number): boolean {
  if (total < 13 || total > 19) return false;
  if (lengths.length === 1) return true;
  if (lengths[0] !== 4) return false;
  if (lengths.length === 3 && lengths[1] === 6) return lengths[2] === 5 || lengths[2] === 4;
  const last = lengths[lengths.length - 1]!;
  return lengths.every((length, i) => length === 4 || i === lengths.length - 1) && last >= 1 && last <= 4;
}

/** Whether a candidate touches a Latin letter, as serials and order ids (DD20261128000123) do and cards do not. */
function gluedToLetters(folded: string, start: number, end: number): boolean {
  return LATIN_LETTER.test(folded[start - 1] ?? "") || LATIN_LETTER.test(folded[end] ?? "");
}

/**
 * The spans of card numbers: within each run of digit groups, leftmost-longest, the groups that
 * read as a Luhn-valid card of 13–19 digits (and not as a mobile number with its country code).
 */
export function findCardNumbers(folded: string): Span[] {
  const spans: Span[] = [];
  for (const run of folded.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(DIGIT_GROUP)].map((m) => ({
      digits: m[0],
      start: run.index + m.index,
      end: run.index + m.index + m[0].length,
    }));
    for (let i = 0; i < groups.length; i++) {
      // Every card shape starts with a group of four or is one long group: skip the rest at once.
      const firstLength = groups[i]!.digits.length;
      if (firstLength !== 4 && (firstLength < 13 || firstLength > 19)) continue;
      // No issuer number starts with 0 (ISO/IEC 7812), while every landline with its trunk 0 does.
      if (groups[i]!.digits.startsWith("0")) continue;
      let end = -1;
      const lengths: number[] = [];
      let digits = "";
      for (let j = i; j < groups.length && digits.length < 19; j++) {
        digits += groups[j]!.digits;
        lengths.push(groups[j]!.digits.length);
        if (
          groupedLikeCard(lengths, digits.length) &&
          !MOBILE_DIGITS.test(digits) &&
          passesLuhn(digits) &&
          !gluedToLetters(folded, groups[i]!.start, groups[j]!.end)
        ) {
          end = j;
        }
      }
      if (end < 0) continue;
      spans.push({ start: groups[i]!.start, end: groups[end]!.end });
      i = end;
    }
  }
  return spans;
}

/** The spans of mainland mobile numbers, with or without a country code, grouped 3-4-4 or partly run together. */
export function findMobileNumbers(folded: string): Span[] {
  return spansInTurn(MOBILE, folded);
}

/** The spans of mainland landline numbers with their area code (and extension, if any). */
export function findLandlineNumbers(folded: string): Span[] {
  return spansInTurn(LANDLINE, folded);
}
