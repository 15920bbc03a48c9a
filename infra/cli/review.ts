/**
 * `npm run cli -- review --quarter 2026-Q3 [--dry-run] [--json]`: runs the pull-and-fix review of a
 * quarter (`POST /v1/reviews`) and prints it for a CCO analyst's terminal: what the lines were held
 * to, the flagged lines, then those at risk, with the figures behind each verdict.
 */
import { type ApiClient, ApiError } from "#infra/api-client/client";
import type { TextOut } from "#infra/api-client/report";
import { Quarter } from "#schemas/common";
import { Policy } from "#schemas/policy";
import { Review, type ReviewLine } from "#schemas/review";
import { readAnswer } from "./session";
import { printable, type TableColumn, textTable } from "./text-table";

export { displayWidth, pad, printable } from "./text-table";

// Locally nothing cuts a long review short (deployed, API Gateway does at 30 s), so wait as long as
// the review function itself may run rather than the client's default minute.
const REVIEW_TIMEOUT_MS = 300_000;

/** Why `--quarter` cannot be sent, or undefined when it can. */
export function quarterProblem(value: string): string | undefined {
  if (value === "") return "review needs the quarter: npm run cli -- review --quarter 2026-Q3";
  if (!Quarter.safeParse(value).success) return `--quarter must be a quarter such as 2026-Q3, got "${value}"`;
  return undefined;
}

type Column = TableColumn<ReviewLine>;

/** The lines under their columns, leaving out a column empty in every row (no notices in a dry run). */
const table = (all: readonly Column[], lines: readonly ReviewLine[]): string[] =>
  textTable(
    all.filter((c) => lines.some((l) => c.cell(l) !== "")),
    lines,
  );

/** What the review does not say but the policy version it cites does. */
export interface ReviewPolicy {
  minSample: number;
  confidence: number;
  relativeThreshold: number;
  criticalComplaints: number;
}

// Plain ASCII in the table: "—", "×" and "…" are East Asian *ambiguous*, two columns wide in
// many CJK terminals, which would undo the alignment.
const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? "-" : (x * 100).toFixed(1);
const count = (n: number) => n.toLocaleString("en-US");

/** The table's columns; the bar is the quarter's, repeated so that each row reads on its own. */
const columns = (bar: string): readonly Column[] => [
  { header: "line", align: "left", cell: (l) => l.productLineId },
  { header: "unit", align: "left", cell: (l) => l.businessUnitId },
  { header: "n", align: "right", cell: (l) => count(l.n) },
  { header: "neg", align: "right", cell: (l) => count(l.negatives) },
  { header: "rate %", align: "right", cell: (l) => percent(l.negativeRate) },
  { header: "wilson lo %", align: "right", cell: (l) => percent(l.wilson?.lo) },
  { header: "bar %", align: "right", cell: () => bar },
  {
    header: "status",
    align: "left",
    cell: (l) => (l.flagged ? (l.repeat ? "FLAGGED repeat" : "FLAGGED") : "AT RISK"),
  },
  {
    header: "flagged by",
    align: "left",
    cell: (l) =>
      l.flaggedBy.map((by) => (by === "rate" ? "rate" : `${l.criticalComplaints} critical`)).join(", "),
  },
  {
    header: "to be flagged",
    align: "left",
    cell: (l) =>
      !l.atRisk ? "" : l.negativesToFlag === undefined ? "out of reach" : `+${count(l.negativesToFlag)} neg`,
  },
  { header: "notice", align: "left", cell: (l) => l.noticeId ?? "" },
  {
    header: "top reasons",
    align: "left",
    cell: (l) =>
      l.reasons
        .slice(0, 3)
        .map((r) => `${r.reason} ${count(r.count)}`)
        .join(", "),
  },
];

/** Flagged lines first, then those at risk; each group worst rate first (the API's order too). */
const worstFirst = (a: ReviewLine, b: ReviewLine): number =>
  Number(b.flagged) - Number(a.flagged) ||
  (b.negativeRate ?? -1) - (a.negativeRate ?? -1) ||
  (b.wilson?.lo ?? -1) - (a.wilson?.lo ?? -1) ||
  (a.productLineId < b.productLineId ? -1 : a.productLineId > b.productLineId ? 1 : 0);

const ranAtText = (iso: string) =>
  iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/, "$1 $2 UTC");

function barText(review: Review, policy: ReviewPolicy | undefined): string {
  const { bar } = review;
  const times = policy ? ` (${policy.relativeThreshold} x pooled rate)` : "";
  const why =
    bar.from === "relative"
      ? `the relative bar${times}, above the absolute ${percent(bar.absolute)} %`
      : `the absolute bar, at or above the relative ${percent(bar.relative)} %${times}`;
  return `${percent(bar.value)} %  ${why}`;
}

