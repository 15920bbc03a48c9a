/**
 * An in-process event bus applying the same rules as the CDK stack (`EVENT_RULES`): matching
 * events go to their target, through an emulated SQS queue when the rule says so (batches,
 * partial batch failures redelivered up to `maxReceiveCount` times, then a dead-letter list).
 * It is also the publisher's transport locally (`put`), behind the interface EventBridge has when
 * deployed; a function that publishes without declaring it is refused, as IAM would refuse it.
 */
import { randomUUID } from "node:crypto";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import type { BusEntry, EntryFailure, EventTransport } from "#lib/events";
import { DELIVERY, EVENT_RULES, type EventRuleDeclaration } from "#platform/events";
import { currentFunction, invoke } from "./functions";

export interface BusEvent {
  source: string;
  "detail-type": string;
  detail: unknown;
}

export interface DeliveryReport {
  matched: number;
  delivered: number;
  redelivered: number;
  deadLettered: number;
}

export const MAX_RECEIVE_COUNT = DELIVERY.maxReceiveCount;
const DIRECT_RETRY_ATTEMPTS = DELIVERY.directRetryAttempts;

export const matches = (rule: EventRuleDeclaration, event: BusEvent): boolean =>
  (!rule.pattern.source || rule.pattern.source.includes(event.source)) &&
  (!rule.pattern["detail-type"] || rule.pattern["detail-type"].includes(event["detail-type"]));

export class LocalEventBus implements EventTransport {
  readonly deadLetters: { rule: string; body: string }[] = [];
  /** Every event put on the bus, in order (what a test or a look at the bus wants to see). */
  readonly published: BusEvent[] = [];
  /** Refuses entries as EventBridge may (a test sets it to see what the publisher does then). */
  refuse: ((entry: BusEntry) => EntryFailure | undefined) | undefined;

  /** The publisher's side: accepts entries as EventBridge's PutEvents does, then delivers them. */
  async put(entries: readonly BusEntry[]): Promise<readonly (EntryFailure | undefined)[]> {
    const fn = currentFunction();
    if (fn && !fn.publishes)
      throw Object.assign(new Error(`Function ${fn.name} is not allowed to perform events:PutEvents`), {
        name: "AccessDeniedException",
      });
    const results = entries.map((entry) => this.refuse?.(entry));
    const accepted = entries
      .filter((_, i) => results[i] === undefined)
      .map((e) => ({ source: e.source, "detail-type": e.detailType, detail: JSON.parse(e.detail) }));
    if (accepted.length > 0) await this.putEvents(accepted);
    return results;
  }

  async putEvents(events: readonly BusEvent[]): Promise<DeliveryReport> {
    const report: DeliveryReport = { matched: 0, delivered: 0, redelivered: 0, deadLettered: 0 };
    this.published.push(...events);
    for (const rule of EVENT_RULES as readonly EventRuleDeclaration[]) {
      const envelopes = events
        .filter((e) => matches(rule, e))
        .map((e) => ({
          version: "0",
          id: randomUUID(),
          "detail-type": e["detail-type"],
          source: e.source,
          account: "000000000000",
          time: new Date().toISOString(),
          region: "local",
          resources: [],
          detail: e.detail,
        }));
      if (envelopes.length === 0) continue;
      report.matched += envelopes.length;
      if (!rule.target.queue) {
        for (const envelope of envelopes) await this.#deliverDirectly(rule, envelope, report);
        continue;
      }
      await this.#deliverThroughQueue(
        rule,
        envelopes.map((e) => JSON.stringify(e)),
        report,
      );
    }
    return report;
  }

  /** As EventBridge invokes a Lambda target: retried, then dead-lettered (never the publisher's failure). */
  async #deliverDirectly(rule: EventRuleDeclaration, envelope: unknown, report: DeliveryReport) {
    for (let attempt = 0; ; attempt++) {
      try {
        await invoke(rule.target.fn.name, envelope);
        report.delivered++;
        return;
      } catch (error) {
        if (attempt >= DIRECT_RETRY_ATTEMPTS) {
          report.deadLettered++;
          this.deadLetters.push({ rule: rule.id, body: JSON.stringify(envelope) });
          console.error(
            `Event rule ${rule.id}: ${rule.target.fn.name} failed (${(error as Error).message}); the event is dead-lettered`,
          );
          return;
        }
        report.redelivered++;
      }
    }
  }

  async #deliverThroughQueue(rule: EventRuleDeclaration, bodies: string[], report: DeliveryReport) {
    const queue = rule.target.queue;
    if (!queue) return;
    let pending = bodies.map((body) => ({ body, messageId: randomUUID(), receiveCount: 0 }));
    while (pending.length > 0) {
      const retry: typeof pending = [];
      for (let i = 0; i < pending.length; i += queue.batchSize) {
        const batch = pending.slice(i, i + queue.batchSize);
        for (const m of batch) m.receiveCount++;
        const event: SQSEvent = { Records: batch.map((m) => sqsRecord(m.body, m.messageId, m.receiveCount)) };
        let failed: Set<string>;
        try {
          const response = (await invoke(rule.target.fn.name, event)) as SQSBatchResponse | undefined;
          failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch {
          failed = new Set(batch.map((m) => m.messageId));
        }
        for (const m of batch) {
          if (!failed.has(m.messageId)) report.delivered++;
          else if (m.receiveCount >= MAX_RECEIVE_COUNT) {
            report.deadLettered++;
            this.deadLetters.push({ rule: rule.id, body: m.body });
          } else retry.push(m);
        }
      }
      report.redelivered += retry.length;
      pending = retry;
    }
  }
}

const sqsRecord = (body: string, messageId: string, receiveCount: number): SQSRecord => ({
  messageId,
  receiptHandle: messageId,
  body,
  attributes: {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: String(Date.now()),
    SenderId: "local",
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {},
  md5OfBody: "",
  eventSource: "aws:sqs",
  eventSourceARN: "arn:aws:sqs:local:000000000000:strawberry-signals",
  awsRegion: "local",
});
