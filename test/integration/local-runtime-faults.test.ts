/**
 * The local runtime under faults (issue 8): DynamoDB Local dying under it, signals sent to any
 * process of its tree, a kill -9, two runtimes on one data directory, requests in flight at
 * shutdown, and a remote --host. Each runs the real entry point in its own process.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answers, call, eventually, interrupt, javaFor, processesMatching, run, start } from "./entry-point";
import { catalog, currentQuarter, signal } from "./fixtures";

const dataDir = () => mkdtempSync(join(tmpdir(), "strawberry-faults-"));
const tokenOf = async (url: string) =>
  (await call(url, "POST", "/v1/dev/token", { role: "cco" })).body.token as string;

describe("when DynamoDB Local dies", () => {
  it("says so, restarts it on the same data directory with nothing lost, and health tells the outage", async () => {
    const dir = dataDir();
    const platform = await start(["--data", dir, "--no-seed"]);
    try {
      const token = await tokenOf(platform.url);
      expect(await call(platform.url, "PUT", "/v1/catalog", catalog, token)).toMatchObject({ status: 200 });
      const sent = await call(
        platform.url,
        "POST",
        "/v1/signals",
        { signals: [signal({ signalId: "survivor" })] },
        token,
      );
      expect(sent).toMatchObject({ status: 200, body: { accepted: 1 } });
      const [java] = javaFor(dir);
      expect(java).toBeTypeOf("number");

      process.kill(java as number, "SIGKILL");
      const health: number[] = [];
      const recovered = await eventually(async () => {
        const status = (await fetch(`${platform.url}/v1/health`)).status;
        health.push(status);
        return status === 200 && platform.output().includes("DynamoDB Local is back");
      }, 60_000);

      expect(recovered).toBe(true);
      expect(health).toContain(503);
      expect(platform.output()).toMatch(/DynamoDB Local stopped unexpectedly/);
      const metrics = await call(
        platform.url,
        "GET",
        `/v1/product-lines/pl-kettle/metrics?period=${currentQuarter()}`,
        undefined,
        token,
      );
      expect(metrics, platform.output()).toMatchObject({ status: 200, body: { n: 1 } });
      expect(platform.output()).not.toMatch(/missing from/);
    } finally {
      await interrupt(platform);
    }
    expect(javaFor(dir)).toEqual([]);
  });

  it("in memory, says the data is gone, recreates the table and loads the demo data again", async () => {
    const platform = await start(["--seed-count", "200"]);
    try {
      const dynamoPort = /DynamoDB Local on http:\/\/127\.0\.0\.1:(\d+)/.exec(platform.output())?.[1];
      const [target] = processesMatching(`^java .*DynamoDBLocal.*-inMemory -port ${dynamoPort} `);
      expect(target).toBeTypeOf("number");
      process.kill(target as number, "SIGKILL");
      expect(await eventually(() => platform.output().includes("DynamoDB Local is back"), 60_000)).toBe(true);
      expect(platform.output()).toMatch(/in memory and is gone/);
      expect(platform.output()).toMatch(/Loading the demo data again/);
      const token = await tokenOf(platform.url);
      const reloaded = await eventually(async () => {
        const catalog = await call(platform.url, "GET", "/v1/catalog", undefined, token);
        return catalog.status === 200 && catalog.body.productLines.length > 0;
      });
      expect(reloaded).toBe(true);
    } finally {
      await interrupt(platform);
    }
  });
});

describe("stopping", () => {
  it("stops the server and Java when npm itself is sent SIGTERM", async () => {
    const dir = dataDir();
    const platform = await start(["--data", dir, "--no-seed"], "npm");
    expect(javaFor(dir)).not.toEqual([]);
    platform.child.kill("SIGTERM");
    expect(
      await eventually(async () => !(await answers(platform.url)) && javaFor(dir).length === 0, 20_000),
    ).toBe(true);
  });

  it("stops everything when Java itself is sent SIGTERM (a crash or SIGKILL restarts it instead)", async () => {
    const dir = dataDir();
    const platform = await start(["--data", dir, "--no-seed"]);
    const [java] = javaFor(dir);
    process.kill(java as number, "SIGTERM");
    expect(await platform.exited).not.toBe(0);
    expect(platform.output()).toMatch(/stopped by a signal/);
    expect(await answers(platform.url)).toBe(false);
    expect(javaFor(dir)).toEqual([]);
  });

  it("leaves no Java behind after a kill -9 of the server, refuses a second runtime on a directory in use, and takes a directory over from a dead one", async () => {
    const dir = dataDir();
    const first = await start(["--data", dir, "--no-seed"]);
    const second = await run(["--data", dir, "--no-seed"]);
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(new RegExp(`in use by a running Strawberry \\(pid ${first.child.pid}`));

    first.child.kill("SIGKILL");
    await first.exited;
    expect(await eventually(() => javaFor(dir).length === 0, 15_000)).toBe(true);

    const third = await start(["--data", dir, "--no-seed"]);
    expect((await fetch(`${third.url}/v1/health`)).status).toBe(200);
    await interrupt(third, "SIGTERM");
    expect(javaFor(dir)).toEqual([]);
  });

  it("lets requests in flight finish before it exits", async () => {
    const platform = await start(["--no-seed"]);
    const token = await tokenOf(platform.url);
    await call(platform.url, "PUT", "/v1/catalog", catalog, token);
    const batch = Array.from({ length: 500 }, (_, i) =>
      signal({ signalId: `inflight-${i}`, verbatim: "还行" }),
    );
    const inFlight = call(platform.url, "POST", "/v1/signals", { signals: batch }, token);
    await new Promise((r) => setTimeout(r, 150));
    platform.child.kill("SIGTERM");
    const answered = await inFlight;
    expect(answered).toMatchObject({ status: 200, body: { accepted: 500 } });
    expect(await platform.exited).toBe(0);
  });
});

describe("--host", () => {
  it("refuses an address others can reach unless --allow-remote-dev-tokens is given, and says why", async () => {
    const refused = await run(["--host", "0.0.0.0", "--no-seed"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/--allow-remote-dev-tokens/);
    expect(refused.output).toMatch(/any role/);

    const allowed = await start(["--host", "0.0.0.0", "--no-seed", "--allow-remote-dev-tokens"]);
    expect(allowed.output()).toMatch(/anyone who can reach/i);
    await interrupt(allowed);
  });
});
