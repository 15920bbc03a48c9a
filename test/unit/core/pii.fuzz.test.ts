import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isResidentIdNumber, passesLuhn } from "#core/check-digits";
import { maskPii, maskPiiWithoutShortcut, mayHoldPii, PII_TOKENS } from "#core/pii";

const RUNS = { numRuns: 1000 };

// How people type the same number: any of these between two digit groups. Single characters: the
// hyphen, dot, tab, ideographic and no-break spaces, and every width of dash.
const SEPARATORS = [
  ...[" ", "  ", "    ", " - ", "\u2014\u2014"],
  ..."-.\t\u3000\u00A0\u202F\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D",
];

const separators = fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 4 });

/** Printable ASCII typed half-width, full-width, or each character at random (bits of `seed`). */
const typing = fc.record({ style: fc.constantFrom("half", "full", "mixed"), seed: fc.nat() });
type Typing = typeof typing extends fc.Arbitrary<infer T> ? T : never;

function typed(text: string, { style, seed }: Typing): string {
  return [...text]
    .map((character, i) => {
      const code = character.charCodeAt(0);
      const full = style === "full" || (style === "mixed" && ((seed >> (i % 30)) & 1) === 1);
      return full && code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : character;
    })
    .join("");
}

/** `digits` cut into groups of the given lengths (the last takes the rest), joined by the separators in turn. */
function grouped(digits: string, lengths: readonly number[], between: readonly string[]): string {
  const groups: string[] = [];
  let at = 0;
  for (const length of lengths.slice(0, -1)) {
    groups.push(digits.slice(at, at + length));
    at += length;
  }
  groups.push(digits.slice(at));
  return groups.map((group, i) => (i === 0 ? group : between[(i - 1) % between.length] + group)).join("");
}

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(""));

// --- Personal data, each with the token it must become and the digits that must not survive ---

interface Pii {
  readonly rendered: string;
  readonly token: string;
  readonly digits: string;
}

