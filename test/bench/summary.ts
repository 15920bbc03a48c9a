/**
 * The one table of `npm run bench`: every bench reports its headline figures here, each beside the
 * physical reference it took in the same run (this machine's absolute speed moves 2–3× between
 * days, so a figure is judged as a ratio to its reference, never as an absolute time), and the
 * runner prints them together at the end of the run.
 */
export interface Figure {
  /** The bench that measured it: `ingest`, `review`, … */
  bench: string;
  /** What was measured, with its unit: "HTTP POST /v1/signals, signals/s". */
  figure: string;
  /** The measured value, formatted. */
  measured: string;
  /** The reference taken in the same run, named and formatted; "–" when the figure is absolute. */
  reference: string;
  /** measured / reference, or the figure's own ratio (10× / 1×); absent when it has none. */
  ratio?: number;
  /** The budget in words ("≥ 0.8", "≤ 100 ms"); absent for figures shown for understanding. */
  budget?: string;
  /** Whether the budget is met; absent without a budget. */
  pass?: boolean;
}

const figures: Figure[] = [];

/** Adds figures to the run's summary table. */
export const report = (...measured: Figure[]): void => {
  figures.push(...measured);
};

/** What was reported so far, in order (for the runner and for tests of a bench). */
export const reported = (): readonly Figure[] => figures;

const ratioText = (ratio: number | undefined) =>
  ratio === undefined || !Number.isFinite(ratio) ? "–" : ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(2);

/** The summary as one markdown table, or an empty string when nothing was reported. */
export const summaryTable = (rows: readonly Figure[] = figures): string => {
  if (rows.length === 0) return "";
  const cells = rows.map((f) => [
    f.bench,
    f.figure,
    f.measured,
    f.reference,
    ratioText(f.ratio),
    f.budget ?? "–",
    f.pass === undefined ? "–" : f.pass ? "PASS" : "FAIL",
  ]);
  const head = ["bench", "figure", "measured", "reference (same run)", "ratio", "budget", "verdict"];
  const right = new Set([2, 4]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (row: string[]) =>
    `| ${row.map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (right.has(i) ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(head), rule, ...cells.map(line)].join("\n");
};