// A flag on a line whose notice is still open is recorded on that notice, so not every notice of a
// review is a new one: the count says what they carry rather than that they were issued.
function noticesText(review: Review): string {
  const issued = review.noticesIssued.length;
  if (review.dryRun) return "none (dry run)";
  if (issued === 0) return "none: no line is flagged";
  return issued === 1 ? "1 carries this quarter's flag" : `${count(issued)} carry this quarter's flags`;
}

/** The review as text: a header, the flagged and at-risk lines as a table, and a count of all lines. */
export function renderReview(review: Review, policy?: ReviewPolicy): string {
  const n = review.lines.reduce((sum, l) => sum + l.n, 0);
  const negatives = review.lines.reduce((sum, l) => sum + l.negatives, 0);
  const out = [
    `Review of ${printable(review.quarter)}${review.dryRun ? " (DRY RUN: nothing stored, no notices issued)" : ""}`,
    `  policy version  ${review.policyVersion}`,
    `  pooled rate     ${percent(review.pooledRate)} %  (${count(negatives)} negatives in ${count(n)} signals)`,
    `  bar             ${barText(review, policy)}`,
    `  ran             ${printable(ranAtText(review.ranAt))} by ${printable(review.ranBy)}`,
    `  notices         ${noticesText(review)}`,
    "",
  ];
  if (review.lines.length === 0) {
    out.push(`No product line has signals in ${printable(review.quarter)}.`);
    return `${out.join("\n")}\n`;
  }

  const listed = review.lines.filter((l) => l.flagged || l.atRisk).sort(worstFirst);
  if (listed.length === 0) out.push("No line is flagged or at risk.");
  else {
    const level = policy ? `${Math.round(policy.confidence * 1000) / 10} % ` : "";
    const critical = policy ? `${policy.criticalComplaints}+` : "enough";
    out.push(
      `FLAGGED: the ${level}Wilson lower bound is above the bar, or ${critical} critical complaints.`,
      "AT RISK: the rate is above the bar, its lower bound is not; +N neg more at this n would flag it.",
      "",
      ...table(columns(percent(review.bar.value)), listed),
    );
  }

  const flagged = review.lines.filter((l) => l.flagged).length;
  const atRisk = review.lines.filter((l) => l.atRisk).length;
  const rest = review.lines.length - flagged - atRisk;
  let restText = `${count(rest)} neither`;
  if (policy) {
    const tooSmall = review.lines.filter((l) => !l.flagged && !l.atRisk && l.n < policy.minSample).length;
    restText = `${count(rest - tooSmall)} ok, ${count(tooSmall)} too small (n < ${count(policy.minSample)})`;
  }
  out.push(
    "",
    `${count(review.lines.length)} lines reviewed: ${count(flagged)} flagged, ${count(atRisk)} at risk, ${restText}`,
  );
  return `${out.join("\n")}\n`;
}

/** The review settings of the policy version a review cites, or why they could not be read. */
async function policyOf(client: ApiClient, version: number): Promise<ReviewPolicy | string> {
  try {
    const answer = Policy.safeParse(await client.get(`/v1/policy/versions/${version}`));
    if (!answer.success) return "the API answered it in a shape this CLI does not know";
    return answer.data.review;
  } catch (err) {
    if (err instanceof ApiError) return err.status === 0 ? err.message : `${err.status} ${err.code}`;
    throw err;
  }
}

export interface ReviewCommandOptions {
  quarter: string;
  dryRun: boolean;
  /** Print the API's answer as it came instead of the table. */
  json: boolean;
}

/** Runs the review and prints it; resolves to the exit code. Throws the `ApiError` of a refused run. */
export async function reviewCommand(
  client: ApiClient,
  options: ReviewCommandOptions,
  io: { stdout: TextOut; stderr: TextOut },
): Promise<number> {
  const body = { quarter: options.quarter, ...(options.dryRun ? { dryRun: true } : {}) };
  const answer = await client.request<unknown>("POST", "/v1/reviews", { body, timeoutMs: REVIEW_TIMEOUT_MS });
  if (options.json) {
    io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  const review = readAnswer(Review, answer, "POST /v1/reviews answered a review");
  // The review cites its policy version but not the settings the header and the count need; the
  // run has already happened, so a policy that cannot be read only thins the report.
  const policy = await policyOf(client, review.policyVersion);
  if (typeof policy === "string")
    io.stderr.write(
      `Could not read policy version ${review.policyVersion} (${policy}): ` +
        "lines too small to judge are not told apart from the ok ones.\n",
    );
  io.stdout.write(renderReview(review, typeof policy === "string" ? undefined : policy));
  return 0;
}
