/**
 * `npm run cli -- andons [--status RAISED] [--json]`: the Andons (`GET /v1/andons`, every page),
 * newest first, for the CCO team's terminal: which line stopped on which day, with how many critical
 * complaints, what was decided, and the customers' words that raised it.
 */
import { type ApiClient, ApiError } from "#infra/api-client/client";
import type { TextOut } from "#infra/api-client/report";
import { Andon, AndonStatus } from "#schemas/andon";
import { pageOf } from "#schemas/common";
import { printable, type TableColumn, textTable } from "./text-table";

const AndonPage = pageOf(Andon);
/** Characters of a complaint shown on its line (the API has it whole). */
const COMPLAINT_CHARS = 120;
const PAGE = 100;

/** Why `--status` cannot be sent, or undefined when it can. */
export function statusProblem(value: string | undefined): string | undefined {
  if (value === undefined || AndonStatus.safeParse(value).success) return undefined;
  return `--status must be one of ${AndonStatus.options.join(", ")}, got "${value}"`;
}

const COLUMNS: readonly TableColumn<Andon>[] = [
  { header: "day", align: "left", cell: (a) => a.day },
  { header: "line", align: "left", cell: (a) => a.productLineId },
  { header: "unit", align: "left", cell: (a) => a.businessUnitId },
  { header: "critical", align: "right", cell: (a) => String(a.criticalCount) },
  { header: "status", align: "left", cell: (a) => a.status },
  { header: "notice", align: "left", cell: (a) => a.noticeId ?? "" },
  { header: "decided by", align: "left", cell: (a) => a.decidedBy ?? "" },
];

const shorten = (text: string) => {
  const chars = [...printable(text)];
  return chars.length > COMPLAINT_CHARS ? `${chars.slice(0, COMPLAINT_CHARS).join("")}...` : chars.join("");
};

/** The Andons as text: a table, then each undecided one's complaints and each decision's reason. */
export function renderAndons(andons: readonly Andon[]): string {
  if (andons.length === 0) return "No Andons.\n";
  const out = [...textTable(COLUMNS, andons)];
  for (const a of andons) {
    const notes = [
      ...(a.comment
        ? [`  ${a.status === "DISMISSED" ? "dismissed" : "confirmed"}: ${shorten(a.comment)}`]
        : []),
      ...(a.status === "RAISED"
        ? a.complaints.map((c) => `  "${shorten(c.text)}" (${c.channel}, ${c.occurredAt})`)
        : []),
    ];
    if (notes.length > 0) out.push("", `${printable(a.id)}`, ...notes);
  }
  return `${out.join("\n")}\n`;
}

export interface AndonsCommandOptions {
  status?: string | undefined;
  json: boolean;
}

/** Lists every Andon (all pages) and prints them; resolves to the exit code. */
export async function andonsCommand(
  client: ApiClient,
  options: AndonsCommandOptions,
  io: { stdout: TextOut },
): Promise<number> {
  const andons: Andon[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (options.status) query.set("status", options.status);
    if (cursor) query.set("cursor", cursor);
    const answer = await client.get<unknown>(`/v1/andons?${query}`);
    const page = AndonPage.safeParse(answer);
    if (!page.success)
      throw new ApiError(
        200,
        "bad_response",
        "GET /v1/andons answered a page this CLI cannot read; --json prints it",
      );
    andons.push(...page.data.items);
    cursor = page.data.nextCursor;
  } while (cursor);
  io.stdout.write(options.json ? `${JSON.stringify(andons, null, 2)}\n` : renderAndons(andons));
  return 0;
}
