import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CliIo, runCli } from "#infra/cli/main";
import { UNLISTED_PRODUCT_LINE_ID } from "#infra/demo/catalog";
import { FAKE_TOKEN, type FakeApi, startFakeApi } from "./fake-api";

let dir: string;
let api: FakeApi | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "strawberry-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
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
    now: () => new Date("2026-05-10T12:00:00+08:00"),
    out: () => out,
    err: () => err,
  };
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("runCli", () => {
  it.each([[[]], [["help"]], [["--help"]], [["import", "-h"]]])(
    "%j prints the usage and exits 0",
    async (argv) => {
      const t = io();
      expect(await runCli(argv, t)).toBe(0);
      expect(t.out()).toContain("Usage: npm run cli -- <command>");
      expect(t.out()).toMatch(/^ {2}review --quarter Q {3}run the pull-and-fix review/m);
      expect(t.out()).toMatch(/^ {2}--dry-run {12}review: /m);
      expect(t.out()).toMatch(/^ {2}awards --period P {4}run the Red and Rotten Strawberry awards/m);
      expect(t.out()).toMatch(/^ {2}--finalize {11}awards: /m);
    },
  );

  it.each<[string[], RegExp]>([
    [["frobnicate"], /Unknown command "frobnicate"/],
    [["--nope"], /Unknown option '--nope'/],
    [["import"], /import needs a file/],
    [["import", "a.csv", "b.csv"], /import takes one file/],
    [["import", "signals.xlsx"], /unknown file type "\.xlsx"/],
    [["import", "/no/such/file.csv"], /File not found: \/no\/such\/file\.csv/],
    [["seed", "extra"], /seed takes no arguments/],
    [["seed", "--count", "lots"], /--count must be a positive whole number/],
    [["seed", "--dry-run"], /--dry-run applies to review only/],
    [["import", "a.csv", "--quarter", "2026-Q3"], /--quarter applies to review only/],
    [["review", "--quarter"], /Option '--quarter <value>' argument missing/],
    [["review", "--quarter", "2026-Q9"], /--quarter must be a quarter such as 2026-Q3, got "2026-Q9"/],
    [["review", "--quarter", "2026-Q3", "--dry-run=yes"], /--dry-run' does not take an argument/],
    [["awards"], /awards needs the period: npm run cli -- awards --period 2026/],
    [
      ["awards", "--period", "2026-Q5"],
      /--period must be a year such as 2026 or a quarter such as 2026-Q3, got "2026-Q5"/,
    ],
    [["awards", "--period", "2026", "extra"], /awards takes no arguments/],
    [["awards", "--period", "2026", "--dry-run"], /--dry-run applies to review only/],
    [["review", "--quarter", "2026-Q3", "--finalize"], /--finalize applies to awards only/],
    [["seed", "--period", "2026"], /--period applies to awards only/],
    [["seed", "--json"], /--json applies to review, awards and andons only/],
    [["seed", "--status", "RAISED"], /--status applies to andons only/],
    [["andons", "--status", "raised"], /--status must be one of RAISED, CONFIRMED, DISMISSED/],
  ])("%j fails with a clear message and exit code 1", async (argv, message) => {
    const t = io();
    expect(await runCli(argv, t)).toBe(1);
    expect(t.err()).toMatch(message);
  });

  it("says to start the local runtime when the API is unreachable", async () => {
    const t = io();
    const port = await closedPort();
    expect(await runCli(["seed", "--count", "10", "--api", `http://127.0.0.1:${port}`], t)).toBe(1);
    expect(t.err()).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/dev\/token \(ECONNREFUSED\)/);
    expect(t.err()).toContain("Is `npm start` running?");
  });

  it("asks for a token when the API has no dev sign-in", async () => {
    api = await startFakeApi({ noDevToken: true });
    const t = io();
    expect(await runCli(["seed", "--count", "10", "--api", api.url], t)).toBe(1);
    expect(t.err()).toMatch(/Could not get a dev token .*404/);
    expect(t.err()).toMatch(/pass --token T/);
  });

  it("seeds the demo catalog and signals with a dev token, and re-seeding only finds duplicates", async () => {
    api = await startFakeApi({ knows: (id) => id !== UNLISTED_PRODUCT_LINE_ID });
    const t = io();
    expect(await runCli(["seed", "--count", "1200", "--api", api.url], t)).toBe(0);
    expect(api.catalogs).toHaveLength(1);
    expect(api.authHeaders.every((h) => h === `Bearer ${FAKE_TOKEN}`)).toBe(true);
    expect(t.out()).toMatch(/Catalog: 5 business units, 50 product lines/);
    expect(t.out()).toMatch(/accepted\s+1,180/);
    expect(t.out()).toMatch(/quarantined\s+20/);
    expect(t.out()).toContain(UNLISTED_PRODUCT_LINE_ID);
    expect(api.stored.size).toBe(1200);

    const again = io();
    expect(await runCli(["seed", "--count", "1200", "--api", api.url, "--token", FAKE_TOKEN], again)).toBe(0);
    expect(again.out()).toMatch(/duplicates\s+1,200/);
    expect(api.stored.size).toBe(1200);
  });

  it("imports a CSV file and names rejected rows by line (exit 1)", async () => {
    api = await startFakeApi();
    const path = join(dir, "signals.csv");
    await writeFile(
      path,
      "signalId,productLineId,channel,kind,score,severity,reasons,verbatim,occurredAt\n" +
        "c-1,pl-a,survey,csat,5,,,,2026-03-01T10:00:00+08:00\n" +
        'c-2,pl-a,hotline,complaint,,major,quality|logistics,"坏了,\n很失望",2026-03-01T11:00:00+08:00\n' +
        "c-3,pl-a,survey,csat,9,,,,2026-03-01T12:00:00+08:00\n" +
        "c-4,pl-unlisted-x,app,review,4,,,,2026-03-01T13:00:00+08:00\n",
    );
    const t = io();
    expect(await runCli(["import", path, "--api", api.url], t)).toBe(1);
    expect(t.out()).toMatch(/accepted\s+2/);
    expect(t.out()).toMatch(/quarantined\s+1/);
    expect(t.out()).toMatch(/rejected\s+1/);
    expect(t.out()).toContain("line 5 (c-3): score: Must be an integer from 1 to 5 for csat");
    expect(t.err()).toMatch(/1 record\(s\) were rejected/);
  });

  it("imports a clean JSONL file with exit code 0, using STRAWBERRY_API and STRAWBERRY_TOKEN", async () => {
    api = await startFakeApi();
    const path = join(dir, "signals.jsonl");
    const lines = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({
        signalId: `j-${i}`,
        productLineId: "pl-a",
        channel: "app",
        kind: "nps",
        score: i % 11,
        occurredAt: "2026-03-01T10:00:00+08:00",
      }),
    );
    await writeFile(path, `${lines.join("\n")}\n`);
    const t = io();
    t.env = { STRAWBERRY_API: api.url, STRAWBERRY_TOKEN: FAKE_TOKEN };
    expect(await runCli(["import", path], t)).toBe(0);
    expect(t.out()).toMatch(/accepted\s+30/);
    expect(t.err()).toMatch(/importing 30\/30 {2}100%/);
  });

  it("reports a refused token", async () => {
    api = await startFakeApi();
    const path = join(dir, "one.jsonl");
    await writeFile(path, '{"signalId":"x"}\n');
    const t = io();
    expect(await runCli(["import", path, "--api", api.url, "--token", "stale"], t)).toBe(1);
    expect(t.err()).toMatch(/401 unauthorized/);
    expect(t.err()).toMatch(/pass a valid --token/);
  });
});
