/**
 * What a hostile or careless client sends (issue 13, item 2), as fast-check arbitraries shared by the
 * hostile-input tests: text of every Unicode plane with unpaired surrogates, NUL and bidi controls,
 * 4,000-character and longer strings, numbers written as strings, `__proto__` / `constructor` /
 * `prototype` keys, arrays where objects belong, duplicated array items; and the oracle every answer
 * to such input is held to.
 */
import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Characters that break naive code: controls, bidi marks, lone surrogates, astral planes, look-alikes. */
const SPECIAL = [
  "\u0000",
  "\u0001",
  "\u001b",
  "\u007f",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\u202e",
  "\u202d",
  "\u200f",
  "\u200e",
  "\u2066",
  "\u061c",
  "\u200b",
  "\ufeff",
  "\ufffe",
  "\uffff",
  "\ufffd",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u00a0",
  "\u3000",
  "\t",
  "\r",
  "\n",
  "\u{1f600}",
  "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}",
  "\u{10ffff}",
  "\u{e0041}",
  "\u{20000}",
  "\u{1d11e}",
  "\u{f0000}",
  "e\u0301",
  "空",
  "ﷺ",
  "'",
  '"',
  "\\",
  "<script>",
  "%00",
  "%",
  "$\u{7b}x}",
  "../",
  "=1+1",
  "+",
  "-",
  "@",
  "＝",
] as const;

/** One hostile unit: a special character, any code point of any plane, or any UTF-16 unit alone. */
export const hostileUnit: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);

/** Hostile text: short mixes of hostile units, or one repeated to 3,999 … 10,000 UTF-16 units. */
export const hostileText = (maxLong = 10_000): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(hostileUnit, { maxLength: 12 }).map((units) => units.join("")) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileUnit, fc.constantFrom(3_999, 4_000, 4_001, 10_000))
        .map(([unit, length]) => unit.repeat(length).slice(0, Math.min(length, maxLong))),
    },
  );

/** Numbers as a careless client writes them: in strings, in other notations, out of range. */
export const numberAsString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("1", "0", "-0", "-1", "4", "1e400", "NaN", "Infinity", "0x10", " 5", "5 ", "1.5", "１", ""),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Any value a hostile client may put where another value belongs. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileText(),
  numberAsString,
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A copy of `o` with `key` set as an own, enumerable property (so `__proto__` is a key, not the prototype). */
const withOwn = (o: Record<string, Json>, key: string, value: Json | undefined): Record<string, Json> => {
  const copy: Record<string, Json> = {};
  for (const [k, v] of Object.entries(o))
    if (k !== key)
      Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (value !== undefined)
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
};

/** Every path into `value`, the root (`[]`) first. */
export const pathsOf = (value: Json, at: Path = []): Path[] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (isObject(value)) return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
};

const getAt = (value: Json, path: Path): Json =>
  path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, value);

/** `root` with the value at `path` replaced by `change(old)` (`undefined` removes it). */
export const setAt = (root: Json, path: Path, change: (old: Json) => Json | undefined): Json | undefined => {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path as [string | number, ...Path];
  const child = (root as Record<string | number, Json>)[head] as Json;
  const next = setAt(child, rest, change);
  if (Array.isArray(root)) {
    const copy = [...root];
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  return withOwn(root as Record<string, Json>, String(head), next);
};

const mapNumbers = (value: Json, to: (n: number) => Json): Json => {
  if (typeof value === "number") return to(value);
  if (Array.isArray(value)) return value.map((v) => mapNumbers(v, to));
  if (isObject(value)) {
    let copy: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) copy = withOwn(copy, k, mapNumbers(v, to));
    return copy;
  }
  return value;
};

/** A hostile body and what was done to the valid one, for the failure report. */
export interface Mutated {
  how: string;
  body: Json | undefined;
}

/**
 * Bodies made from a valid one by one hostile change: a value replaced by a hostile one, a
 * prototype key injected, an object wrapped in an array (or an array replaced by its first item), an
 * array item duplicated, a field dropped, or every number written as a string.
 */
