/**
 * Ingestion of a batch of raw signals: each is validated on its own (so valid ones land while
 * invalid ones are rejected by index with field paths), prepared (PII masked, customerRef
 * pseudonymized, day in the policy zone), then written once: counted when its product line is in
 * the catalog, quarantined otherwise. Once the writes have committed, the Andon check looks at the
 * batch's critical complaints (`./raise-andons.ts`).
 */

import { checkOccurredAt, prepareSignal } from "#core/signal-rules";
import { secretKey } from "#lib/secrets";
import { ENV } from "#platform/env";
import { fieldErrorsOf } from "#schemas/error";
import { type IngestResult, type RejectedSignal, Signal, type StoredSignal } from "#schemas/signal";
import { findProductLines } from "#store/catalog-store";
import { currentPolicy } from "#store/policy-store";
import { writeSignals } from "#store/signal-store";
import { checkAndons } from "./raise-andons";

export interface IngestOutcome extends IngestResult {
  /** DynamoDB requests issued for the writes and the Andon check (catalog look-ups aside). */
  requests: number;
  /** Of which the Andon check's (none for a batch without critical complaints). */
  andonRequests: number;
  /** The Andons this batch raised. */
  andonsRaised: string[];
}

const idOf = (raw: unknown): string | undefined => {
  const id = (raw as { signalId?: unknown } | null)?.signalId;
  return typeof id === "string" ? id : undefined;
};

export const ingestSignals = async (raw: readonly unknown[], now = new Date()): Promise<IngestOutcome> => {
  const [policy, hmacKey] = await Promise.all([currentPolicy(), secretKey(ENV.hmacKey, ENV.hmacSecretArn)]);
  const rejected: RejectedSignal[] = [];
  const prepared: StoredSignal[] = [];
  const seen = new Set<string>();
  let duplicates = 0;

  raw.forEach((candidate, index) => {
    const parsed = Signal.safeParse(candidate);
    const signalId = idOf(candidate);
    const reject = (errors: RejectedSignal["errors"]) =>
      rejected.push({ index, ...(signalId !== undefined ? { signalId } : {}), errors });
    if (!parsed.success) {
      reject(fieldErrorsOf(parsed.error));
      return;
    }
    const timing = checkOccurredAt(parsed.data.occurredAt, now, policy.retentionDays);
    if (timing.length > 0) {
      reject(timing);
      return;
    }
    if (seen.has(parsed.data.signalId)) {
      duplicates++;
      return;
    }
    seen.add(parsed.data.signalId);
    prepared.push(prepareSignal(parsed.data, { now, timeZone: policy.timeZone, hmacKey }));
  });

  const lines = await findProductLines(prepared.map((s) => s.productLineId));
  const known = prepared.filter((s) => lines.has(s.productLineId));
  const unknown = prepared.filter((s) => !lines.has(s.productLineId));
  const [counted, quarantined] = await Promise.all([
    writeSignals(known, "ingest", policy.retentionDays),
    writeSignals(unknown, "quarantine", policy.retentionDays),
  ]);
  // Duplicates too: this may be the retry of a batch whose first try committed and then died.
  const andons = await checkAndons(
    known,
    new Map([...lines].map(([id, line]) => [id, line.businessUnitId])),
    policy,
    now,
  );
  return {
    accepted: counted.written.length,
    duplicates: duplicates + counted.duplicates.length + quarantined.duplicates.length,
    quarantined: quarantined.written.length,
    rejected,
    requests: counted.requests + quarantined.requests + andons.requests,
    andonRequests: andons.requests,
    andonsRaised: andons.raised,
  };
};
