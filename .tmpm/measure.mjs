import { build } from "esbuild";
import { execFileSync } from "node:child_process";
const lazy = ["@aws-sdk/credential-provider-sso","@aws-sdk/credential-provider-ini","@aws-sdk/credential-provider-process","@aws-sdk/credential-provider-web-identity","@aws-sdk/credential-provider-http","@aws-sdk/credential-provider-login","@aws-sdk/nested-clients","@aws-sdk/token-providers","@smithy/credential-provider-imds"];
const variants = { full: [], external: ["@aws-sdk/*", "@smithy/*"], hybrid: lazy };
const med = (a) => a.sort((x,y)=>x-y)[Math.floor(a.length/2)];
function t(file, flags) { const r=[]; for (let i=0;i<7;i++) r.push(Number(execFileSync("node", [...flags, "--input-type=module", "-e", `const t=performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now()-t))`], {env:{...process.env, AWS_REGION:"us-east-1"}}).toString())); return med(r); }
const empty = t("/work/main/.tmpm/empty.mjs", []);
for (const [name, external] of Object.entries(variants)) {
  const r = await build({ entryPoints: [process.argv[2] ?? ".tmpm/probe.ts"], bundle: true, minify: true, format: "esm", platform: "node", target: "node22", outfile: `.tmpm/${name}/index.mjs`, metafile: true, external, sourcemap: true, mainFields: ["module","main"], logLevel: "error",
    banner: { js: "import { createRequire as __cr } from 'node:module';const require = __cr(import.meta.url);" } });
  const out = Object.entries(r.metafile.outputs).find(([k]) => k.endsWith(".mjs"))[1];
  const f = `/work/main/.tmpm/${name}/index.mjs`;
  console.log(name, (out.bytes/1024).toFixed(1), "KB", "import", (t(f, [])-empty).toFixed(1), "ms", "with-sourcemaps", (t(f, ["--enable-source-maps"])-empty).toFixed(1));
}
