/**
 * Masks personal data in customer words before they are stored (DESIGN §2): phone numbers, e-mail
 * addresses, PRC resident ID numbers and payment card numbers become `[PHONE]`, `[EMAIL]`, `[ID]`
 * and `[CARD]`. Everything else (dates, prices, order and model numbers) must survive, since the
 * words are read as evidence.
 *
 * Customer words are mostly Chinese, and `\b` knows only ASCII word characters: it finds no
 * boundary between a digit and a Latin letter or `_`, and cannot tell 号 from a space. What matters
 * is "not part of a longer number", so every number is delimited with digit lookarounds
 * `(?<!\d)` / `(?!\d)` instead, which work the same next to Chinese, Latin or punctuation.
 *
 * The passes run in an order where each one sees what the previous left: e-mail first (its local
 * part may be a phone number), then ID numbers (18 digits validated by check digit and birth date),
 * then cards (Luhn), then mobile and landline numbers. Tokens contain no digits or `@`, so no later
 * pass can match inside one, and masking twice changes nothing.
 */
import { isResidentIdNumber, passesLuhn } from "./check-digits";

/** The replacement tokens. */
export const PII_TOKENS = { phone: "[PHONE]", email: "[EMAIL]", id: "[ID]", card: "[CARD]" } as const;

// All patterns are compiled once here: masking runs on every ingested signal.

// The lookbehind makes a match start only where a run of address characters starts, which keeps
// the scan linear on long texts without any `@`. ASCII only, so Chinese text next to an address
// (邮箱abc@x.cn谢谢) stays outside it.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g;

// 18 characters, contiguous or written 6-8-4 (region, birth date, sequence and check).
const RESIDENT_ID = /(?<!\d)(\d{6})[ -]?(\d{8})[ -]?(\d{3}[\dXx])(?!\d)/g;

// A run of digit groups separated by single spaces or dashes; which part of it (if any) is a card
// number is decided in code, since regular expressions cannot check Luhn.
const DIGIT_RUN = /(?<!\d)\d+(?:[ -]\d+)*/g;
const DIGIT_GROUP = /\d+/g;

// A mainland mobile (1[3-9]x xxxx xxxx) with an optional +86 / 0086 / 86 / (+86) prefix.
const MOBILE =
  /(?<!\d)(?:(?:[+＋]|00)\s?86[ -]?|[(（][+＋]?86[)）]\s?|86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;

// A landline: area code 010, 02x or 0xxx, then a 7- or 8-digit local number, optionally an
// extension. Without a separator or brackets only the 11-digit shapes are taken: a 12-digit run of
// bare digits is far more often an order number than a phone number.
const AREA = String.raw`0(?:10|2\d|[3-9]\d{2})`;
const AREA_AFTER_COUNTRY = String.raw`[(（]?0?(?:10|2\d|[3-9]\d{2})[)）]?`;
const LOCAL = String.raw`[1-9]\d{2,3}[ -]?\d{4}`;
const EXTENSION = String.raw`(?:\s?(?:转|ext\.?|x|#)\s?\d{1,6}|-\d{1,6})?`;
const LANDLINE_SHAPES = [
  String.raw`(?:[+＋]|00)\s?86[ -]?${AREA_AFTER_COUNTRY}[ -]?${LOCAL}`, // +86 21 6123 4567
  String.raw`[(（]${AREA}[)）]\s?${LOCAL}`, // (021) 6123 4567
  `${AREA}[ -]${LOCAL}`, // 0755-1234567
  String.raw`0(?:10|2\d)[1-9]\d{7}|0[3-9]\d{2}[1-9]\d{6}`, // 02161234567
];
const LANDLINE = new RegExp(String.raw`(?<!\d)(?:${LANDLINE_SHAPES.join("|")})${EXTENSION}(?!\d)`, "g");

// A mobile number with its country code written as one 13- or 15-digit run is a phone, not a card.
const MOBILE_DIGITS = /^(?:0086|86)?1[3-9]\d{9}$/;

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

/** Masks every card number within one run of digit groups, keeping the rest of the run. */
function maskCardsInRun(run: string): string {
  const groups = [...run.matchAll(DIGIT_GROUP)].map((m) => ({ digits: m[0], start: m.index }));
  let out = "";
  let copiedTo = 0;
  for (let i = 0; i < groups.length; i++) {
    // Every card shape starts with a group of four or is one long group: skip the rest at once.
    const firstLength = groups[i]!.digits.length;
    if (firstLength !== 4 && (firstLength < 13 || firstLength > 19)) continue;
    // Leftmost-longest: from group i, the most groups that still read as a valid card number.
    let end = -1;
    const lengths: number[] = [];
    let digits = "";
    for (let j = i; j < groups.length && digits.length < 19; j++) {
      digits += groups[j]!.digits;
      lengths.push(groups[j]!.digits.length);
      if (groupedLikeCard(lengths, digits.length) && !MOBILE_DIGITS.test(digits) && passesLuhn(digits)) {
        end = j;
      }
    }
    if (end < 0) continue;
    const first = groups[i]!;
    const last = groups[end]!;
    out += `${run.slice(copiedTo, first.start)}${PII_TOKENS.card}`;
    copiedTo = last.start + last.digits.length;
    i = end;
  }
  return out + run.slice(copiedTo);
}

/**
 * The text with personal data replaced by tokens: e-mail addresses by `[EMAIL]`; 18-character PRC
 * resident ID numbers with a valid check character and birth date by `[ID]`; Luhn-valid card
 * numbers of 13–19 digits (grouped as cards are) by `[CARD]`; mainland mobile and landline numbers
 * (with or without +86, spaces, dashes, brackets) by `[PHONE]`.
 *
 * Deterministic and idempotent: `maskPii(maskPii(t)) === maskPii(t)`.
 */
export function maskPii(text: string): string {
  return text
    .replace(EMAIL, PII_TOKENS.email)
    .replace(RESIDENT_ID, (match, region: string, birth: string, rest: string) =>
      isResidentIdNumber(region + birth + rest) ? PII_TOKENS.id : match,
    )
    .replace(DIGIT_RUN, maskCardsInRun)
    .replace(MOBILE, PII_TOKENS.phone)
    .replace(LANDLINE, PII_TOKENS.phone);
}
