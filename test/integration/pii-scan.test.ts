/**
 * Issue 13, item 5: after the demo data and a corpus of personal data in every form the masker
 * knows have gone in through `POST /v1/signals` and the event path (counted, quarantined, raising an
 * Andon, then reviewed into a notice, cited by awards and chased), a full Scan of the table finds no
 * raw phone number, e-mail address, resident ID or card number and no raw `customerRef` anywhere.
 */
import { readFileSync } from "node:fs";
import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "#infra/api-client/client";
import { demoCatalog } from "#infra/demo/catalog";
import { mulberry32 } from "#infra/demo/random";
import { seedDemo } from "#infra/demo/seed";
import { demoSignals } from "#infra/demo/signals";
import { fakePii } from "#infra/demo/words";
import type { Runtime } from "#infra/local/runtime";
import { dayOfPreviousQuarter, quarterOfDay } from "#test/integration/fixtures";
import { type Api, apiOf, startTestRuntime } from "#test/integration/harness";
import { customerRefs, type Planted, piiCorpus } from "#test/integration/pii-corpus";
import {
  type Finding,
  genericFindings,
  plainItem,
  plantedFindings,
  stringsOf,
} from "#test/integration/pii-detector";

const DEMO_COUNT = 2000;
const UNKNOWN_LINE = "pl-not-in-catalog-pii";
const now = new Date();
const silent = { write: () => true };
const [line, otherLine] = demoCatalog().productLines.map((l) => l.id) as [string, string];
const pastDay = dayOfPreviousQuarter();
const pastQuarter = quarterOfDay(pastDay);

const corpus = piiCorpus();
const refs = customerRefs(corpus.length + 40);
// The demo's contact sentences, drawn until every template of contacts.json has been used.
const contacts = JSON.parse(readFileSync("infra/demo/data/contacts.json", "utf8")) as {
  zh: string[];
  en: string[];
};
const templates = [...contacts.zh, ...contacts.en].map((t) => t.slice(0, t.indexOf("{")));
const demoContacts: string[] = [];
for (let i = 0; templates.some((t) => !demoContacts.some((s) => s.startsWith(t))); i++)
  demoContacts.push(fakePii(mulberry32(i), i % 2 === 0));

/** Every phone number and e-mail address in demo words, as the detector searches for them. */
const demoPlanted = (words: readonly string[]): Planted[] =>
  words.flatMap((w) => [
    ...[...w.matchAll(/1\d{2}[- ]?\d{4}[- ]?\d{4}/g)].map((m) => ({
      kind: "phone" as const,
      raw: m[0],
      canonical: m[0].replace(/\D/g, ""),
    })),
    ...[...w.matchAll(/[a-z]+\.[a-z]+\d{2}@example\.com/g)].map((m) => ({
      kind: "email" as const,
      raw: m[0],
      canonical: m[0],
    })),
  ]);
const seededDemo = demoSignals({ now, count: DEMO_COUNT });
const demoWords = seededDemo.flatMap((s) => (s.verbatim ? [s.verbatim] : []));
const planted: Planted[] = [
  ...corpus.map((c) => c.planted),
  ...refs,
  ...demoPlanted([...demoWords, ...demoContacts]),
];
// Demo customer references are cust-000001 …: one shape, searched for as such.
const DEMO_REF = /cust-\d{6}/;

const at = (day: string, i: number) =>
  `${day}T${String(9 + (i % 12)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00+08:00`;
const complaint = (id: string, productLineId: string, words: string, i: number, occurredAt: string) => ({
  signalId: id,
  productLineId,
  channel: (["hotline", "chat", "email", "app"] as const)[i % 4],
  kind: "complaint",
  severity: i % 10 === 0 ? "critical" : "major",
  reasons: ["quality"],
  verbatim: words,
  customerRef: refs[i]!.raw,
  ...(i % 3 === 0 ? { orderRef: `SO ${corpus[i % corpus.length]!.planted.raw}` } : {}),
  occurredAt,
});

let runtime: Runtime;
let api: Api;
let cco: string;
const sent = { http: 0, events: 0, quarantined: 0, accepted: 0, delivered: 0 };