const mobile = fc
  .record({
    number: fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`),
    lengths: fc.constantFrom([11], [3, 4, 4], [3, 8], [7, 4]),
    prefix: fc.constantFrom("", "+86", "+ 86", "0086", "86", "(+86)", "(86)", "(0086)"),
    afterPrefix: fc.constantFrom("", " ", "-", "\u3000", "\u2013", "\u00A0"),
    between: separators,
    typing,
  })
  .map(({ number, lengths, prefix, afterPrefix, between, typing: how }): Pii => {
    const rendered = `${prefix}${prefix === "" ? "" : afterPrefix}${grouped(number, lengths, between)}`;
    return { rendered: typed(rendered, how), token: PII_TOKENS.phone, digits: number };
  });

const landline = fc
  .record({
    area: fc.oneof(
      fc.constant("10"),
      fc.integer({ min: 20, max: 29 }).map(String),
      fc.integer({ min: 300, max: 999 }).map(String),
    ),
    local: fc.tuple(fc.integer({ min: 1, max: 9 }), digits(7)).map(([first, rest]) => `${first}${rest}`),
    shortLocal: fc.boolean(),
    localGrouped: fc.boolean(),
    form: fc.constantFrom("dialled", "brackets", "country", "bare"),
    countryCode: fc.constantFrom("+86", "+ 86", "0086"),
    bracketsAfterCountry: fc.boolean(),
    extension: fc.oneof(
      fc.constant(""),
      digits(3).map((d) => `转${d}`),
      digits(2).map((d) => `-${d}`),
    ),
    between: separators,
    typing,
  })
  .map(({ area, form, between, ...l }): Pii => {
    // A 7-digit local number only after a 3-digit area code, as in the numbering plan.
    const local = area.length === 3 && (l.shortLocal || form === "bare") ? l.local.slice(0, 7) : l.local;
    const localText = l.localGrouped ? grouped(local, [local.length - 4, 4], between) : local;
    const separator = between[0]!;
    const rendered = {
      dialled: `0${area}${separator}${localText}`,
      brackets: `(0${area})${separator.trim() === "" ? separator : ""}${localText}`,
      country: `${l.countryCode}${separator}${l.bracketsAfterCountry ? `(0${area})` : area}${separator}${localText}`,
      bare: `0${area}${local}`,
    }[form];
    return {
      rendered: typed(rendered + l.extension, l.typing),
      token: PII_TOKENS.phone,
      digits: `${area}${local}`,
    };
  });

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const DAY_MS = 86_400_000;
const FIRST_BIRTH = Date.UTC(1900, 0, 1);
const LAST_BIRTH = Date.UTC(2099, 11, 31);

/** GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits. */
function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, d, i) => total + Number(d) * ID_WEIGHTS[i]!, 0);
  return "10X98765432"[sum % 11]!;
}

const residentId = fc
  .record({
    region: fc.integer({ min: 100_000, max: 999_999 }),
    birthDay: fc.integer({ min: 0, max: (LAST_BIRTH - FIRST_BIRTH) / DAY_MS }),
    sequence: digits(3),
    lowerX: fc.boolean(),
    breaks: fc.subarray([6, 10, 14]),
    between: separators,
    typing,
  })
  .map(({ region, birthDay, sequence, lowerX, breaks, between, typing: how }): Pii => {
    const birth = new Date(FIRST_BIRTH + birthDay * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `${region}${birth}${sequence}`;
    const check = idCheckCharacter(first17);
    const id = first17 + (lowerX ? check.toLowerCase() : check);
    const lengths = [...breaks, 18].map((at, i, all) => at - (all[i - 1] ?? 0));
    return { rendered: typed(grouped(id, lengths, between), how), token: PII_TOKENS.id, digits: first17 };
  });

/** The digit that makes `body` pass Luhn when appended. */
function luhnCheckDigit(body: string): string {
  return [..."0123456789"].find((d) => passesLuhn(body + d))!;
}

const card = fc
  .integer({ min: 13, max: 19 })
  .chain((length) =>
    fc.record({
      number: fc
        .tuple(fc.integer({ min: 3, max: 6 }), digits(length - 2))
        .map(([first, body]) => `${first}${body}${luhnCheckDigit(`${first}${body}`)}`),
      lengths: fc.constantFrom(
        [length],
        [4, 4, 4, 4, 4].slice(0, Math.ceil(length / 4) - 1).concat(length),
        ...(length === 14 || length === 15 ? [[4, 6, length - 10]] : []),
      ),
      between: separators,
      typing,
    }),
  )
  // An 18-digit card that is also a valid resident ID is masked as an ID, which is right too.
  .filter(({ number }) => !isResidentIdNumber(number))
  .map(
    ({ number, lengths, between, typing: how }): Pii => ({
      rendered: typed(grouped(number, lengths, between), how),
      token: PII_TOKENS.card,
      digits: number,
    }),
  );

const word = (alphabet: string, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength }).map((c) => c.join(""));

const email = fc
  .record({
    local: fc.oneof(
      fc.stringMatching(/^[a-z0-9][a-z0-9._%+-]{0,12}[a-z0-9]$/),
      word("abcdeéèêëüöäñçøåßz", 10),
      word("абвгдежзиклмнопрст", 10),
      word("张王李赵刘陈杨黄周吴伟芳娜敏静丽强磊军洋", 6),
    ),
    labels: fc.array(
      fc.oneof(
        fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/),
        fc.constantFrom("bücher", "例子", "测试", "пример", "xn--fiqs8s", "mail"),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    topLevel: fc.constantFrom(..."com cn de org io info 中国 公司 网络 рф xn--fiqs8s".split(" ")),
    at: fc.constantFrom("@", "＠", "﹫"),
    dot: fc.constantFrom(".", "．"),
    typing,
  })
  .map(
    ({ local, labels, topLevel, at, dot, typing: how }): Pii => ({
      rendered: typed(`${local}${at}${[...labels, topLevel].join(dot)}`, how),
      token: PII_TOKENS.email,
      digits: "",
    }),
  );

// --- Customer words around the data: no digits, no `@`, and a boundary character on each side ---

const words = fc.string({
  unit: fc.constantFrom(..."我的订单快递客服退款请联系谢谢您好问题质量太慢了abcxyzXYZ ，。！？、…😀👍"),
  maxLength: 20,
});
const before = fc.constantFrom(" ", "，", "：", "(", "（", "【", "\n", "。", "、");
const after = fc.constantFrom(" ", "，", "。", "！", ")", "）", "】", "\n", "、");

/** Every digit of the text, folded to ASCII, in order: what a reader could still piece together. */
function digitsLeft(text: string): string {
  return text.normalize("NFKC").replace(/\D/g, "");
}

describe("maskPii masks generated personal data, however it is typed", () => {
  it.each([
    ["mobile numbers", mobile],
    ["landlines", landline],
    ["resident ID numbers", residentId],
    ["card numbers", card],
    ["e-mail addresses", email],
  ])("%s", (_kind, pii) => {
    fc.assert(
      fc.property(
        fc.tuple(words, before, pii, after, words),
        ([head, open, { rendered, token, digits: secret }, close, tail]) => {
          // Act
          const masked = maskPii(`${head}${open}${rendered}${close}${tail}`);

          // Assess
          expect(masked).toBe(`${head}${open}${token}${close}${tail}`);
          if (secret !== "") expect(digitsLeft(masked)).not.toContain(secret);
          expect(masked.normalize("NFKC")).not.toContain("@");
        },
      ),
      RUNS,
    );
  });
});

// --- Look-alikes that must survive ---

const orderNumber = fc
  .record({
    prefix: fc.constantFrom("", "", "DD", "SO", "订单"),
    number: fc.integer({ min: 14, max: 20 }).chain(digits),
  })
  .filter(({ prefix, number }) => {
    const bareCard = prefix === "" || prefix === "订单";
    return (
      !/^0/.test(number) &&
      !(number.length === 18 && isResidentIdNumber(number)) &&
      !(bareCard && number.length <= 19 && passesLuhn(number))
    );
  })
  .map(({ prefix, number }) => prefix + number);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");
const date = fc
  .record({
    year: fc.integer({ min: 1990, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    form: fc.nat({ max: 9 }),
    time: fc.constantFrom("", " 14:30", " 09:05:59", "下午3点", " 8:00–17:30"),
  })
  .map(({ year: y, month: m, day: d, form, time }) => {
    const forms = [
      `${y}年${m}月${d}日`,
      `${y}年${pad(m)}月${pad(d)}日`,
      `${y}-${pad(m)}-${pad(d)}`,
      `${y}/${m}/${d}`,
      `${y}.${pad(m)}.${pad(d)}`,
      `${d} ${MONTHS[m - 1]} ${y}`,
      `${MONTHS[m - 1]} ${d}, ${y}`,
      `${m}.${d}`,
      `${m}月${d}日`,
      `${y}\u2013${pad(m)}\u2013${pad(d)}`,
    ];
    return forms[form]! + time;
  });

const price = fc
  .record({
    yuan: fc.integer({ min: 0, max: 9_999_999 }),
    cents: fc.option(fc.integer({ min: 0, max: 99 })),
    grouping: fc.boolean(),
    currency: fc.constantFrom<[string, string]>(
      ["¥", ""],
      ["￥", ""],
      ["$", ""],
      ["", "元"],
      ["", " 元"],
      ["RMB ", ""],
    ),
  })
  .map(({ yuan, cents, grouping, currency: [sign, unit] }) => {
    const amount = grouping ? yuan.toLocaleString("en-US") : String(yuan);
    return `${sign}${amount}${cents === null ? "" : `.${pad(cents)}`}${unit}`;
  });

const modelNumber = fc
  .record({
    series: fc.stringMatching(/^[A-Z]{1,3}$/),
    number: fc.integer({ min: 1, max: 9999 }),
    suffix: fc.constantFrom("", "G", "-Pro", " Pro Max", "-Pro 2026", " 2026"),
    dash: fc.constantFrom("", "-"),
  })
  .map(({ series, number, suffix, dash }) => `${series}${dash}${number}${suffix}`);

const quantity = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom(" 件", "个", " units", "×", "x"))
  .map(([n, unit]) => (unit === "×" || unit === "x" ? `${unit}${n}` : `${n}${unit}`));

const lookAlike = fc
  .tuple(fc.oneof(orderNumber, date, price, modelNumber, quantity), typing)
  .map(([text, how]) => typed(text, how));
const joiner = fc.constantFrom("，", "。", " 买的 ", "，花了", "，订单", " and ", "、", "；型号");

describe("maskPii keeps generated look-alikes exactly as written", () => {
  it("order numbers, dates, times, prices, model numbers and quantities", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(lookAlike, joiner), { minLength: 1, maxLength: 5 }), (parts) => {
        // Prepare
        const text = parts.map(([part, join]) => part + join).join("");

        // Act
        const masked = maskPii(text);

        // Assess
        expect(masked).toBe(text);
      }),
      RUNS,
    );
  });
});

// --- Any string at all ---

const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const soup = fc
  .array(
    fc.oneof(
      mobile.map((p) => p.rendered),
      landline.map((p) => p.rendered),
      residentId.map((p) => p.rendered),
      card.map((p) => p.rendered),
      email.map((p) => p.rendered),
      lookAlike,
      fc.constantFrom(...SEPARATORS, "86", ..."@＠.x转()+\u200B⒈ﬁ㈠"),
      fc.constantFrom(...Object.values(PII_TOKENS)),
      digits(4),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("maskPii on any string", () => {
  it.each([
    ["UTF-16 units, lone surrogates included", utf16, 2000],
    ["code points of the whole Unicode range", fc.string({ unit: "binary" }), 2000],
    ["graphemes", fc.string({ unit: "grapheme" }), 1000],
    ["personal data, look-alikes and odd characters run together", soup, 2000],
  ])("%s: returns a string and is idempotent", (_kind, text: fc.Arbitrary<string>, numRuns) => {
    fc.assert(
      fc.property(text, (t) => {
        // Act
        const once = maskPii(t);

        // Assess
        expect(typeof once).toBe("string");
        expect(maskPii(once)).toBe(once);
      }),
      { numRuns },
    );
  });
});

describe("the shortcut for text without digits or @", () => {
  // Characters that fold into digits or @ (circled, superscript, full-width, telegraph symbols,
  // other scripts' digits) mixed with ordinary text and any code point.
  const tricky = fc.constantFrom(
    "①",
    "⒈",
    "¹",
    "㋀",
    "㏠",
    "＠",
    "﹫",
    "٣",
    "𝟙",
    "ⓐ",
    "空",
    " ",
    "-",
    "．",
    "@",
    "7",
  );
  const text = fc.string({
    unit: fc.oneof(tricky, fc.string({ unit: "binary", minLength: 1, maxLength: 1 })),
  });

  it("skips only text that the full masker leaves unchanged", () => {
    fc.assert(
      fc.property(text, (t) => {
        if (!mayHoldPii(t)) expect(maskPiiWithoutShortcut(t)).toBe(t);
        expect(maskPii(t)).toBe(maskPiiWithoutShortcut(t));
      }),
      { numRuns: 3000 },
    );
  });
});
