import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { catalog, currentQuarter, signal } from "./fixtures";

/** `npm start`'s entry in its own process, as a user runs it. */
const start = async (args: string[]): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, ["--import", "tsx", "infra/local/start.ts", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not come up:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Strawberry is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, url };
};

const interrupt = async (child: ChildProcess) => {
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGINT");
  await exited;
};

const javaFor = (dataDir: string) => {
  try {
    return execFileSync("pgrep", ["-f", dataDir], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
};

const call = async (url: string, method: string, path: string, body?: unknown, token?: string) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
};

it("keeps data with --data across a restart, and Ctrl-C leaves no DynamoDB Local behind", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "strawberry-data-"));
  const first = await start(["--data", dataDir, "--no-seed"]);
  try {
    const token = (await call(first.url, "POST", "/v1/dev/token", { role: "cco" })).body.token;
    await call(first.url, "PUT", "/v1/catalog", catalog, token);
    const sent = await call(
      first.url,
      "POST",
      "/v1/signals",
      { signals: [signal({ signalId: "kept" })] },
      token,
    );
    expect(sent.body.accepted).toBe(1);
    expect(javaFor(dataDir)).not.toBe("");
  } finally {
    await interrupt(first.child);
  }
  expect(javaFor(dataDir)).toBe("");

  const second = await start(["--data", dataDir, "--no-seed"]);
  try {
    const token = (await call(second.url, "POST", "/v1/dev/token", { role: "cco" })).body.token;
    const metrics = await call(
      second.url,
      "GET",
      `/v1/product-lines/pl-kettle/metrics?period=${currentQuarter()}`,
      undefined,
      token,
    );
    expect(metrics).toMatchObject({ status: 200, body: { n: 1 } });
    const again = await call(
      second.url,
      "POST",
      "/v1/signals",
      { signals: [signal({ signalId: "kept" })] },
      token,
    );
    expect(again.body.duplicates).toBe(1);
  } finally {
    await interrupt(second.child);
  }
  expect(javaFor(dataDir)).toBe("");
});
