import { afterEach, describe, expect, it } from "vitest";
import { type CliIo, runCli } from "#infra/cli/main";
import { DEFAULT_POLICY } from "#schemas/policy";
import { FAKE_TOKEN, type FakeApi, type FakeApiOptions, startFakeApi } from "./fake-api";
import { sampleReview } from "./review-fixture";

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function io(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    out: () => out,
    err: () => err,
  };
}

const POLICY_2 = { ...DEFAULT_POLICY, version: 2 };

async function review(argv: string[], options: FakeApiOptions) {
  api = await startFakeApi({ policies: { 2: POLICY_2 }, ...options });
  const t = io();
  const code = await runCli(["review", ...argv, "--api", api.url], t);
  return { code, out: t.out(), err: t.err(), api };
}

describe("npm run cli -- review", () => {
  it("runs the quarter's review with a dev token and prints it as a table", async () => {
    const { code, out, err, api } = await review(["--quarter", "2026-Q3"], {
      review: { body: sampleReview() },
    });
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(api.reviewRequests).toEqual([{ quarter: "2026-Q3" }]);
    expect(api.authHeaders).toEqual([`Bearer ${FAKE_TOKEN}`, `Bearer ${FAKE_TOKEN}`]);
    expect(out).toMatch(/^Review of 2026-Q3\n {2}policy version {2}2\n/);
    expect(out).toMatch(/\npl-again +bu-fresh +300 +150 +50\.0 +44\.4 +24\.3 +FLAGGED repeat /);
    expect(out).toContain("6 lines reviewed: 3 flagged, 1 at risk, 1 ok, 1 too small (n < 30)");
  });

  it("asks for a dry run with --dry-run", async () => {
    const answer = sampleReview({ dryRun: true, noticesIssued: [] });
    const { code, out, api } = await review(["--quarter", "2026-Q4", "--dry-run", "--token", FAKE_TOKEN], {
      review: { body: answer },
    });
    expect(code).toBe(0);
    expect(api.reviewRequests).toEqual([{ quarter: "2026-Q4", dryRun: true }]);
    expect(out).toContain("(DRY RUN: nothing stored, no notices issued)");
  });

  it("prints the API's JSON as it came with --json, fields this CLI does not know included", async () => {
    const answer = { ...sampleReview(), somethingNew: { x: 1 } };
    const { code, out } = await review(["--quarter", "2026-Q3", "--json"], { review: { body: answer } });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(answer);
    expect(out).not.toContain("lines reviewed");
  });

  it("still prints the review when its policy version cannot be read, saying what is missing", async () => {
    const { code, out, err } = await review(["--quarter", "2026-Q3"], {
      review: { body: sampleReview({ policyVersion: 7 }) },
    });
    expect(code).toBe(0);
    expect(err).toBe(
      "Could not read policy version 7 (404 not_found): lines too small to judge are not told apart from the ok ones.\n",
    );
    expect(out).toContain("6 lines reviewed: 3 flagged, 1 at risk, 2 neither");
  });

  it("prints an API error with its field details and exits 1", async () => {
    const { code, out, err } = await review(["--quarter", "2026-Q3"], {
      review: {
        status: 400,
        error: {
          code: "validation_failed",
          message: "The request is not valid",
          details: [{ path: "quarter", message: "No signals are kept that far back" }],
        },
      },
    });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toBe(
      "The API answered 400 validation_failed: The request is not valid\n  quarter: No signals are kept that far back\n",
    );
  });

  it("says a refused token needs role cco", async () => {
    const { code, err } = await review(["--quarter", "2026-Q3"], {
      review: { status: 403, error: { code: "forbidden", message: "This needs one of the roles: cco" } },
    });
    expect(code).toBe(1);
    expect(err).toContain("The API answered 403 forbidden: This needs one of the roles: cco\n");
    expect(err).toContain("pass a valid --token (role cco).");
  });

  it("refuses an answer that is not a review rather than print a wrong table", async () => {
    const { code, out, err } = await review(["--quarter", "2026-Q3"], {
      review: { body: { ...sampleReview(), lines: [{ productLineId: "pl-x" }] } },
    });
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(
      /^The API answered 200 bad_response: POST \/v1\/reviews answered a review this CLI cannot read \(at lines\.0\./,
    );
    expect(err).toContain("--json prints it as it came");
  });

  it.each<[string[], string]>([
    [[], "review needs the quarter: npm run cli -- review --quarter 2026-Q3"],
    [["--quarter", "Q3-2026"], '--quarter must be a quarter such as 2026-Q3, got "Q3-2026"'],
    [["--quarter", "2026-Q3", "extra"], "review takes no arguments, got: extra"],
  ])("checks %j before calling the API", async (argv, message) => {
    const { code, err, api } = await review(argv, { review: { body: sampleReview() } });
    expect(code).toBe(1);
    expect(err).toBe(`${message}\n`);
    expect(api.authHeaders).toEqual([]);
    expect(api.reviewRequests).toEqual([]);
  });
});
