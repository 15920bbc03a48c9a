import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "#infra/cli/main";
import type { Runtime } from "#infra/local/runtime";
import { catalog, currentQuarter } from "./fixtures";
import { type Api, apiOf, startTestRuntime } from "./harness";

let runtime: Runtime;
let api: Api;
beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  await api.call("PUT", "/v1/catalog", { token: await api.token("cco"), body: catalog });
});
afterAll(async () => runtime?.stop());

const capture = () => {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
};

it("imports a CSV into the real API, names rejected rows by line, and is harmless to re-run", async () => {
  // Prepare: BOM, CRLF, quoted words with a comma and a newline, one bad score, one unknown line.
  const at = new Date(Date.now() - 3600_000).toISOString();
  const csv = [
    "\uFEFFsignalId,productLineId,channel,kind,score,severity,reasons,verbatim,occurredAt",
    `cli-1,pl-kettle,app,csat,1,,quality|other,"漏水,很失望",${at}`,
    `cli-2,pl-kettle,chat,csat,9,,,,${at}`,
    `cli-3,pl-milk,hotline,complaint,,critical,safety,"第一行\n第二行",${at}`,
    `cli-4,pl-unknown,app,nps,10,,,,${at}`,
  ].join("\r\n");
  const file = join(mkdtempSync(join(tmpdir(), "strawberry-cli-")), "signals.csv");
  writeFileSync(file, csv);
  const out = capture();
  const err = capture();
  const io = { stdout: out.stream, stderr: err.stream, env: {} };

  // Act
  const first = await runCli(["import", file, "--api", runtime.url], io);
  const firstText = out.text();
  const second = await runCli(["import", file, "--api", runtime.url], io);

  // Assess: the bad row (physical line 3) is named with its field; exit code 1 says rows were rejected.
  expect(first).toBe(1);
  expect(firstText).toMatch(/accepted\s+2/);
  expect(firstText).toMatch(/quarantined\s+1/);
  expect(firstText).toMatch(/line 3 \(cli-2\): score/);
  expect(second).toBe(1);
  expect(out.text().slice(firstText.length)).toMatch(/duplicates\s+3/);
  const cco = await api.token("cco");
  const kettle = await api.call("GET", `/v1/product-lines/pl-kettle/metrics?period=${currentQuarter()}`, {
    token: cco,
  });
  expect(kettle.body).toMatchObject({ n: 1, negatives: 1, reasons: { quality: 1, other: 1 } });
});
