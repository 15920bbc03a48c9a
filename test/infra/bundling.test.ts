/**
 * One set of bundling settings: the CDK functions and `npm run build` / the bundles bench use the
 * same esbuild options, and what the stack really bundles is ESM, minified, source-mapped and
 * within the size budget.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUNDLE_BUDGET_BYTES,
  BUNDLES,
  cdkBundling,
  esbuildOptions,
  LAZY_EXTERNAL_MODULES,
  MAIN_FIELDS,
  NODE_TARGET,
  REQUIRE_BANNER,
} from "#infra/bundling";
import { COGNITO } from "#platform/cognito";
import { FUNCTIONS, type FunctionName } from "#platform/functions";
import { resourcesOf, SYNTH_TIMEOUT_MS, type Synthesized, synthesize } from "./fixture";

describe("bundling settings", () => {
  it("are the same for the CDK functions and for esbuild's API", () => {
    const cdk = cdkBundling();
    const api = esbuildOptions("entry.ts", "out/index.mjs");
    expect(cdk.format).toBe(api.format);
    expect(cdk.target).toBe(api.target);
    expect(api.target).toBe(NODE_TARGET);
    expect(cdk.minify && api.minify).toBe(true);
    expect(cdk.sourceMap && api.sourcemap).toBe(true);
    expect(cdk.sourcesContent).toBe(api.sourcesContent);
    expect(cdk.mainFields).toEqual(api.mainFields);
    expect(cdk.mainFields).toEqual(MAIN_FIELDS);
    expect(cdk.banner).toBe((api.banner as { js: string }).js);
    expect(cdk.externalModules).toEqual(api.external);
    expect(cdk.forceDockerBundling).toBe(false);
    expect(api.platform).toBe("node");
  });

  it("leave only the SDK's lazily loaded credential providers external", () => {
    for (const name of LAZY_EXTERNAL_MODULES) expect(name).not.toMatch(/\*/);
    expect(LAZY_EXTERNAL_MODULES).not.toContain("@aws-sdk/client-dynamodb");
  });

  it("cover every deployed function", () => {
    expect(BUNDLES.map((b) => b.name).sort()).toEqual(
      [...Object.keys(FUNCTIONS), "preTokenGeneration"].sort(),
    );
    expect(BUNDLES.map((b) => b.entry)).toContain(COGNITO.preTokenGeneration.entry);
  });
});

describe("the stack's bundles", () => {
  let outdir: string;
  let s: Synthesized;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), "strawberry-cdk-"));
    s = synthesize("dev", {}, { bundle: true, outdir });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const assetDirOf = (name: string): string => {
    const fn =
      name === "preTokenGeneration" ? s.stack.preTokenFunction : s.stack.functions[name as FunctionName];
    const code = resourcesOf(s.template, "AWS::Lambda::Function")[s.logicalId(fn)]?.Properties.Code as {
      S3Key: string;
    };
    return join(outdir, `asset.${code.S3Key.replace(/\.zip$/, "")}`);
  };

  it.each(BUNDLES.map((b) => [b.name] as const))(
    "%s is an ESM bundle with its source map, within the size budget",
    (name) => {
      const dir = assetDirOf(name);
      const file = join(dir, "index.mjs");
      expect(existsSync(file)).toBe(true);
      expect(existsSync(join(dir, "index.mjs.map"))).toBe(true);
      expect(statSync(file).size).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
      const code = readFileSync(file, "utf8");
      expect(code.startsWith(REQUIRE_BANNER)).toBe(true);
      expect(code).toMatch(/sourceMappingURL=index\.mjs\.map\s*$/);
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    },
  );

  it("deploys the dashboard built from web/: index.html naming its content-hashed script and styles", () => {
    // Prepare
    const deployment = Object.values(resourcesOf(s.template, "Custom::CDKBucketDeployment"))[0];
    const keys = deployment?.Properties.SourceObjectKeys as unknown[];
    const built = keys.find((k): k is string => typeof k === "string" && k.endsWith(".zip"));
    const dir = join(outdir, `asset.${String(built).replace(/\.zip$/, "")}`);

    // Act
    const html = readFileSync(join(dir, "index.html"), "utf8");
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/app-\w+\.(?:js|css))"/g)].map(
      (m) => m[1] ?? "",
    );

    // Assess
    expect(assets.map((a) => a.split(".").pop()).sort()).toEqual(["css", "js"]);
    for (const asset of assets) expect(existsSync(join(dir, asset)), asset).toBe(true);
    expect(existsSync(join(dir, "src"))).toBe(false);
  });
});
