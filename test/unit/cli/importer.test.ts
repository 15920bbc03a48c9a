import { afterEach, describe, expect, it } from "vitest";
import { ApiClient } from "#infra/api-client/client";
import {
  ImportFailedError,
  type ImportSummary,
  importSignals,
  type SignalRecord,
} from "#infra/api-client/importer";
import { createProgress, formatSummary } from "#infra/api-client/report";
import { FAKE_TOKEN, type FakeApi, startFakeApi } from "./fake-api";

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const noSleep = async () => {};

function signal(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    signalId: `t-${n}`,
    productLineId: "pl-known",
    channel: "survey",
    kind: "csat",
    score: 1 + (n % 5),
    occurredAt: "2026-03-01T10:00:00+08:00",
    ...overrides,
  };
}

/** Records as a file would give them: line = n + 1 (after the header). */
function records(
  count: number,
  overrides: (n: number) => Record<string, unknown> = () => ({}),
): SignalRecord[] {
  return Array.from({ length: count }, (_, n) => ({ line: n + 2, raw: signal(n, overrides(n)) }));
}

async function* slowly(items: SignalRecord[]): AsyncGenerator<SignalRecord> {
  for (const item of items) yield item;
}

function client(url: string): ApiClient {
  return new ApiClient({ baseUrl: url, token: FAKE_TOKEN });
}

