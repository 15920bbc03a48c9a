/**
 * The dashboard's build. Two `npm start`s — or two test workers each starting one — build into the
 * same `web/dist` at once: one build emptied the directory while the other was serving or writing
 * it (ENOTEMPTY, ENOENT on a hashed asset).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildWeb } from "#infra/build-web";

const dir = mkdtempSync(join(tmpdir(), "web-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const buildInAnotherProcess = (outDir: string) =>
  new Promise<number | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("#infra/build-web").then((m) => m.buildWeb(${JSON.stringify(outDir)}))`,
      ],
      { stdio: "inherit" },
    );
    child.once("error", fail);
    child.once("exit", done);
  });

/** The assets index.html names, each present: what a browser would fetch first. */
const named = (outDir: string) =>
  [...readFileSync(join(outDir, "index.html"), "utf8").matchAll(/(?:src|href)="\/([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );

it("keeps the dashboard whole for a reader while other builds write the same directory at once", async () => {
  buildWeb(dir);
  // A running server reading web/dist while three more builds run: index.html and every asset it
  // names must be there at every moment (they were once all deleted and rewritten).
  const gaps: string[] = [];
  let building = true;
  const reader = (async () => {
    while (building) {
      try {
        for (const asset of named(dir)) if (!existsSync(join(dir, asset))) gaps.push(`missing ${asset}`);
      } catch (error) {
        gaps.push(String(error));
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const codes = await Promise.all([
    buildInAnotherProcess(dir),
    buildInAnotherProcess(dir),
    buildInAnotherProcess(dir),
  ]);
  building = false;
  await reader;
  expect(codes).toEqual([0, 0, 0]);
  expect(gaps.slice(0, 3)).toEqual([]);
  expect(named(dir).length).toBeGreaterThan(1);
  expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".tmp"))).toEqual([]);
});

it("leaves files already as built untouched, and removes what the build no longer makes", () => {
  const index = join(dir, "index.html");
  const before = statSync(index).mtimeMs;
  writeFileSync(join(dir, "assets", "app-OLD.js"), "stale");
  const built = buildWeb(dir);
  expect(statSync(index).mtimeMs).toBe(before);
  expect(existsSync(join(dir, "assets", "app-OLD.js"))).toBe(false);
  for (const file of built.files) expect(statSync(join(dir, file.path)).size).toBe(file.bytes);
});
