/**
 * Text tables for the CLI: what the API answers, made safe for a terminal and aligned by the
 * columns characters really take (Chinese names are two columns wide).
 */

// Unicode's East Asian Wide and Fullwidth blocks: terminals draw these two columns wide. A table of
// ranges because neither regular expressions nor Intl expose the East_Asian_Width property.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth ASCII (the halfwidth kana after it stay narrow)
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1b000, 0x1b2ff], // kana supplement and extensions
  [0x20000, 0x3fffd], // CJK extensions B onwards
];
const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]/u;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const isWide = (cp: number) => WIDE.some(([from, to]) => cp >= from && cp <= to);

/**
 * How many terminal columns `text` takes: East Asian wide and fullwidth characters and emoji count
 * 2, combining marks and format characters 0 (each user-perceived character is measured whole, so
 * an accent or a joined emoji family does not add columns), everything else 1.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) width += 2;
    else if (ZERO_WIDTH.test(segment)) width += 0;
    else width += isWide(segment.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return width;
}

/**
 * Text from the API made safe to print: control characters (an escape sequence could recolour or
 * move the terminal's cursor, a newline would break the row) and bidirectional overrides (which
 * reorder what the analyst reads) become U+FFFD.
 */
export const printable = (text: string): string =>
  text.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "\uFFFD");

export type Align = "left" | "right";

/** `text` padded with spaces to `width` display columns. */
export function pad(text: string, width: number, align: Align = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

export interface TableColumn<T> {
  header: string;
  align: Align;
  cell: (item: T) => string;
}

/** Rows under a dashed header, columns two spaces apart, aligned by display width. */
export function textTable<T>(columns: readonly TableColumn<T>[], items: readonly T[]): string[] {
  const rows = [
    columns.map((c) => c.header),
    ...items.map((item) => columns.map((c) => printable(c.cell(item)))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ""))));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align))
      .join("  ")
      .trimEnd();
  const [head = [], ...body] = rows;
  return [format(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(format)];
}