describe("importSignals against a fake API", () => {
  it.each([
    [1, [1]],
    [500, [500]],
    [501, [500, 1]],
    [1234, [500, 500, 234]],
  ])("sends %i signals in batches of at most 500", async (count, sizes) => {
    api = await startFakeApi();
    const summary = await importSignals(slowly(records(count)), { client: client(api.url), sleep: noSleep });
    expect([...api.batchSizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(summary).toEqual({ accepted: count, duplicates: 0, quarantined: 0, rejected: [] });
  });

  it("also splits batches by body size", async () => {
    api = await startFakeApi();
    const big = "很".repeat(3000); // 9 KB of UTF-8 each
    const summary = await importSignals(
      records(40, () => ({ verbatim: big })),
      {
        client: client(api.url),
        maxBodyBytes: 100_000,
        sleep: noSleep,
      },
    );
    expect(summary.accepted).toBe(40);
    expect(Math.max(...api.batchSizes)).toBeLessThanOrEqual(11);
    expect(api.batchSizes.reduce((a, b) => a + b, 0)).toBe(40);
  });

  it("maps rejections back to file lines and counts everything", async () => {
    api = await startFakeApi();
    const input = records(1200, (n) => {
      if (n === 3) return { score: 9 }; // csat out of range
      if (n === 700) return { channel: "fax" };
      if (n === 1100) return { productLineId: "pl-unlisted-x" }; // quarantined
      if (n === 1101)
        return { productLineId: "pl-unlisted-x", kind: "complaint", score: undefined, severity: "minor" };
      return {};
    });
    // A malformed line from the file, between the others.
    input.splice(10, 0, {
      line: 9999,
      raw: undefined,
      errors: [{ path: "", message: "Malformed JSON: oops" }],
    });
    const summary = await importSignals(input, { client: client(api.url), sleep: noSleep });
    expect(summary.accepted).toBe(1200 - 4);
    expect(summary.quarantined).toBe(2);
    expect(summary.duplicates).toBe(0);
    expect(summary.rejected.map((r) => [r.line, r.signalId, r.errors[0]?.path])).toEqual([
      [5, "t-3", "score"],
      [702, "t-700", "channel"],
      [9999, undefined, ""],
    ]);
    expect(summary.rejected[0]?.errors[0]?.message).toMatch(/from 1 to 5/);
  });

  it("is harmless to re-run: the second import counts duplicates", async () => {
    api = await startFakeApi();
    const input = records(750);
    const first = await importSignals(input, { client: client(api.url), sleep: noSleep });
    const second = await importSignals(input, { client: client(api.url), sleep: noSleep });
    expect(first).toMatchObject({ accepted: 750, duplicates: 0 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 750 });
    expect(api.stored.size).toBe(750);
  });

  it.each([
    [503, undefined],
    [429, "0"],
    [500, undefined],
  ])("retries a %i answer with backoff", async (status, retryAfter) => {
    api = await startFakeApi({ failFirst: { count: 2, status, ...(retryAfter ? { retryAfter } : {}) } });
    const delays: number[] = [];
    const summary = await importSignals(records(600), {
      client: client(api.url),
      concurrency: 1,
      retryDelayMs: 100,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(summary).toMatchObject({ accepted: 600, duplicates: 0, rejected: [] });
    expect(api.signalRequests).toBe(4);
    expect(delays).toHaveLength(2);
    if (retryAfter === undefined) {
      expect(delays[0]).toBeGreaterThanOrEqual(50);
      expect(delays[1]).toBeGreaterThanOrEqual(100);
    } else expect(delays).toEqual([0, 0]);
  });

  it("gives up after the retries and reports what was done", async () => {
    api = await startFakeApi({ failFirst: { count: 100, status: 503 } });
    const error = await importSignals(records(10), {
      client: client(api.url),
      retries: 2,
      sleep: noSleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect((error as ImportFailedError).done).toBe(0);
    expect((error as ImportFailedError).message).toMatch(/Try again later/);
    expect(api.signalRequests).toBe(3);
  });

  it("does not retry a 401", async () => {
    api = await startFakeApi();
    const error = await importSignals(records(3), {
      client: new ApiClient({ baseUrl: api.url, token: "wrong" }),
      sleep: noSleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(((error as ImportFailedError).cause as { status: number }).status).toBe(401);
  });

  it("keeps a few batches in flight, never more than asked", async () => {
    api = await startFakeApi();
    const progress: number[] = [];
    await importSignals(slowly(records(5000)), {
      client: client(api.url),
      concurrency: 3,
      onProgress: (done) => progress.push(done),
      sleep: noSleep,
    });
    expect(api.maxConcurrent).toBeGreaterThan(1);
    expect(api.maxConcurrent).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toBe(5000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("retries network errors (server not there yet)", async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      return fetch(input, init);
    };
    api = await startFakeApi();
    const summary = await importSignals(records(5), {
      client: new ApiClient({ baseUrl: api.url, token: FAKE_TOKEN, fetch: flaky }),
      sleep: noSleep,
    });
    expect(summary.accepted).toBe(5);
    expect(calls).toBe(2);
  });
});

describe("formatSummary", () => {
  const summary: ImportSummary = {
    accepted: 12345,
    duplicates: 2,
    quarantined: 20,
    rejected: Array.from({ length: 53 }, (_, i) => ({
      line: i + 2,
      ...(i === 0 ? { signalId: "sig-abc" } : {}),
      errors: [
        {
          path: i === 0 ? "score" : "",
          message: i === 0 ? "Must be an integer from 1 to 5 for csat" : "Malformed JSON",
        },
      ],
    })),
  };

  it("prints the counts, then 50 rejected rows and how many more", () => {
    const lines = formatSummary(summary);
    expect(lines.slice(0, 4)).toEqual([
      "  accepted    12,345",
      "  duplicates       2",
      "  quarantined     20",
      "  rejected        53",
    ]);
    expect(lines).toContain("  line 2 (sig-abc): score: Must be an integer from 1 to 5 for csat");
    expect(lines).toContain("  line 3: Malformed JSON");
    expect(lines.filter((l) => l.startsWith("  line "))).toHaveLength(50);
    expect(lines.at(-1)).toBe("  … 3 more");
  });
});

describe("createProgress", () => {
  it.each([
    [false, 10],
    [true, 1],
  ])("tty=%s: a line per 10 %% when not a TTY, a redrawn bar on a TTY", (isTTY, newlines) => {
    let out = "";
    let clock = 0;
    const progress = createProgress({
      stream: { isTTY, write: (s: string) => (out += s) },
      total: 1000,
      now: () => clock,
    });
    for (let done = 50; done <= 1000; done += 50) {
      clock += 200;
      progress.update(done);
    }
    progress.finish();
    expect(out.split("\n").length - 1).toBe(newlines);
    expect(out).toContain("1,000/1,000");
    expect(out).toMatch(/\d+ signals\/s/);
    expect(out).toMatch(/ETA \d+s/);
    if (isTTY) expect(out).toContain("\r");
  });
});
