/**
 * `npm run bench -- ingest`: ingest throughput over HTTP against DynamoDB Local's own raw speed
 * for the same transactions, in one run, plus DynamoDB requests and write units per signal.
 *
 * Write units are computed from item sizes with DynamoDB's pricing rules (1 unit per KB written,
 * 2 in a transaction; a GSI write costs 1 unit per KB of the projected item), because DynamoDB
 * Local's ConsumedCapacity under-reports transactions.
 */
import { randomUUID } from "node:crypto";
import {
  BatchWriteItemCommand,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
  type WriteRequest,
} from "@aws-sdk/client-dynamodb";
import { prepareSignal } from "#core/signal-rules";
import { startRuntime } from "#infra/local/runtime";
import { createTable } from "#infra/local/table";
import { dynamodb as handlerClient } from "#lib/clients";
import { DEFAULT_POLICY } from "#schemas/policy";
import type { Signal, StoredSignal } from "#schemas/signal";
import { itemSize } from "#store/attributes";
import { planTransactions, signalItem, transactionItems } from "#store/signal-store";
import { profileReport, startProfile } from "./profile";
import { report } from "./summary";

const SIGNALS = Number(process.env.BENCH_SIGNALS ?? 20_000);
const BATCH = 500;
const IN_FLIGHT = 4;
const LINES = 50;
/** HTTP and validation may cost at most a fifth of what DynamoDB Local takes for the same writes. */
const RATIO_BUDGET = 0.8;
const WORDS = [
  "物流太慢了,等了一个星期才到,包装也破了",
  "客服态度很好,问题很快就解决了,给个好评",
  "和描述不符,颜色差很多,申请退货",
  "质量不错,用了一个月没有问题",
  "The product stopped working after two days and support never called back.",
  "Great value for the price, would buy again.",
];

let seq = 0;
const makeSignal = (i: number, now: number): Signal => {
  const kind = (["csat", "nps", "review", "complaint"] as const)[i % 4];
  const base = {
    signalId: `bench-${seq++}-${randomUUID().slice(0, 8)}`,
    productLineId: `pl-${i % LINES}`,
    channel: (["hotline", "chat", "app", "social", "store", "email", "survey", "review-site"] as const)[
      i % 8
    ],
    kind,
    // Live traffic: channels send what just happened, so a batch spans the last few hours.
    occurredAt: new Date(now - 60_000 - (i % 997) * 10_000).toISOString(),
    ...(i % 3 !== 0 ? { verbatim: WORDS[i % WORDS.length] } : {}),
    customerRef: `cust-${i % 5000}`,
    reasons: i % 5 === 0 ? ["logistics" as const] : [],
  };
  // Every 100th signal is a critical complaint, all on line pl-3 (the line is i % 50): every batch
  // holds a few, so the ingest's Andon check (one read per batch) runs on every batch, and pl-3's
  // Andon is raised once for each day the run spans, as a real feed would.
  if (kind === "complaint") return { ...base, severity: i % 100 === 3 ? "critical" : "major" } as Signal;
  return { ...base, score: kind === "nps" ? i % 11 : 1 + (i % 5) } as Signal;
};

const catalog = {
  businessUnits: [{ id: "bu-bench", name: "Bench" }],
  productLines: Array.from({ length: LINES }, (_, i) => ({
    id: `pl-${i}`,
    name: `Line ${i}`,
    businessUnitId: "bu-bench",
    category: "bench",
  })),
};

const pool = async <T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await work(item);
      }
    }),
  );
};

const chunk = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

const withTable = (items: TransactWriteItem[], table: string): TransactWriteItem[] =>
  items.map((t) => {
    const [kind, op] = Object.entries(t)[0] as [keyof TransactWriteItem, { TableName: string }];
    return { [kind]: { ...op, TableName: table } } as TransactWriteItem;
  });

