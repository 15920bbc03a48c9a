/**
 * How every function is bundled: one set of esbuild settings used by the CDK stack
 * (`NodejsFunction`, see `cdkBundling`), by `npm run build` and by the bundles bench (see
 * `esbuildOptions`), so what the bench measures is what gets deployed.
 *
 * The AWS SDK v3 is bundled (tree-shaken, minified) rather than taken from the Lambda runtime:
 * loading the runtime's copy means resolving and evaluating hundreds of unminified CommonJS files
 * at cold start, which measured ~180 ms beyond an empty module for a DynamoDB + Secrets Manager +
 * EventBridge handler, over the 150 ms budget. Only the modules the SDK loads lazily, through
 * `await import()`, to find credentials when none are in the environment are left external: Lambda
 * always sets credentials in the environment, so they are never loaded there (and the runtime
 * provides them if they ever were). That keeps each bundle under 500 KB. See README.md ("Deploy").
 */
import { type BundlingOptions, LogLevel, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { BuildOptions } from "esbuild";
import { COGNITO } from "#platform/cognito";
import { FUNCTIONS } from "#platform/functions";

/** DESIGN §5: a function's bundle, minified, in bytes (KB counted as 1,000 bytes). */
export const BUNDLE_BUDGET_BYTES = 500_000;
/** DESIGN §5: importing the bundle in a fresh Node.js process, beyond importing an empty module. */
export const COLD_IMPORT_BUDGET_MS = 150;

/** Every function the stack deploys, by name, with its handler module (relative to the repository). */
export const BUNDLES: readonly { name: string; entry: string }[] = [
  ...Object.values(FUNCTIONS).map(({ name, entry }) => ({ name, entry })),
  { name: "preTokenGeneration", entry: COGNITO.preTokenGeneration.entry },
];

/** Lambda's Node.js 22 runtime. */
export const NODE_TARGET = "node22";

/**
 * Reached only through `await import()` in the SDK's default credential chain (SSO, shared ini
 * files, credential processes, web identity, container/instance metadata) and in its browser
 * user-agent code. Lambda resolves credentials from environment variables first, so none of these
 * is ever loaded there; the bundles bench checks that no bundle imports them statically.
 */
export const LAZY_EXTERNAL_MODULES: readonly string[] = [
  "@aws-sdk/credential-provider-http",
  "@aws-sdk/credential-provider-ini",
  "@aws-sdk/credential-provider-login",
  "@aws-sdk/credential-provider-process",
  "@aws-sdk/credential-provider-sso",
  "@aws-sdk/credential-provider-web-identity",
  "@aws-sdk/nested-clients",
  "@aws-sdk/token-providers",
  "@smithy/credential-provider-imds",
  "bowser",
];

/**
 * ESM output cannot `require()`; a few bundled dependencies (the X-Ray SDK behind the Powertools
 * tracer) are CommonJS and require Node built-ins, so the bundle defines `require` itself.
 */
export const REQUIRE_BANNER =
  'import { createRequire as __strawberryCreateRequire } from "node:module";' +
  "const require = __strawberryCreateRequire(import.meta.url);";

/** Prefer packages' ES module builds, which esbuild can tree-shake (the SDK's `dist-es`). */
export const MAIN_FIELDS: readonly string[] = ["module", "main"];

/** Options for the CDK `NodejsFunction`s: esbuild installed locally, never Docker. */
export function cdkBundling(): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: NODE_TARGET,
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    mainFields: [...MAIN_FIELDS],
    banner: REQUIRE_BANNER,
    externalModules: [...LAZY_EXTERNAL_MODULES],
    bundleAwsSDK: true,
    forceDockerBundling: false,
    logLevel: LogLevel.WARNING,
  };
}

/** Options for esbuild's JavaScript API, bundling `entry` to `outfile` (an `.mjs` path). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: NODE_TARGET,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: [...MAIN_FIELDS],
    banner: { js: REQUIRE_BANNER },
    external: [...LAZY_EXTERNAL_MODULES],
    metafile: true,
    logLevel: "warning",
  };
}
