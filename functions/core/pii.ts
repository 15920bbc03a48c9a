/**
 * Masks personal data in customer words before they are stored (DESIGN §2): phone numbers, e-mail
 * addresses, PRC resident ID numbers and payment card numbers become `[PHONE]`, `[EMAIL]`, `[ID]`
 * and `[CARD]`. Everything else (dates, prices, order and model numbers) must survive, since the
 * words are read as evidence.
 *
 * The passes match on a folded copy of the words (`pii-normalize`: NFKC, ASCII digits, one kind of
 * dash and space, no invisible characters), so full-width digits, ideographic spaces, en dashes or
 * zero-width spaces do not hide a number. Each match is mapped back to the original characters it
 * came from, and only those are replaced: the customer's own words stay exactly as written.
 *
 * The passes run in an order where each one sees what the previous left: e-mail first (its local
 * part may be a phone number), then ID numbers (18 digits validated by check digit and birth date),
 * then cards (Luhn), then mobile and landline numbers. What a pass masks is blanked out of the
 * folded copy for the later ones, as the token blanks it out of the stored text; tokens contain no
 * digits or `@`, so no pass can match inside one, and masking twice changes nothing.
 */
import { findEmailAddresses } from "./pii-email";
import { type FoldedText, foldForMatching, type Span, sourceSpan, widenToSources } from "./pii-normalize";
import { findCardNumbers, findLandlineNumbers, findMobileNumbers, findResidentIds } from "./pii-numbers";
import { BLANK } from "./pii-scan";

/** The replacement tokens. */
export const PII_TOKENS = { phone: "[PHONE]", email: "[EMAIL]", id: "[ID]", card: "[CARD]" } as const;

type PiiToken = (typeof PII_TOKENS)[keyof typeof PII_TOKENS];

/** One pass over the folded text, in masking order. */
interface Pass {
  readonly find: (folded: string) => Span[];
  readonly token: PiiToken;
}

const PASSES: readonly Pass[] = [
  { find: findEmailAddresses, token: PII_TOKENS.email },
  { find: findResidentIds, token: PII_TOKENS.id },
  { find: findCardNumbers, token: PII_TOKENS.card },
  { find: findMobileNumbers, token: PII_TOKENS.phone },
  { find: findLandlineNumbers, token: PII_TOKENS.phone },
];

interface Mask extends Span {
  readonly token: PiiToken;
}

/** The folded text with the masked spans blanked out, for the passes that follow. */
function blankOut(text: string, masks: readonly Mask[]): string {
  let out = "";
  let copiedTo = 0;
  for (const mask of [...masks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(mask.start, copiedTo);
    out += text.slice(copiedTo, start) + BLANK.repeat(Math.max(0, mask.end - start));
    copiedTo = Math.max(copiedTo, mask.end);
  }
  return out + text.slice(copiedTo);
}

/** The original text with each mask's source characters replaced by its token. */
function applyMasks(original: string, folded: FoldedText, masks: readonly Mask[]): string {
  const replacements = masks
    .map((mask) => ({ ...sourceSpan(folded, mask), token: mask.token }))
    .sort((a, b) => a.start - b.start);
  let out = "";
  let copiedTo = 0;
  for (const { start, end, token } of replacements) {
    // Widened spans never overlap; should two ever share a character, the earlier token covers both.
    if (start < copiedTo) {
      copiedTo = Math.max(copiedTo, end);
      continue;
    }
    out += original.slice(copiedTo, start) + token;
    copiedTo = end;
  }
  return out + original.slice(copiedTo);
}

// Every kind of PII masked here has a digit or an `@` in it once folded; the folding maps NFKC
// forms and decimal digits of every script, so NFKC plus "any decimal digit" covers what it can
// produce. Most customer words have neither, and skip the folding (a map per character) entirely.
const DIGIT_OR_AT = /[\p{Nd}@]/u;

/** Whether `text` may hold anything {@link maskPii} masks (false means it certainly does not). */
export function mayHoldPii(text: string): boolean {
  return DIGIT_OR_AT.test(text) || DIGIT_OR_AT.test(text.normalize("NFKC"));
}

/**
 * The text with personal data replaced by tokens: e-mail addresses (ASCII or internationalised) by
 * `[EMAIL]`; 18-character PRC resident ID numbers with a valid check character and birth date by
 * `[ID]`; Luhn-valid card numbers of 13–19 digits (grouped as cards are) by `[CARD]`; mainland
 * mobile and landline numbers (with or without +86, spaces, dashes, dots, brackets) by `[PHONE]`.
 * Numbers are found whatever digits, dashes and spaces they are typed with (full-width, ideographic,
 * no-break); everything outside the masks is returned exactly as written.
 *
 * Deterministic and idempotent (`maskPii(maskPii(t)) === maskPii(t)`), and total: any string,
 * including lone surrogates and NUL, yields a string.
 */
export function maskPii(text: string): string {
  return mayHoldPii(text) ? maskPiiWithoutShortcut(text) : text;
}

/** {@link maskPii} without the {@link mayHoldPii} shortcut (exported so tests can compare the two). */
export function maskPiiWithoutShortcut(text: string): string {
  const folded = foldForMatching(text);
  const masks: Mask[] = [];
  let remaining = folded.text;
  // A number turned down because of what follows it (the X of 37260919000103150X before a landline
  // that a later pass masks) reads differently once that is a token. Running the passes again until
  // they find nothing new is what makes masking the output again a no-op; a second round rarely
  // finds anything, and each round masks something or ends the loop.
  for (let foundAny = true; foundAny; ) {
    foundAny = false;
    for (const pass of PASSES) {
      const found = pass.find(remaining);
      if (found.length === 0) continue;
      foundAny = true;
      for (const span of found) masks.push({ ...widenToSources(folded, span), token: pass.token });
      remaining = blankOut(folded.text, masks);
    }
  }
  return masks.length === 0 ? text : applyMasks(text, folded, masks);
}
