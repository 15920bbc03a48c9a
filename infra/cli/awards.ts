/**
 * `npm run cli -- awards --period 2026 [--finalize] [--json]`: runs the Red and Rotten Strawberry
 * awards of a year or a quarter (`POST /v1/awards`) and prints them for the CCO team's terminal: the
 * winners as two tables, then each award's explanation and the customers' words it cites.
 */
import type { ApiClient } from "#infra/api-client/client";
import type { TextOut } from "#infra/api-client/report";
import { type Award, Awards } from "#schemas/award";
import { QuarterOrYear } from "#schemas/common";
import type { Verbatim } from "#schemas/notice";
import { readAnswer } from "./session";
import { printable, type TableColumn, textTable } from "./text-table";

// Awards read every line's totals and a few voices per winner: wait as long as the function may run.
const AWARDS_TIMEOUT_MS = 300_000;
/** Characters of a cited verbatim shown on its line (the API has it whole). */
const CITATION_CHARS = 160;

/** Why `--period` cannot be sent, or undefined when it can. */
export function periodProblem(value: string): string | undefined {
  if (value === "") return "awards needs the period: npm run cli -- awards --period 2026 (or 2026-Q3)";
  if (!QuarterOrYear.safeParse(value).success)
    return `--period must be a year such as 2026 or a quarter such as 2026-Q3, got "${value}"`;
  return undefined;
}

// Plain ASCII around the figures, as in the review's table (see review.ts).
const percent = (x: number) => (x * 100).toFixed(1);
const count = (n: number) => n.toLocaleString("en-US");
const timeText = (iso: string) =>
  iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/, "$1 $2 UTC");

const columns = (eligible: number): TableColumn<Award>[] => [
  { header: "rank", align: "right", cell: (a) => String(a.rank) },
  { header: "line", align: "left", cell: (a) => a.productLineId },
  { header: "name", align: "left", cell: (a) => a.name },
  { header: "unit", align: "left", cell: (a) => a.businessUnitId },
  { header: "n", align: "right", cell: (a) => count(a.n) },
  { header: "neg", align: "right", cell: (a) => count(a.negatives) },
  { header: "rate %", align: "right", cell: (a) => percent(a.negativeRate) },
  { header: "shrunk %", align: "right", cell: (a) => percent(a.shrunkRate) },
  { header: "standing", align: "left", cell: (a) => `${a.explanation.figures.standing} of ${eligible}` },
];

/** The awards as rows under a dashed header, aligned by display width. */
const table = (awards: readonly Award[], eligible: number): string[] => textTable(columns(eligible), awards);

const citationText = (v: Verbatim): string => {
  const words = [...printable(v.text)];
  const shown =
    words.length > CITATION_CHARS ? `${words.slice(0, CITATION_CHARS).join("")}...` : words.join("");
  const grade =
    v.kind === "complaint" ? `complaint, ${v.severity ?? "minor"}` : `${v.kind} ${v.score ?? ""}`.trim();
  return `"${shown}" (${v.channel}, ${grade}, ${v.occurredAt.slice(0, 10)})`;
};

function details(awards: readonly Award[], title: string): string[] {
  return awards.flatMap((a) => [
    "",
    `${title} #${a.rank}  ${printable(a.productLineId)}`,
    `  ${printable(a.explanation.en)}`,
    ...(a.citation.length === 0
      ? ["  (no customer words to cite in the period)"]
      : a.citation.map((v) => `  ${citationText(v)}`)),
  ]);
}

/** The awards as text: a header, Red and Rotten as tables, then each award's explanation and citation. */
export function renderAwards(awards: Awards): string {
  const state = awards.finalized
    ? ` (FINAL since ${timeText(awards.finalizedAt ?? awards.computedAt)})`
    : " (PREVIEW: not final; the next run replaces it)";
  const out = [
    `Awards of ${printable(awards.period)}${state}`,
    `  policy version  ${awards.policyVersion}`,
    `  pooled rate     ${percent(awards.pooledRate)} %  (all ${count(awards.lines)} lines with signals)`,
    `  eligible        ${count(awards.eligible)} lines with n >= ${count(awards.minSample)}, ranked by shrunk rate (m = ${awards.priorStrength})`,
    `  computed        ${printable(timeText(awards.computedAt))} by ${printable(awards.computedBy)}`,
    "",
  ];
  if (awards.red.length === 0) {
    out.push(
      awards.eligible < 2
        ? `No awards: ${awards.eligible === 0 ? "no line has" : "only one line has"} enough signals in ${printable(awards.period)}.`
        : "No awards.",
    );
    return `${out.join("\n")}\n`;
  }
  if (awards.perList < awards.count)
    out.push(
      `${awards.perList} per list, not ${awards.count}: only ${awards.eligible} eligible lines, and no line is both Red and Rotten.`,
      "",
    );
  out.push(
    "RED STRAWBERRIES (lowest shrunk negative rate)",
    ...table(awards.red, awards.eligible),
    "",
    "ROTTEN STRAWBERRIES (highest shrunk negative rate)",
    ...table(awards.rotten, awards.eligible),
    ...details(awards.red, "Red Strawberry"),
    ...details(awards.rotten, "Rotten Strawberry"),
  );
  return `${out.join("\n")}\n`;
}

export interface AwardsCommandOptions {
  period: string;
  finalize: boolean;
  /** Print the API's answer as it came instead of the tables. */
  json: boolean;
}

/** Runs the awards and prints them; resolves to the exit code. Throws the `ApiError` of a refused run. */
export async function awardsCommand(
  client: ApiClient,
  options: AwardsCommandOptions,
  io: { stdout: TextOut },
): Promise<number> {
  const body = { period: options.period, ...(options.finalize ? { finalize: true } : {}) };
  const answer = await client.request<unknown>("POST", "/v1/awards", { body, timeoutMs: AWARDS_TIMEOUT_MS });
  if (options.json) {
    io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  const awards = readAnswer(Awards, answer, "POST /v1/awards answered awards");
  io.stdout.write(renderAwards(awards));
  return 0;
}