const post = async (path: string, token: string, body: unknown) => {
  const response = await api.call("POST", path, { token, body });
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  api = apiOf(runtime);
  cco = await api.token("cco");
  const ingest = await api.token("ingest");
  const client = new ApiClient({ baseUrl: runtime.url });
  client.token = cco;
  await seedDemo({ client, now, count: DEMO_COUNT, stdout: silent, stderr: silent });

  // The corpus on one line last quarter, every other signal by each path; a few on a line not in
  // the catalog (quarantined); three critical ones today (an Andon); the demo's contact sentences.
  const signals = corpus.map((c, i) => complaint(`pii-${i}`, line, c.sentence, i, at(pastDay, i)));
  const quarantined = corpus
    .slice(0, 20)
    .map((c, i) => complaint(`pii-q-${i}`, UNKNOWN_LINE, c.sentence, corpus.length + i, at(pastDay, i)));
  const today = corpus.slice(20, 23).map((c, i) => ({
    ...complaint(`pii-a-${i}`, line, c.sentence, 20 + i, new Date(now.getTime() - 3600_000).toISOString()),
    severity: "critical",
  }));
  const contactsSent = demoContacts.map((words, i) => ({
    ...complaint(`pii-d-${i}`, line, words, i, at(pastDay, i)),
    customerRef: `cust-${String(900_000 + i)}`,
  }));
  // Another line with enough signals to be ranked, so the awards name a Red beside our Rotten.
  const praise = Array.from({ length: 120 }, (_, i) => ({
    signalId: `pii-p-${i}`,
    productLineId: otherLine,
    channel: "app",
    kind: "csat",
    score: 5,
    occurredAt: at(pastDay, i),
  }));
  const all = [...signals, ...quarantined, ...today, ...contactsSent, ...praise];
  const byHttp = all.filter((_, i) => i % 2 === 0);
  const byEvent = all.filter((_, i) => i % 2 === 1);
  for (let i = 0; i < byHttp.length; i += 500) {
    const result = await post("/v1/signals", ingest, { signals: byHttp.slice(i, i + 500) });
    sent.accepted += result.accepted;
    sent.quarantined += result.quarantined;
    expect(result.rejected).toEqual([]);
  }
  const entries = byEvent.map((detail) => ({
    source: "channel.hotline",
    "detail-type": "Satisfaction Signal",
    detail,
  }));
  for (let i = 0; i < entries.length; i += 500) {
    const result = await post("/v1/dev/events", ingest, { entries: entries.slice(i, i + 500) });
    sent.delivered += result.delivered;
    expect(result.deadLettered).toBe(0);
  }
  sent.http = byHttp.length;
  sent.events = byEvent.length;

  // What copies customer words elsewhere: a review (notice evidence), awards (citations), a chase.
  await post("/v1/reviews", cco, { quarter: pastQuarter });
  await post("/v1/awards", cco, { period: pastQuarter });
  const executive = await api.token("executive");
  const voices = await api.call("GET", `/v1/voices?productLineId=${line}&negativeOnly=true&limit=50`, {
    token: executive,
  });
  const chased = voices.body.items.find((v: { text?: string }) => v.text?.includes("[PHONE]"));
  await post("/v1/chases", executive, { signalId: chased.signalId, question: "请核实并回复这位顾客" });
}, 240_000);
afterAll(async () => runtime?.stop());

/** Every item of the table, with the path of each string in it. */
const scanTable = async (): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await runtime.dynamodb.send(
      new ScanCommand({ TableName: runtime.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []).map(plainItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/** What in `value` (an item or an answer) is personal data. */
const leaksIn = (value: unknown, where: string) => {
  const strings = stringsOf(value);
  // The planted values are looked for in all the strings at once, then string by string if found.
  const suspects = plantedFindings(strings.map((s) => s.text).join("\n"), planted);
  const plantedIn =
    suspects.length === 0 ? [] : planted.filter((p) => suspects.some((f) => f.what === p.raw));
  return strings.flatMap(({ path, text }) =>
    [
      ...(plantedIn.length ? plantedFindings(text, plantedIn) : []),
      ...genericFindings(text),
      ...(DEMO_REF.test(text) ? [{ kind: "customerRef", what: text }] : []),
    ].map((f: Finding) => ({ where, path, ...f })),
  );
};

describe("personal data in storage", () => {
  it("would be seen: every planted value is found in the words as sent, by value and by shape", () => {
    expect(templates.every((t) => demoContacts.some((s) => s.startsWith(t)))).toBe(true);
    expect(demoPlanted(demoWords).length).toBeGreaterThan(20);
    for (const { planted: p, sentence } of corpus) {
      expect(plantedFindings(sentence, [p]), sentence).toHaveLength(1);
      expect(
        genericFindings(sentence).map((f) => f.kind),
        sentence,
      ).toContain(p.kind);
    }
    for (const ref of refs) expect(plantedFindings(`x ${ref.raw} y`, [ref])).toHaveLength(1);
    expect(leaksIn({ customer: "cust-000042" }, "probe")).toHaveLength(1);
    // An item holding a signal as sent would fail the scan on its words and its customer.
    for (const [i, c] of corpus.entries()) {
      const paths = leaksIn(complaint(`x-${i}`, line, c.sentence, i, at(pastDay, i)), "probe").map(
        (f) => f.path,
      );
      expect(paths).toEqual(expect.arrayContaining([".verbatim", ".customerRef"]));
    }
  });

  it("went in through both paths: counted, quarantined and dead-lettered as expected", () => {
    expect(sent.accepted + sent.quarantined).toBe(sent.http);
    expect(sent.delivered).toBe(sent.events);
    expect(sent.quarantined).toBeGreaterThan(0);
    expect(corpus.length).toBeGreaterThan(120);
  });

  it("the answers that show customer words hold none", async () => {
    const paths = [
      `/v1/voices?productLineId=${line}&limit=100`,
      "/v1/quarantine?limit=100",
      "/v1/andons",
      `/v1/awards/${pastQuarter}`,
      "/v1/chases",
    ];
    const answers = [];
    for (const path of paths) answers.push(await api.call("GET", path, { token: cco }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.flatMap((a, i) => leaksIn(a.body, String(i)))).toEqual([]);
  });
  it("a full scan of the table finds no raw phone, e-mail, ID, card number or customerRef", async () => {
    const items = await scanTable();
    const leaks = items.flatMap((item) => leaksIn(item, `${item.pk} ${item.sk}`));
    const tokens = JSON.stringify(items);

    expect(leaks).toEqual([]);
    for (const token of ["[PHONE]", "[EMAIL]", "[ID]", "[CARD]"]) expect(tokens).toContain(token);
    // The copies were made: a notice's evidence, the awards, the chase, the Andon, the quarantine.
    for (const prefix of ["NOTICE#", "AWARDS#", "CHASE#", "ANDON#"])
      expect(
        items.some((i) => String(i.pk).startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect(items.some((i) => i.state === "QUARANTINED")).toBe(true);
    console.log(`PII scan: ${items.length} items, ${planted.length} planted values, ${corpus.length} forms`);
  });
});
