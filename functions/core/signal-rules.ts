/**
 * The ingest rules of a signal that need the clock, the policy or a secret (the shape rules live
 * in `schemas/signal.ts`), and the turning of a valid signal into what is stored.
 */
import type { Signal, StoredSignal } from "#schemas/signal";
import { MS_PER_DAY } from "./calendar-day";
import type { FieldError } from "./errors";
import { isNegative } from "./negative";
import { maskPii } from "./pii";
import { pseudonymize } from "./pseudonym";
import { dayOf } from "./zoned-time";

/** How far in the future `occurredAt` may be: channel clocks drift, but not by more than this. */
export const MAX_FUTURE_SKEW_MINUTES = 5;

/**
 * Checks `occurredAt` against the clock: not more than {@link MAX_FUTURE_SKEW_MINUTES} minutes in the
 * future, and not older than `retentionDays` (such a signal would expire at once, and counting it
 * would change rollups of periods already reviewed). Both limits are inclusive.
 *
 * @returns the issues, at path `occurredAt`; empty when it is acceptable.
 */
export function checkOccurredAt(occurredAt: string, now: Date, retentionDays: number): FieldError[] {
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at))
    return [{ path: "occurredAt", message: "Expected an ISO-8601 date-time with offset" }];
  if (at > now.getTime() + MAX_FUTURE_SKEW_MINUTES * 60_000) {
    return [
      {
        path: "occurredAt",
        message: `Must not be more than ${MAX_FUTURE_SKEW_MINUTES} minutes in the future`,
      },
    ];
  }
  if (at < now.getTime() - retentionDays * MS_PER_DAY) {
    return [
      {
        path: "occurredAt",
        message: `Must not be older than the retention window of ${retentionDays} days`,
      },
    ];
  }
  return [];
}

/** What {@link prepareSignal} needs besides the signal. */
export interface PrepareContext {
  /** Becomes `receivedAt`. */
  now: Date;
  /** The policy's time zone, which decides the `day` (and so the period) a signal counts for. */
  timeZone: string;
  /** The secret key of customer pseudonyms. */
  hmacKey: Uint8Array | string;
}

/**
 * The stored form of a valid signal: verbatim and orderRef PII-masked (channels put free text in
 * order references too), `customerRef` replaced by
 * `customerPseudonym` (the raw reference is never copied), reasons without repeats in first-seen
 * order, plus `day` in the policy zone, `negative` and `receivedAt`.
 *
 * Fields are copied one by one rather than spread, so that a field added to `Signal` later (or an
 * extra property on the object) cannot reach storage unreviewed. An empty `customerRef` names
 * nobody and gets no pseudonym.
 */
export function prepareSignal(signal: Signal, ctx: PrepareContext): StoredSignal {
  const stored: StoredSignal = {
    signalId: signal.signalId,
    productLineId: signal.productLineId,
    channel: signal.channel,
    kind: signal.kind,
    occurredAt: signal.occurredAt,
    day: dayOf(signal.occurredAt, ctx.timeZone),
    negative: isNegative(signal),
    receivedAt: ctx.now.toISOString(),
  };
  if (signal.score !== undefined) stored.score = signal.score;
  if (signal.severity !== undefined) stored.severity = signal.severity;
  if (signal.reasons !== undefined) stored.reasons = [...new Set(signal.reasons)];
  if (signal.verbatim !== undefined) stored.verbatim = maskPii(signal.verbatim);
  if (signal.customerRef) stored.customerPseudonym = pseudonymize(signal.customerRef, ctx.hmacKey);
  if (signal.orderRef !== undefined) stored.orderRef = maskPii(signal.orderRef);
  if (signal.locale !== undefined) stored.locale = signal.locale;
  return stored;
}

/**
 * When a stored signal expires (DynamoDB TTL, epoch seconds): `retentionDays` after it occurred.
 *
 * @throws RangeError when `occurredAt` is not a date-time.
 */
export function expiresAtEpochSeconds(occurredAt: string, retentionDays: number): number {
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at)) throw new RangeError(`Not a valid instant: ${occurredAt}`);
  return Math.floor((at + retentionDays * MS_PER_DAY) / 1000);
}
