/**
 * The ingest's Andon check (DESIGN §2, "Andon"), run by every path that counts signals — `POST
 * /v1/signals`, `Satisfaction Signal` events and the quarantine replay — once a batch's
 * transactions have committed. It looks at the line-days of the batch that hold a critical
 * complaint, duplicates included: a batch re-sent (or an event redelivered) after a crash between
 * its commit and this check is all duplicates, and must still raise what the first try did not.
 *
 * Cost: nothing at all for a batch without critical complaints; otherwise one `BatchGetItem`
 * (every rollup shard of those line-days and their Andons' keys, consistent), and per Andon
 * actually raised one short query of the day's critical voices and one transaction (the Andon if
 * absent, its line's mark, its `Andon Raised` outbox event), then the relay. Never a scan.
 *
 * A failure here fails the ingest call (the signals stay committed): the caller's retry, or the
 * queue's redelivery, sees them as duplicates and runs the check again.
 */
import {
  ANDON_COMPLAINTS,
  andonCandidates,
  andonIdOf,
  mergeComplaints,
  quoteComplaint,
  type RaiseInput,
  raiseAndon,
  reachesThreshold,
} from "#core/andon";
import { addDays } from "#core/calendar-day";
import { startOfDayInstant } from "#core/period";
import { VOICE_CLASSES } from "#core/voice-class";
import type { Andon } from "#schemas/andon";
import type { Verbatim } from "#schemas/notice";
import type { Policy } from "#schemas/policy";
import type { StoredSignal } from "#schemas/signal";
import { type AndonCheck, createAndon, readAndonChecks } from "#store/andon-store";
import type { OutboxEvent } from "#store/outbox-store";
import { voicesByClass } from "#store/voice-store";
import { relayOutboxSoon } from "./relay-outbox";

export interface AndonCheckOutcome {
  /** Ids of the Andons this check raised (none when they existed already). */
  raised: string[];
  /** DynamoDB requests the check issued (the relay's aside). */
  requests: number;
}

const raisedEvent = (andon: Andon): OutboxEvent => ({
  eventId: `${andon.id}:raised`,
  createdAt: andon.raisedAt,
  detailType: "Andon Raised",
  detail: {
    andonId: andon.id,
    productLineId: andon.productLineId,
    businessUnitId: andon.businessUnitId,
    day: andon.day,
    criticalCount: andon.criticalCount,
  },
});

/**
 * The day's critical complaints with words: the voice index's most recent, and the batch's own (a
 * global index may lag the write that just committed), each once.
 */
const complaintsOf = async (
  check: AndonCheck,
  batch: readonly StoredSignal[],
  timeZone: string,
): Promise<Verbatim[]> => {
  const from = startOfDayInstant(check.day, timeZone);
  const to = startOfDayInstant(addDays(check.day, 1), timeZone);
  const indexed = await voicesByClass(
    check.productLineId,
    [VOICE_CLASSES.critical],
    from,
    to,
    ANDON_COMPLAINTS,
  );
  const own = batch
    .filter((s) => s.productLineId === check.productLineId && s.day === check.day)
    .flatMap((s) => quoteComplaint(s) ?? []);
  return mergeComplaints([indexed, own]);
};

/**
 * Raises the Andons a committed batch calls for.
 * @param signals the batch's signals for lines in the catalog, written or reported as duplicates.
 * @param units each of those lines' business unit.
 */
export const checkAndons = async (
  signals: readonly StoredSignal[],
  units: ReadonlyMap<string, string>,
  policy: Policy,
  now: Date,
): Promise<AndonCheckOutcome> => {
  const candidates = andonCandidates(signals.filter((s) => units.has(s.productLineId)));
  if (candidates.length === 0) return { raised: [], requests: 0 };
  const { checks, requests } = await readAndonChecks(candidates);
  const due = checks.filter((c) => !c.raised && reachesThreshold(c.critical, policy));
  const created = await Promise.all(
    due.map(async (check) => {
      const input: RaiseInput = {
        productLineId: check.productLineId,
        day: check.day,
        businessUnitId: units.get(check.productLineId) as string,
        criticalCount: check.critical,
        complaints: await complaintsOf(check, signals, policy.timeZone),
        policy,
        now,
      };
      const andon = raiseAndon(input);
      // false: a concurrent batch raised it first; its event went with it.
      return createAndon(andon, raisedEvent(andon));
    }),
  );
  const raised = due.filter((_, i) => created[i]).map((c) => andonIdOf(c.productLineId, c.day));
  if (raised.length > 0) await relayOutboxSoon();
  return { raised, requests: requests + 2 * due.length };
};