export const hostileBody = (valid: Json): fc.Arbitrary<Mutated> => {
  const paths = pathsOf(valid);
  const objects = paths.filter((p) => isObject(getAt(valid, p)));
  const arrays = paths.filter((p) => Array.isArray(getAt(valid, p)));
  const fields = paths.filter((p) => p.length > 0);
  const show = (p: Path) => p.join(".") || "(root)";
  const ops: fc.Arbitrary<Mutated>[] = [
    fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, v]) => ({
      how: `replace ${show(p)}`,
      body: setAt(valid, p, () => v),
    })),
    fc
      .tuple(
        fc.constantFrom(...objects),
        fc.constantFrom(...PROTO_KEYS),
        fc.oneof(hostileValue, fc.constant({ polluted: true })),
      )
      .map(([p, key, v]) => ({
        how: `inject ${key} at ${show(p)}`,
        body: setAt(valid, p, (o) => withOwn(o as Record<string, Json>, key, v)),
      })),
    fc
      .constantFrom(...objects)
      .map((p) => ({ how: `wrap ${show(p)} in an array`, body: setAt(valid, p, (o) => [o]) })),
    fc.constant({ how: "numbers as strings", body: mapNumbers(valid, String) }),
  ];
  if (fields.length > 0)
    ops.push(
      fc
        .constantFrom(...fields)
        .map((p) => ({ how: `drop ${show(p)}`, body: setAt(valid, p, () => undefined) })),
    );
  if (arrays.length > 0) {
    ops.push(
      fc.tuple(fc.constantFrom(...arrays), fc.nat()).map(([p, i]) => ({
        how: `duplicate an item of ${show(p)}`,
        body: setAt(valid, p, (a) => {
          const list = a as Json[];
          return list.length === 0 ? list : [...list, list[i % list.length] as Json];
        }),
      })),
      fc.constantFrom(...arrays).map((p) => ({
        how: `unwrap ${show(p)}`,
        body: setAt(valid, p, (a) => (a as Json[])[0] ?? {}),
      })),
    );
  }
  return fc.oneof(...ops);
};

/** A query value: hostile text (short enough for a URL), a number as a string, or one of each type's junk. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileText(250),
  numberAsString,
  fc.constantFrom(
    "true",
    "false",
    "TRUE",
    "1",
    "csv",
    "json",
    "CSV",
    "2026-Q5",
    "2026-Q0",
    "99999",
    "0000-Q1",
    "[]",
    "{}",
    "null",
  ),
);

/** Percent-encodes text as UTF-8 (a lone surrogate as the bytes WTF-8 would give it, which no decoder accepts). */
export const percentEncode = (text: string): string => {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(text[i] as string);
  }
  return out;
};

/** Raw junk appended to a query string as is: bad escapes, repeats, empty pairs. */
export const rawQueryJunk: fc.Arbitrary<string> = fc.constantFrom(
  "",
  "&",
  "&&=&",
  "&%",
  "&%zz=%zz",
  "&limit=%",
  "&=x",
  "&limit=1&limit=2",
  "&format=csv&format=json",
  "&cursor=",
  "&cursor=%ED%A0%80",
  "&%ff%fe=%ff",
  "&a[b]=c&a[__proto__][x]=1",
);

/** A query string of `pairs` (values percent-encoded) followed by raw junk. */
export const queryString = (pairs: [string, string][], junk = ""): string => {
  const text = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&") + junk;
  return text === "" ? "" : `?${text}`;
};

interface ErrorAnswer {
  error?: { code?: string; message?: string; details?: { path?: unknown; message?: unknown }[] };
}

/**
 * Why a 400 does not name a field among `fields` (top-level names of the path, query and body, or
 * `(root)` for the body as a whole), or undefined when it does.
 */
export const unnamed400 = (body: unknown, fields: ReadonlySet<string>): string | undefined => {
  const error = (body as ErrorAnswer | undefined)?.error;
  const details = error?.details ?? [];
  if (details.length === 0) return `no details: ${JSON.stringify(error)}`;
  const strays = details.filter(
    (d) => typeof d.path !== "string" || !fields.has(d.path.split(".")[0] as string),
  );
  return strays.length > 0 ? `paths outside the input: ${JSON.stringify(strays)}` : undefined;
};
