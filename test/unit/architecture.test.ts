/**
 * The shape of the codebase, checked: dependencies point one way (runtime code never reaches into
 * `infra/`), the domain core stays pure, imports go through subpath aliases instead of `../`
 * chains, files stay a readable size, and every route is served by the handler its entry names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "#platform/functions";
import { ROUTES } from "#routes/index";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const filesUnder = (dir: string, ext = /\.ts$/): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The modules a file imports, as written. */
const importsOf = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), "utf8").matchAll(IMPORT)].map((m) => (m[1] ?? m[2]) as string);

/** Where an import lands, as a path from the repository root (packages stay as written). */
const landing = (file: string, spec: string): string => {
  const aliases: Record<string, string> = {
    "#schemas/": "schemas/",
    "#core/": "functions/core/",
    "#app/": "functions/app/",
    "#store/": "functions/store/",
    "#http/": "functions/http/",
    "#lib/": "functions/lib/",
    "#routes/": "functions/routes/",
    "#platform/": "functions/platform/",
    "#handlers/": "functions/handlers/",
    "#infra/": "infra/",
    "#test/": "test/",
  };
  for (const [alias, dir] of Object.entries(aliases))
    if (spec.startsWith(alias)) return dir + spec.slice(alias.length);
  if (spec.startsWith(".")) return relative(ROOT, join(ROOT, file, "..", spec));
  return spec;
};

const RUNTIME = [...filesUnder("functions"), ...filesUnder("schemas")];
const EVERYTHING = [...RUNTIME, ...filesUnder("infra"), ...filesUnder("test")];

describe("dependencies point one way", () => {
  it.each(RUNTIME)("%s never imports from infra/ or test/", (file) => {
    const offending = importsOf(file).filter((spec) => /^(infra|test)\//.test(landing(file, spec)));
    expect(offending).toEqual([]);
  });

  it.each(filesUnder("functions/core"))(
    "%s (the domain core) imports no AWS, HTTP or storage code",
    (file) => {
      const allowed = (spec: string) => {
        const to = landing(file, spec);
        return (
          to.startsWith("functions/core/") ||
          to.startsWith("schemas/") ||
          to === "node:crypto" ||
          to.startsWith("zod")
        );
      };
      expect(importsOf(file).filter((spec) => !allowed(spec))).toEqual([]);
    },
  );

  it.each(filesUnder("schemas"))("%s (a schema) imports only zod and other schemas", (file) => {
    const allowed = (spec: string) => landing(file, spec).startsWith("schemas/") || spec.startsWith("zod");
    expect(importsOf(file).filter((spec) => !allowed(spec))).toEqual([]);
  });

  it.each(filesUnder("functions/handlers"))(
    "%s imports its own route file, never the whole route table",
    (file) => {
      expect(importsOf(file)).not.toContain("#routes/index");
    },
  );

  it.each(filesUnder("infra/local"))("%s (the local runtime) does not import the CLI", (file) => {
    expect(importsOf(file).filter((spec) => landing(file, spec).startsWith("infra/cli/"))).toEqual([]);
  });

  it.each(filesUnder("infra/cli"))("%s (the CLI) does not import the local runtime", (file) => {
    expect(importsOf(file).filter((spec) => landing(file, spec).startsWith("infra/local/"))).toEqual([]);
  });
});

describe("imports and sizes", () => {
  it.each(EVERYTHING)("%s uses subpath imports instead of ../ chains", (file) => {
    expect(importsOf(file).filter((spec) => spec.startsWith("../"))).toEqual([]);
  });

  it.each([...RUNTIME, ...filesUnder("infra")])(
    "%s is small enough to read in one sitting (≤ 300 lines)",
    (file) => {
      const lines = readFileSync(join(ROOT, file), "utf8").split("\n").length;
      expect(lines).toBeLessThanOrEqual(300);
    },
  );
});

describe("the route table", () => {
  it("has unique operation ids and route keys", () => {
    const ids = ROUTES.map((r) => r.operationId);
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(ROUTES.map((r) => [r.operationId, r] as const))(
    "%s declares a schema for each path parameter",
    (_id, route) => {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = "params" in route && route.params ? Object.keys(route.params.shape) : [];
      expect(declared.sort()).toEqual(names.sort());
    },
  );

  it.each(ROUTES.map((r) => [r.operationId, r] as const))(
    "%s is served by the handler its entry names, wrapping this very route",
    (operationId, route) => {
      const source = readFileSync(join(ROOT, route.fn.entry), "utf8");
      expect(source).toMatch(new RegExp(`apiHandler\\(\\s*routes\\.${operationId}\\b`));
    },
  );

  it.each(Object.values(FUNCTIONS).map((f) => [f.name, f] as const))(
    "function %s has a handler module",
    (_name, fn) => {
      expect(statSync(join(ROOT, fn.entry)).isFile()).toBe(true);
      expect(readFileSync(join(ROOT, fn.entry), "utf8")).toMatch(/export const handler\b/);
    },
  );
});
