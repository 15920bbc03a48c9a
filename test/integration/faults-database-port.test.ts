/**
 * Why the metrics once answered n=0 after DynamoDB Local was killed and restarted on its `--data`
 * directory: SQLite keeps every committed write through a SIGKILL (seen: the table and its items
 * are there after an immediate restart), but the restart takes seconds (a JVM boot) on the same
 * port, and anything on the machine that listens in that window (a test's DynamoDB Local or
 * server on a free port) takes the port. The restarted Java then cannot bind, yet the readiness
 * probe is answered by the other process, so the runtime declared DynamoDB Local "back" and served
 * someone else's data: an empty table it created there, or another runtime's. Here an impostor
 * takes the port the moment Java dies; the runtime must refuse it, say why and stop.
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { call, eventually, interrupt, javaFor, start } from "./entry-point";
import { catalog, signal } from "./fixtures";

/** Answers every DynamoDB call with success, as another DynamoDB Local with an empty table would. */
const impostor = (port: number): Promise<{ server: Server; calls: string[] }> => {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(String(req.headers["x-amz-target"]));
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
      res.end(String(req.headers["x-amz-target"]).endsWith("ListTables") ? '{"TableNames":[]}' : "{}");
    });
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done({ server, calls }));
  });
};

it("refuses another process answering on DynamoDB Local's port after a restart: says so and stops instead of serving its data", async () => {
  const dir = mkdtempSync(join(tmpdir(), "strawberry-faults-port-"));
  const platform = await start(["--data", dir, "--no-seed"]);
  let fake: Awaited<ReturnType<typeof impostor>> | undefined;
  try {
    const port = Number(/DynamoDB Local on http:\/\/127\.0\.0\.1:(\d+)/.exec(platform.output())?.[1]);
    expect(port).toBeGreaterThan(0);
    const token = (await call(platform.url, "POST", "/v1/dev/token", { role: "cco" })).body.token as string;
    await call(platform.url, "PUT", "/v1/catalog", catalog, token);
    const sent = await call(platform.url, "POST", "/v1/signals", { signals: [signal()] }, token);
    expect(sent).toMatchObject({ status: 200, body: { accepted: 1 } });
    const [java] = javaFor(dir);

    // Act: Java dies, and another process listens on its port before the restarted Java can.
    process.kill(java as number, "SIGKILL");
    expect(await eventually(() => platform.output().includes("Restarting it on port"), 20_000)).toBe(true);
    fake = await impostor(port);

    // Assess: it stops, saying the port was taken, rather than serving the impostor's data.
    const stopped = await Promise.race([
      platform.exited.then(() => true),
      new Promise<boolean>((done) => setTimeout(() => done(false), 60_000)),
    ]);
    expect(stopped, platform.output()).toBe(true);
    expect(await platform.exited).not.toBe(0);
    expect(platform.output()).toMatch(new RegExp(`port ${port} .*another process`, "i"));
    expect(platform.output()).not.toMatch(/DynamoDB Local is back/);
    expect(platform.output()).not.toMatch(/missing from/);
    expect(fake.calls.filter((c) => !c.endsWith("ListTables"))).toEqual([]);
  } finally {
    if (platform.child.exitCode === null) await interrupt(platform);
    await new Promise((done) => fake?.server.close(done) ?? done(undefined));
  }
  expect(await eventually(() => javaFor(dir).length === 0, 15_000)).toBe(true);
}, 120_000);
