/**
 * Looks for personal data in stored items, independently of the masker under test: every planted
 * value (as written, and folded: NFKC, lowercase, ASCII digits, numbers as their digits only) and
 * generic shapes (e-mail addresses; mobile, landline, resident ID and card numbers read off digit
 * groups, IDs by their check character and cards by Luhn).
 */
import { gunzipSync } from "node:zlib";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { idCheck, type Planted } from "#test/integration/pii-corpus";

const DIGIT = /\p{Nd}/u;
/** The value of a decimal digit of any script (runs of ten, 0–9, as Unicode keeps them). */
const digitValue = (d: string) => {
  const cp = d.codePointAt(0)!;
  let zero = cp;
  while (cp - zero < 50 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
};

/** NFKC, lowercase, every decimal digit ASCII, invisible characters dropped. */
export const fold = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/\p{Nd}/gu, (d) => (d >= "0" && d <= "9" ? d : digitValue(d)))
    .replace(/\p{Default_Ignorable_Code_Point}/gu, "")
    .toLowerCase();

// A run of digit groups as numbers are written: separators are spaces, dashes, dots, brackets, `+`.
const RUN = /[+(]*\d(?:[\d\s\p{Pd}\u2212.()+]*\d)?x?/gu;
const GROUP = /\d+x?/g;

const passesLuhn = (d: string) => {
  let sum = 0;
  for (let i = d.length - 1, double = false; i >= 0; i--, double = !double) {
    let n = Number(d[i]);
    if (double) n = n > 4 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
};

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:(?:0086|86)0?|0)(?:10|2\d|[3-9]\d{2})[1-9]\d{6,7}$/;
const ID = /^[1-9]\d{16}[\dx]$/;
const CARD = /^[1-9]\d{12,18}$/;
const EMAIL = /[\p{L}\p{N}\p{M}._%+-]+@[\p{L}\p{N}\p{M}-]+(?:\.[\p{L}\p{N}\p{M}-]+)+/u;

/** What a window of digit groups reads as, if personal data. */
const shapeOf = (digits: string): string | undefined => {
  if (MOBILE.test(digits)) return "phone";
  if (LANDLINE.test(digits)) return "phone";
  if (ID.test(digits) && idCheck(digits.slice(0, 17)).toLowerCase() === digits[17]) return "id";
  if (CARD.test(digits) && passesLuhn(digits)) return "card";
  return undefined;
};

export interface Finding {
  kind: string;
  /** The planted value or the generic match. */
  what: string;
}

/** Generic findings in one string: shapes of personal data, whoever wrote them. */
export const genericFindings = (text: string): Finding[] => {
  // A decimal fraction (0.3788198283) is not a dotted group of digits: cards and phones group by 3–4.
  const folded = fold(text).replace(/(?<![\d.])\d+\.\d{5,}(?![\d.])/g, " ");
  const found: Finding[] = [];
  const email = EMAIL.exec(folded);
  if (email) found.push({ kind: "email", what: email[0] });
  for (const run of folded.matchAll(RUN)) {
    // Digits glued to Latin letters are serials, order ids or hex (pseudonyms), as the masker reads them.
    if (/[a-z]/.test(folded[run.index - 1] ?? "") || /[a-z]/.test(folded[run.index + run[0].length] ?? ""))
      continue;
    const groups = run[0].match(GROUP) ?? [];
    for (let i = 0; i < groups.length; i++) {
      let digits = "";
      for (let j = i; j < groups.length && digits.length < 20; j++) {
        digits += groups[j];
        const kind = shapeOf(digits);
        if (kind) found.push({ kind, what: digits });
      }
    }
  }
  return found;
};

/** The digits of each run of digit groups in folded text (`+86 138-1234 5678` → `8613812345678`). */
const runDigits = (folded: string): string[] =>
  [...folded.matchAll(RUN)].map((m) => m[0].replace(/[^\dx]/g, ""));

const NUMERIC = /^[\dx]+$/;

/** The planted values found in one string, as written or folded. */
export const plantedFindings = (text: string, planted: readonly Planted[]): Finding[] => {
  const folded = fold(text);
  const runs = runDigits(folded);
  return planted
    .filter(
      (p) =>
        text.includes(p.raw) ||
        (NUMERIC.test(p.canonical)
          ? runs.some((r) => r.includes(p.canonical))
          : folded.includes(p.canonical)),
    )
    .map((p) => ({ kind: p.kind, what: p.raw }));
};

/** Every string of an unmarshalled item, attribute names included, with its path. */
export const stringsOf = (value: unknown, path = ""): { path: string; text: string }[] => {
  if (typeof value === "string") return [{ path, text: value }];
  if (typeof value === "number" || typeof value === "bigint") return [{ path, text: String(value) }];
  if (value instanceof Uint8Array) return [{ path, text: Buffer.from(value).toString("utf8") }];
  if (value instanceof Set) return stringsOf([...value], path);
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [
      { path: `${path}.${k} (name)`, text: k },
      ...stringsOf(v, `${path}.${k}`),
    ]);
  return [];
};

/** An item as plain values, every kind of attribute kept (binary gunzipped when it is gzip). */
export const plainOf = (value: AttributeValue): unknown => {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return value.N;
  if (value.B !== undefined)
    return value.B[0] === 0x1f && value.B[1] === 0x8b ? gunzipSync(value.B).toString("utf8") : value.B;
  if (value.BOOL !== undefined || value.NULL !== undefined) return null;
  if (value.L !== undefined) return value.L.map(plainOf);
  if (value.M !== undefined) return plainItem(value.M);
  return value.SS ?? value.NS ?? value.BS ?? null;
};
export const plainItem = (item: Record<string, AttributeValue>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item).map(([k, v]) => [k, plainOf(v)]));
