/**
 * Publishes what waits in the outbox and deletes what the bus took. Runs right after every change
 * that writes events (so they go out at once) and on a schedule (so an event whose first
 * publication failed goes out in the end). Each event is claimed before it is published, so relays
 * running at once publish it once; only a relay dying between publishing and deleting repeats one,
 * which is why every event carries its `eventId`, by which consumers drop a repeat.
 */
import { PublishError, publishEvents } from "#lib/events";
import { logger } from "#lib/powertools";
import { claimEvent, deleteFromOutbox, readOutbox, releaseClaim } from "#store/outbox-store";

const PAGE = 100;
/** How long a relay holds the events it claimed before another may take them over. */
export const CLAIM_LEASE_MS = 60_000;

export interface RelayReport {
  published: number;
  /** Events the bus refused this time; they stay in the outbox. */
  refused: number;
}

export const relayOutbox = async (): Promise<RelayReport> => {
  const report: RelayReport = { published: 0, refused: 0 };
  for (;;) {
    const waiting = await readOutbox(PAGE);
    if (waiting.length === 0) return report;
    const now = Date.now();
    const claimed = await Promise.all(waiting.map((event) => claimEvent(event.key, now, CLAIM_LEASE_MS)));
    const pending = waiting.filter((_, i) => claimed[i]);
    // The others are another relay's right now: leave them to it.
    if (pending.length === 0) return report;
    const events = pending.map(({ detailType, detail, eventId, createdAt }) => ({
      detailType,
      detail: { ...detail, eventId, occurredAt: createdAt },
    }));
    let refused = new Set<number>();
    try {
      await publishEvents(events);
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      refused = new Set(error.failed.map((f) => f.index));
    }
    await deleteFromOutbox(pending.filter((_, i) => !refused.has(i)).map((p) => p.key));
    await Promise.all(pending.filter((_, i) => refused.has(i)).map((p) => releaseClaim(p.key)));
    report.published += pending.length - refused.size;
    report.refused += refused.size;
    // What was refused stays; another run (the schedule) tries again.
    if (refused.size > 0 || waiting.length < PAGE || pending.length < waiting.length) return report;
  }
};

/** {@link relayOutbox} after a change: never fails the change itself (the schedule will retry). */
export const relayOutboxSoon = async (): Promise<void> => {
  try {
    await relayOutbox();
  } catch (error) {
    logger.warn("Events stay in the outbox for the scheduled relay", error as Error);
  }
};
