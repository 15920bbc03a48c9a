/**
 * Scanning folded customer words the way the masks will read: one match after another, each
 * masked before the next is looked for.
 */
import type { Span } from "./pii-normalize";

/**
 * Stands in the folded text for what has been masked: no pattern matches it, and like a token it
 * is neither a digit nor a letter, so it ends a number or an address just as the token will in
 * the stored text.
 */
export const BLANK = "\u0000";

/**
 * What to do with a candidate: the span to mask (possibly narrower than the candidate), or
 * `undefined` to turn it down and look again from the character after its start.
 */
export type Judge = (candidate: string, start: number) => Span | undefined;

const acceptWhole: Judge = (candidate, start) => ({ start, end: start + candidate.length });

/**
 * The spans to mask for a pattern, found left to right. The patterns delimit matches with
 * lookbehinds (`(?<!\d)`, no address character before a local part), and right after a match
 * such a lookbehind would see the match's last digit or letter; in the stored text it sees the
 * token instead, so masking the output again would find what this scan turned down. A candidate
 * that starts right where a match ends is therefore tried as if the match were already masked.
 */
export function spansInTurn(pattern: RegExp, text: string, judge: Judge = acceptWhole): Span[] {
  const flags = pattern.flags.replace(/[gy]/g, "");
  const anywhere = new RegExp(pattern.source, `${flags}g`);
  const rightHere = new RegExp(pattern.source, `${flags}y`);
  const spans: Span[] = [];
  let from = 0;
  let afterMask = false;
  while (from < text.length) {
    let candidate: string | undefined;
    let start = 0;
    if (afterMask) {
      rightHere.lastIndex = 1;
      const match = rightHere.exec(BLANK + text.slice(from));
      if (match !== null) [candidate, start] = [match[0], from];
    }
    if (candidate === undefined) {
      anywhere.lastIndex = from;
      const match = anywhere.exec(text);
      if (match === null) break;
      [candidate, start] = [match[0], match.index];
    }
    // The patterns never match the empty string; should one ever, the scan still moves on.
    const span = candidate === "" ? undefined : judge(candidate, start);
    afterMask = span !== undefined;
    from = span === undefined ? start + 1 : start + candidate.length;
    if (span !== undefined) spans.push(span);
  }
  return spans;
}