export const benchIngest = async (): Promise<void> => {
  const runtime = await startRuntime({ port: 0, logLevel: "ERROR" });
  try {
    const now = Date.now();
    const post = async (path: string, body: unknown, token?: string, method = "POST") => {
      const response = await fetch(`${runtime.url}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const cco = (await post("/v1/dev/token", { role: "cco" })).token as string;
    const ingest = (await post("/v1/dev/token", { role: "ingest" })).token as string;
    await post("/v1/catalog", catalog, cco, "PUT");

    // Every DynamoDB request and transaction the handlers send, seen from their own client.
    let requests = 0;
    const transactions: TransactWriteItemsCommandInput[] = [];
    handlerClient.middlewareStack.add(
      (next, context) => async (args) => {
        requests++;
        if (context.commandName === "TransactWriteItemsCommand")
          transactions.push(args.input as TransactWriteItemsCommandInput);
        return next(args);
      },
      { step: "initialize", name: "benchCounter" },
    );

    // 1. HTTP: POST /v1/signals in batches of 500, a few in flight, as the CLI importer sends them.
    const httpSignals = Array.from({ length: SIGNALS }, (_, i) => makeSignal(i, now));
    process.stderr.write(`HTTP ingest of ${SIGNALS} signals…\n`);
    let accepted = 0;
    const profiling = process.argv.includes("--profile") ? await startProfile() : undefined;
    const httpStart = performance.now();
    await pool(chunk(httpSignals, BATCH), IN_FLIGHT, async (batch) => {
      const result = await post("/v1/signals", { signals: batch }, ingest);
      accepted += result.accepted as number;
    });
    const httpSeconds = (performance.now() - httpStart) / 1000;
    const profiled = await profiling?.stop();
    if (accepted !== SIGNALS) throw new Error(`Only ${accepted} of ${SIGNALS} accepted`);
    const httpRequests = requests;

    // Requests of single batches, one at a time (the budget is per 500-signal batch).
    let worstBatch = 0;
    for (let b = 0; b < 3; b++) {
      const before = requests;
      await post(
        "/v1/signals",
        { signals: Array.from({ length: BATCH }, (_, i) => makeSignal(i + b, now)) },
        ingest,
      );
      worstBatch = Math.max(worstBatch, requests - before);
    }

    // 2. The same transactions straight to DynamoDB Local: no HTTP, no validation, items prepared.
    const rawTable = "bench-raw";
    await createTable(runtime.dynamodb, rawTable);
    const hmacKey = process.env.HMAC_KEY ?? "bench";
    const prepare = (s: Signal): StoredSignal =>
      prepareSignal(s, { now: new Date(now), timeZone: DEFAULT_POLICY.timeZone, hmacKey });
    const rawSignals = Array.from({ length: SIGNALS }, (_, i) => prepare(makeSignal(i, now)));
    process.stderr.write("Same transactions straight to DynamoDB Local…\n");
    const rawStart = performance.now();
    let shard = 0;
    await pool(chunk(rawSignals, BATCH), IN_FLIGHT, async (batch) => {
      await pool(planTransactions(batch, true), 4, async (group) => {
        const items = withTable(
          transactionItems(group, "ingest", shard++ % 4, DEFAULT_POLICY.retentionDays),
          rawTable,
        );
        await runtime.dynamodb.send(new TransactWriteItemsCommand({ TransactItems: items }));
      });
    });
    const rawSeconds = (performance.now() - rawStart) / 1000;

    // 3. The ceiling: the signal items alone with plain BatchWriteItem (no conditions, no rollups).
    const batchTable = "bench-batch";
    await createTable(runtime.dynamodb, batchTable);
    const batchSignals = Array.from({ length: SIGNALS }, (_, i) => prepare(makeSignal(i, now)));
    process.stderr.write("BatchWriteItem of the same signal items…\n");
    const batchStart = performance.now();
    await pool(chunk(batchSignals, 25), IN_FLIGHT * 4, async (group) => {
      let pending: WriteRequest[] = group.map((s) => ({
        PutRequest: { Item: signalItem(s, "COUNTED", DEFAULT_POLICY.retentionDays) },
      }));
      while (pending.length) {
        const out = await runtime.dynamodb.send(
          new BatchWriteItemCommand({ RequestItems: { [batchTable]: pending } }),
        );
        pending = out.UnprocessedItems?.[batchTable] ?? [];
      }
    });
    const batchSeconds = (performance.now() - batchStart) / 1000;

    // Write units from item sizes, over the transactions the HTTP path actually sent.
    let signalUnits = 0;
    let indexUnits = 0;
    let rollupUnits = 0;
    let totalUnits = 0;
    let signalsWritten = 0;
    let itemBytes = 0;
    for (const t of transactions) {
      for (const item of t.TransactItems ?? []) {
        if (item.Put?.Item) {
          const size = itemSize(item.Put.Item);
          signalsWritten++;
          itemBytes += size;
          signalUnits += 2 * Math.ceil(size / 1024);
          if (item.Put.Item.gsi1pk) indexUnits += Math.ceil(size / 1024);
        } else if (item.Update?.Key?.pk?.S?.startsWith("TOTAL#"))
          totalUnits += 2; // well under 1 KB
        else if (item.Update) rollupUnits += 2; // a rollup item stays well under 1 KB
      }
    }
    const perSignal = (units: number) => units / signalsWritten;
    const rollupShare = perSignal(rollupUnits);
    const totalShare = perSignal(totalUnits);
    const counterShare = rollupShare + totalShare;

    // A signal whose stored item is as large as one KB allows: its words fill the rest.
    const oneKb = prepare({ ...makeSignal(1, now), verbatim: "" } as Signal);
    const bare = itemSize(signalItem({ ...oneKb, verbatim: "x" }, "COUNTED", 730)) - 1;
    const filled = { ...oneKb, verbatim: "x".repeat(1024 - bare) };
    const oneKbSize = itemSize(signalItem(filled, "COUNTED", 730));
    const oneKbUnits = 2 * Math.ceil(oneKbSize / 1024) + Math.ceil(oneKbSize / 1024) + counterShare;

    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
    const ratio = rawSeconds / httpSeconds;
    console.log(`
Ingest bench: ${SIGNALS.toLocaleString("en-US")} signals, ${LINES} product lines, live traffic (last ~3 hours), batches of ${BATCH}, ${IN_FLIGHT} in flight
DynamoDB Local ${runtime.dynamoEndpoint}; Node ${process.version}

| path                                                     | seconds | signals/s |
| -------------------------------------------------------- | ------: | --------: |
| HTTP POST /v1/signals (validation, PII, transactions)    | ${httpSeconds.toFixed(2).padStart(7)} | ${rate(SIGNALS, httpSeconds).padStart(9)} |
| same transactions straight to DynamoDB Local (no HTTP)   | ${rawSeconds.toFixed(2).padStart(7)} | ${rate(SIGNALS, rawSeconds).padStart(9)} |
| plain BatchWriteItem of the signal items (ceiling)       | ${batchSeconds.toFixed(2).padStart(7)} | ${rate(SIGNALS, batchSeconds).padStart(9)} |

HTTP / raw transactions throughput ratio: ${ratio.toFixed(2)} (budget ≥ ${RATIO_BUDGET}: ${ratio >= RATIO_BUDGET ? "PASS" : "FAIL"})
DynamoDB requests per signal (HTTP path, all calls): ${(httpRequests / SIGNALS).toFixed(4)}
Most DynamoDB requests for one 500-signal batch: ${worstBatch} (budget ≤ 30: ${worstBatch <= 30 ? "PASS" : "FAIL"})
Transactions: ${transactions.length}, average ${(signalsWritten / Math.max(1, transactions.length)).toFixed(1)} signals each

Write units per signal, from item sizes (transactional write = 2 units per KB per item):
  signal item (avg ${Math.round(itemBytes / signalsWritten)} B)   ${perSignal(signalUnits).toFixed(2)}
  gsi1 voice index (signals with words)     ${perSignal(indexUnits).toFixed(2)}
  day rollup share                          ${rollupShare.toFixed(2)}
  quarter and year totals share             ${totalShare.toFixed(2)}
  total                                     ${(perSignal(signalUnits + indexUnits) + counterShare).toFixed(2)}
  a 1 KB signal (stored item ${oneKbSize} B, with words): ${oneKbUnits.toFixed(2)} (budget ≤ 4: ${oneKbUnits <= 4 ? "PASS" : "FAIL"})
  worst case, every signal of a transaction on its own line and day (counter share 6.00: a rollup and two totals):
    1 KB signal with words ${(oneKbUnits - counterShare + 6).toFixed(2)}, without words ${(2 * Math.ceil(oneKbSize / 1024) + 6).toFixed(2)}

Peak memory of this process (bench + handlers): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB
`);
    if (profiled) console.log(profileReport(profiled, SIGNALS));
    report(
      {
        bench: "ingest",
        figure: "HTTP POST /v1/signals, signals/s",
        measured: rate(SIGNALS, httpSeconds),
        reference: `raw transactions ${rate(SIGNALS, rawSeconds)}/s`,
        ratio,
        budget: `≥ ${RATIO_BUDGET}`,
        pass: ratio >= RATIO_BUDGET,
      },
      {
        bench: "ingest",
        figure: "HTTP POST /v1/signals against the ceiling, signals/s",
        measured: rate(SIGNALS, httpSeconds),
        reference: `plain BatchWriteItem ${rate(SIGNALS, batchSeconds)}/s`,
        ratio: batchSeconds / httpSeconds,
      },
      {
        bench: "ingest",
        figure: "DynamoDB requests for one 500-signal batch, at most",
        measured: String(worstBatch),
        reference: "–",
        budget: "≤ 30",
        pass: worstBatch <= 30,
      },
      {
        bench: "ingest",
        figure: "write units for a 1 KB signal with words",
        measured: oneKbUnits.toFixed(2),
        reference: "–",
        budget: "≤ 4",
        pass: oneKbUnits <= 4,
      },
    );
  } finally {
    await runtime.stop();
  }
};
