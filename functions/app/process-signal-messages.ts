/**
 * Signals that arrive as EventBridge events through SQS. The whole batch is ingested together
 * (few transactions); a message fails alone when its event or signal is invalid (it is retried,
 * then kept in the dead-letter queue: never dropped) or when DynamoDB keeps failing for it.
 * A redelivered message is a duplicate by its signalId, so nothing is counted twice.
 */
import type { SQSBatchItemFailure, SQSRecord } from "aws-lambda";
import { logger } from "#lib/powertools";
import { fieldErrorsOf } from "#schemas/error";
import { SignalEvent } from "#schemas/events";
import { ingestSignals } from "./ingest-signals";

export interface MessagesOutcome {
  batchItemFailures: SQSBatchItemFailure[];
  accepted: number;
  duplicates: number;
  quarantined: number;
}

const detailOf = (record: SQSRecord): { ok: true; detail: unknown } | { ok: false; reason: string } => {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    return { ok: false, reason: `Malformed JSON: ${(error as Error).message}` };
  }
  const event = SignalEvent.safeParse(body);
  if (!event.success)
    return {
      ok: false,
      reason: fieldErrorsOf(event.error)
        .map((e) => `${e.path}: ${e.message}`)
        .join("; "),
    };
  return { ok: true, detail: event.data.detail };
};

export const processSignalMessages = async (records: readonly SQSRecord[]): Promise<MessagesOutcome> => {
  const failed = new Set<string>();
  const outcome: MessagesOutcome = { batchItemFailures: [], accepted: 0, duplicates: 0, quarantined: 0 };
  const usable: { record: SQSRecord; detail: unknown }[] = [];
  for (const record of records) {
    const parsed = detailOf(record);
    if (parsed.ok) usable.push({ record, detail: parsed.detail });
    else {
      logger.error("Unusable signal event", { messageId: record.messageId, reason: parsed.reason });
      failed.add(record.messageId);
    }
  }

  const tally = (result: Awaited<ReturnType<typeof ingestSignals>>, batch: typeof usable) => {
    outcome.accepted += result.accepted;
    outcome.duplicates += result.duplicates;
    outcome.quarantined += result.quarantined;
    for (const r of result.rejected) {
      const entry = batch[r.index];
      if (!entry) continue;
      logger.error("Invalid signal in event", { messageId: entry.record.messageId, errors: r.errors });
      failed.add(entry.record.messageId);
    }
  };

  try {
    tally(await ingestSignals(usable.map((u) => u.detail)), usable);
  } catch (error) {
    logger.warn("Batch ingest failed; retrying message by message", error as Error);
    for (const entry of usable) {
      try {
        tally(await ingestSignals([entry.detail]), [entry]);
      } catch (single) {
        logger.error("Signal event not ingested", {
          messageId: entry.record.messageId,
          error: single as Error,
        });
        failed.add(entry.record.messageId);
      }
    }
  }
  outcome.batchItemFailures = [...failed].map((itemIdentifier) => ({ itemIdentifier }));
  return outcome;
};
