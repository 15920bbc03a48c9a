/** `--data` keeps everything across a restart, and Ctrl-C leaves no DynamoDB Local behind. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { call, interrupt, javaFor, start } from "./entry-point";
import { catalog, currentQuarter, signal } from "./fixtures";

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
    expect(javaFor(dataDir)).not.toEqual([]);
  } finally {
    await interrupt(first);
  }
  expect(javaFor(dataDir)).toEqual([]);

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
    await interrupt(second);
  }
  expect(javaFor(dataDir)).toEqual([]);
});
