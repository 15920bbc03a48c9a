import { describe, expect, it } from "vitest";
import { type CpuProfile, categoryOf, fileOf, nameAt, profileTables, summarize } from "#test/bench/profile";

const ROOT = "/repo";
const frame = (id: number, functionName: string, url = "", lineNumber = -1) => ({
  id,
  callFrame: { functionName, url, lineNumber, columnNumber: 0 },
});

// Samples 1 ms apart except a 10 ms idle gap; each sample is charged the gap to the next one.
const profile: CpuProfile = {
  nodes: [
    frame(1, "(root)"),
    frame(2, "(idle)"),
    frame(3, "(garbage collector)"),
    frame(4, "transactionItems", "file:///repo/functions/store/signal-transactions.ts", 41),
    frame(5, "convertToAttr", "file:///repo/node_modules/@aws-sdk/util-dynamodb/dist-cjs/index.js", 99),
    frame(6, "parse", "file:///repo/node_modules/zod/v4/core/schemas.js", 7),
    frame(7, "post", "file:///repo/test/bench/ingest.ts", 10),
    frame(8, "onStreamRead", "node:internal/stream_base_commons", 160),
    // The same function reached by another path: one frame, summed.
    frame(9, "transactionItems", "file:///repo/functions/store/signal-transactions.ts", 41),
    frame(10, "writeUtf8String"),
  ],
  samples: [2, 4, 4, 9, 5, 6, 3, 7, 8, 10, 2],
  timeDeltas: [0, 10_000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("the profile of a bench phase", () => {
  it("names files from the repository root, packages from node_modules", () => {
    expect(fileOf("file:///repo/functions/store/signal-store.ts", ROOT)).toBe(
      "functions/store/signal-store.ts",
    );
    expect(fileOf("file:///repo/node_modules/@smithy/core/dist-cjs/index.js", ROOT)).toBe(
      "node_modules/@smithy/core/dist-cjs/index.js",
    );
    expect(fileOf("node:internal/streams/readable", ROOT)).toBe("node:internal/streams/readable");
  });

  it.each([
    ["(idle)", "", "idle"],
    ["(garbage collector)", "", "GC"],
    ["x", "schemas/signal.ts", "project schemas/signal.ts"],
    ["x", "infra/local/server.ts", "project infra/local/server.ts"],
    ["x", "test/bench/ingest.ts", "bench client (test/bench)"],
    ["x", "node_modules/@smithy/core/index.js", "AWS SDK (@aws-sdk, @smithy)"],
    ["x", "node_modules/zod/index.js", "zod"],
    ["x", "node_modules/@middy/core/index.js", "middy / powertools"],
    ["x", "node_modules/@aws-lambda-powertools/logger/index.js", "middy / powertools"],
    ["x", "node:internal/http", "node internals (http, streams, crypto)"],
    ["x", "node_modules/tsx/dist/index.js", "other"],
  ])("puts %s in %s under its category", (name, file, category) => {
    expect(categoryOf(name, file)).toBe(category);
  });

  it("sums self time per frame and per category, idle gaps charged to the idle sample", () => {
    const summary = summarize(profile, ROOT);
    expect(summary.samples).toBe(11);
    expect(summary.totalMs).toBe(19);
    expect(summary.idleMs).toBe(10);
    expect(summary.frames[0]).toMatchObject({ name: "(idle)", ms: 10 });
    expect(summary.frames[1]).toEqual({
      name: "transactionItems",
      file: "functions/store/signal-transactions.ts",
      line: 42,
      category: "project functions/store/signal-transactions.ts",
      ms: 3,
    });
    const ms = Object.fromEntries(summary.categories.map((c) => [c.category, c.ms]));
    expect(ms).toEqual({
      idle: 10,
      "project functions/store/signal-transactions.ts": 3,
      "AWS SDK (@aws-sdk, @smithy)": 1,
      zod: 1,
      GC: 1,
      "bench client (test/bench)": 1,
      "node internals (http, streams, crypto)": 1,
      "native (bindings, builtins)": 1,
    });
  });

  it("maps lines through the locator it is given", () => {
    const summary = summarize(profile, ROOT, (_url, line) => ({ line: line * 2, name: "fromSource" }));
    expect(summary.frames.find((f) => f.name === "convertToAttr")?.line).toBe(198);
    expect(summary.frames.find((f) => f.name === "fromSource")).toBeUndefined();
  });

  it.each([
    ["export const signalItem = ", "signalItem"],
    ["const incrementOf = async ", "incrementOf"],
    ["export const writeSignals: Write = ", "writeSignals"],
    ["  write: ", "write"],
    ["  const items = group.map(", "(callback of map)"],
    ["  const items = group.map((", "(callback of map)"],
    ["const counterItemsOf = (", "counterItemsOf"],
    ["  await pool(chunk(httpSignals, BATCH), IN_FLIGHT, async ", "(callback of pool)"],
    ["  return ", undefined],
  ])("names the arrow function after %j as %s", (before, name) => {
    expect(nameAt(before)).toBe(name);
  });

  it("prints the top frames without idle, with shares of all and of busy time", () => {
    const text = profileTables(summarize(profile, ROOT), 2);
    expect(text).toMatch(
      /\| transactionItems +\| functions\/store\/signal-transactions\.ts \| +42 \| +3 \| +15\.8 % \| +33\.3 % \|/,
    );
    expect(text).toMatch(/\| idle +\| +10 \| +52\.6 % \| +– \|/);
    expect(text).not.toMatch(/\| \(idle\) /);
    expect(text).toContain("(all project code)");
  });
});
