/**
 * A corpus of personal data in every form the PII masker knows (see test/unit/core/pii.test.ts):
 * mobile and landline numbers with every prefix, separator, dash and digit script, e-mail addresses
 * (ASCII, full-width, internationalised), PRC resident ID numbers and card numbers in every grouping,
 * each a fresh value so that each can be searched for on its own. `Planted.canonical` is the value
 * as the detector of `pii-detector.ts` folds it (lowercase, digits only for numbers).
 */
import { mulberry32, type Rng } from "#infra/demo/random";

export type PiiKind = "phone" | "email" | "id" | "card" | "customerRef";

export interface Planted {
  kind: PiiKind;
  /** As written in the signal. */
  raw: string;
  /** What must not be found in the folded stored text (digits only for numbers, lowercase). */
  canonical: string;
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join("");

const mapChars = (s: string, table: Record<string, string>) => [...s].map((c) => table[c] ?? c).join("");
const shift = (from: number, to: number, chars: string) =>
  Object.fromEntries([...chars].map((c) => [c, String.fromCodePoint(c.codePointAt(0)! - from + to)]));
/** Full-width digits, letters and ASCII punctuation; an ideographic space for a space. */
export const fullWidth = (s: string) =>
  mapChars(s, {
    ...shift(
      0x21,
      0xff01,
      "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    ),
    " ": "\u3000",
  });
const arabicIndic = (s: string) => mapChars(s, shift(0x30, 0x660, "0123456789"));
const superscript = (s: string) =>
  mapChars(s, { ...shift(0x30, 0x2070, "0456789"), "1": "¹", "2": "²", "3": "³" });

export const SEPARATORS = ["\u3000", "\u00A0", "\u202F", "\t", "\u200B", "\u00AD"];
export const DASHES = [
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2015",
  "\u2212",
  "\uFF0D",
  "\uFE63",
  "\u2014\u2014",
];

const mobileForms = (n: string): string[] => {
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 7), n.slice(7)];
  return [
    n,
    `${a} ${b} ${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    `${a}  ${b}  ${c}`,
    `${a} - ${b} - ${c}`,
    `+86 ${a} ${b} ${c}`,
    `+86-${a}-${b}-${c}`,
    `+86${n}`,
    `+86 ${n}`,
    `0086${n}`,
    `0086 ${a} ${b} ${c}`,
    `86${n}`,
    `86 ${a} ${b} ${c}`,
    `(+86) ${a} ${b} ${c}`,
    `（+86）${a} ${b} ${c}`,
    `（86）${n}`,
    `(86) ${a}-${b}-${c}`,
    `(0086)${n}`,
    `+86.${a}.${b}.${c}`,
    `＋86 ${a} ${b} ${c}`,
    ...SEPARATORS.map((s) => `${a}${s}${b}${s}${c}`),
    ...DASHES.map((d) => `${a}${d}${b}${d}${c}`),
    fullWidth(n),
    fullWidth(`${a}-${b}-${c}`),
    fullWidth(`+86 ${a} ${b} ${c}`),
    `${a}${fullWidth(b)}${c}`,
    arabicIndic(n),
    superscript(n),
  ];
};

// A local number in its two groups: 4-4 for eight digits, 3-4 for seven.
const head = (l: string) => l.slice(0, l.length - 4);
const tail = (l: string) => l.slice(-4);

/** Landline shapes over area code `area` (with its trunk 0) and local number `local`. */
const landlineForms: ((area: string, local: string) => string)[] = [
  (ar, l) => `${ar}-${l}`,
  (ar, l) => `(${ar}) ${head(l)} ${tail(l)}`,
  (ar, l) => `(${ar})${l}`,
  (ar, l) => `（${ar}）${head(l)} ${tail(l)}`,
  (ar, l) => `${ar} ${l}`,
  (ar, l) => `${ar}-${head(l)}-${tail(l)}`,
  (ar, l) => `${ar}${l}`,
  (ar, l) => `+86 ${ar.slice(1)} ${head(l)} ${tail(l)}`,
  (ar, l) => `+86-${ar.slice(1)}-${l}`,
  (ar, l) => `0086 ${ar.slice(1)} ${l}`,
  (ar, l) => `${ar}-${l}-801`,
  (ar, l) => `${ar}-${l}转801`,
  (ar, l) => `${ar}.${head(l)}.${tail(l)}`,
  (ar, l) => `${ar}\u3000${l}`,
  // Seven digits grouped 4-3 (eight stay 4-4).
  (ar, l) => `(${ar}) ${l.slice(0, 4)} ${l.slice(4)}`,
  (ar, l) => fullWidth(`(${ar})${head(l)} ${tail(l)}`),
  (ar, l) => fullWidth(`${ar}-${l}`),
  ...DASHES.map((d) => (ar: string, l: string) => `${ar}${d}${l}`),
];

const emailForms = (u: string, k: number): string[] => {
  const han = String.fromCodePoint(0x4e00 + 37 * k, 0x4e00 + 37 * k + 1);
  return [
    `${u}@example.com`,
    `${u}.san+orders@mail.example.com.cn`,
    `${u.toUpperCase()}.B@EXAMPLE.COM`,
    `${u}_name-1%x@my-host.io`,
    `${u}＠x.cn`,
    `${u}﹫qq.com`,
    `${u}@example．com．cn`,
    fullWidth(`${u}.san@example.com`),
    `${han}@例子.中国`,
    `josé${u}@bücher.de`,
    `jose\u0301${u}@bu\u0308cher.de`,
    `用户${han}@qq.com`,
    `${u}@xn--fiqs8s.cn`,
    `иван${u}@пример.рф`,
    `たなか${han}@例え.jp`,
    `${u}@例子.公司`,
  ];
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643-1999 check character of 17 digits. */
export const idCheck = (body: string) =>
  "10X98765432"[[...body].reduce((sum, d, i) => sum + Number(d) * ID_WEIGHTS[i]!, 0) % 11]!;

const residentId = (rng: Rng, wantX: boolean): string => {
  for (;;) {
    const region = ["110105", "310115", "440306", "510107", "330106"][Math.floor(rng() * 5)]!;
    const birth = new Date(
      Date.UTC(1950 + Math.floor(rng() * 55), 0, 1) + Math.floor(rng() * 364) * 86_400_000,
    );
    const body = `${region}${birth.toISOString().slice(0, 10).replaceAll("-", "")}${digits(rng, 3)}`;
    const check = idCheck(body);
    if ((check === "X") === wantX) return body + check;
  }
};

const idForms = (id: string): string[] => {
  const [r, y, md, s] = [id.slice(0, 6), id.slice(6, 10), id.slice(10, 14), id.slice(14)];
  return [
    id,
    `${r} ${y}${md} ${s}`,
    `${r}-${y}${md}-${s}`,
    `${r}.${y}${md}.${s}`,
    `${r}\u3000${y}${md}\u3000${s}`,
    `${r} ${y} ${md} ${s}`,
    `${r}-${y}-${md}-${s.toLowerCase()}`,
    fullWidth(id),
    fullWidth(`${r} ${y}${md} ${s.toLowerCase()}`),
    ...DASHES.map((d) => `${r}${d}${y}${md}${d}${s}`),
  ];
};

/** A Luhn-valid card number: `prefix`, random digits, check digit, `length` digits in all. */
export const luhnCard = (rng: Rng, prefix: string, length: number): string => {
  const body = prefix + digits(rng, length - prefix.length - 1);
  for (let check = 0; check < 10; check++) {
    const n = body + check;
    let sum = 0;
    for (let i = n.length - 1, double = false; i >= 0; i--, double = !double) {
      let d = Number(n[i]);
      if (double) d = d > 4 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return n;
  }
  throw new Error("unreachable");
};

const fours = (n: string, sep: string) => n.match(/.{1,4}/g)!.join(sep);

const cardForms = (rng: Rng): string[] => {
  const visa = () => luhnCard(rng, "4", 16);
  const amex = luhnCard(rng, "37", 15);
  const diners = luhnCard(rng, "305", 14);
  return [
    visa(),
    fours(visa(), " "),
    fours(visa(), "-"),
    fours(visa(), "."),
    fours(visa(), "  "),
    fours(visa(), "\u00A0"),
    luhnCard(rng, "51", 16),
    luhnCard(rng, "34", 15),
    `${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`,
    `${diners.slice(0, 4)} ${diners.slice(4, 10)} ${diners.slice(10)}`,
    luhnCard(rng, "4", 13),
    luhnCard(rng, "622202", 19),
    fours(luhnCard(rng, "622202", 19), " "),
    fullWidth(visa()),
    fullWidth(fours(visa(), " ")),
    ...DASHES.map((d) => fours(visa(), d)),
  ];
};

const CONTEXTS: Record<Exclude<PiiKind, "customerRef">, ((x: string) => string)[]> = {
  phone: [
    (x) => `电话${x}谢谢`,
    (x) => `我的手机是${x}，请回电。`,
    (x) => `联系方式：${x}（晚上）`,
    (x) => `tel:${x}`,
    (x) => `call me at ${x} after 18:00.`,
  ],
  email: [
    (x) => `邮箱：${x}，谢谢`,
    (x) => `我的邮箱是${x}谢谢`,
    (x) => `请发到 ${x} 。`,
    (x) => `write to ${x}, please`,
  ],
  id: [(x) => `身份证号${x}，麻烦核实`, (x) => `身份证：${x}。`, (x) => `ID ${x} please`],
  card: [(x) => `卡号${x}谢谢`, (x) => `银行卡 ${x} 被扣款两次`, (x) => `card ${x} 2026-06-30`],
};

export interface CorpusEntry {
  planted: Planted;
  /** The planted value in a sentence, as a verbatim or an order reference says it. */
  sentence: string;
}

/** Every form, each with a fresh value, in a sentence. Deterministic for a seed. */
export const piiCorpus = (seed = 13): CorpusEntry[] => {
  const rng = mulberry32(seed);
  const out: CorpusEntry[] = [];
  const add = (kind: Exclude<PiiKind, "customerRef">, raw: string, canonical: string) => {
    const contexts = CONTEXTS[kind];
    out.push({ planted: { kind, raw, canonical }, sentence: contexts[out.length % contexts.length]!(raw) });
  };
  const prefixes = ["38", "39", "58", "86", "87", "35", "77", "99"];
  let m = 0;
  const mobile = () => `1${prefixes[m++ % prefixes.length]}${digits(rng, 8)}`;
  const count = mobileForms("13800000000").length;
  for (let i = 0; i < count; i++) {
    const n = mobile();
    add("phone", mobileForms(n)[i]!, n);
  }
  const areas = ["010", "021", "0755", "0571", "028"];
  landlineForms.forEach((form, i) => {
    const area = areas[i % areas.length]!;
    const local = `${1 + Math.floor(rng() * 9)}${digits(rng, area.length === 3 ? 7 : 6)}`;
    add("phone", form(area, local), area.slice(1) + local);
  });
  emailForms("u0", 0).forEach((_, i) => {
    const user = `cx${digits(rng, 4)}q${i}`;
    const raw = emailForms(user, i + 1)[i]!;
    add("email", raw, raw.normalize("NFKC").toLowerCase());
  });
  idForms("11010519491231002X").forEach((_, i) => {
    const id = residentId(rng, i % 3 === 0);
    add("id", idForms(id)[i]!, id.toLowerCase());
  });
  for (const raw of cardForms(rng)) add("card", raw, raw.normalize("NFKC").replace(/\D/g, ""));
  return out;
};

/** Customer references that are themselves personal data or ids, one per signal, never stored raw. */
export const customerRefs = (count: number, seed = 31): Planted[] => {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const phone = `13${7 + (i % 3)}${digits(rng, 8)}`;
    const raw = [
      phone,
      `member-${digits(rng, 9)}`,
      `cx${digits(rng, 5)}@example.org`,
      residentId(rng, false),
      fullWidth(`13${digits(rng, 9)}`),
      `wx_${digits(rng, 6)}_${i}`,
    ][i % 6]!;
    return { kind: "customerRef" as const, raw, canonical: raw.normalize("NFKC").toLowerCase() };
  });
};
