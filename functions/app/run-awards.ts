/**
 * `POST /v1/awards` and the awards schedules: the Red and Rotten Strawberries of a year or a quarter
 * from the period totals (O(lines) items read, never signals), each winner citing up to 3 of its
 * customers' words from the voice index (O(count × 3) voices), stored and answered.
 *
 * A preview replaces the stored preview. `finalize: true` (for a period that has ended) makes the
 * period immutable and queues `Awards Published` in the same transaction. Once final, every later
 * run answers the stored awards unchanged — also the runs that raced the finalizing one and lost —
 * and asking for a preview of it (`finalize: false`) is a conflict: it would be a different result.
 */

import { type DecidedAward, decideAwards } from "#core/awards";
import { addDays } from "#core/calendar-day";
import { ConflictError, ValidationError } from "#core/errors";
import { parsePeriod, startOfDayInstant } from "#core/period";
import { NEGATIVE_CLASSES, POSITIVE_CLASSES } from "#core/voice-class";
import type { Award, Awards, AwardsRequest } from "#schemas/award";
import type { Policy } from "#schemas/policy";
import { readAwards, storeAwards } from "#store/award-store";
import type { OutboxEvent } from "#store/outbox-store";
import { currentPolicy } from "#store/policy-store";
import { voicesByClass } from "#store/voice-store";
import { periodFigures } from "./period-figures";
import { relayOutboxSoon } from "./relay-outbox";

/** Customer words cited per award, at most. */
export const CITATIONS = 3;

/** The period's first instant and the next period's, in the policy's time zone. */
export const windowOf = (period: string, timeZone: string): { from: Date; to: Date } => {
  const { from, to } = parsePeriod(period);
  return { from: startOfDayInstant(from, timeZone), to: startOfDayInstant(addDays(to, 1), timeZone) };
};

/** The one `Awards Published` event of a period: the same id however many runs try to finalize it. */
export const awardsEventId = (period: string): string => `awards:${period}:published`;

/** The award with its citation: Rotten the most severe negative words, Red the best positive ones. */
const cite = async (award: DecidedAward, window: { from: Date; to: Date }): Promise<Award> => {
  const { kind: _kind, ...rest } = award;
  const classes = award.kind === "rotten" ? NEGATIVE_CLASSES : POSITIVE_CLASSES;
  const citation = await voicesByClass(award.productLineId, classes, window.from, window.to, CITATIONS);
  return { ...rest, citation };
};

/** Computes a period's awards now, under `policy`. */
export const computeAwards = async (
  period: string,
  policy: Policy,
  run: { actor: string; now: Date; finalize: boolean },
): Promise<Awards> => {
  // Awards are decided on the totals as they are now, not on a container's cached copy.
  const figures = await periodFigures(period, { maxAgeMs: 0 });
  const decision = decideAwards(
    figures.lines.map(({ line, counts }) => ({
      productLineId: line.id,
      businessUnitId: line.businessUnitId,
      name: line.name,
      nameZh: line.nameZh,
      n: counts.n ?? 0,
      negatives: counts.neg ?? 0,
    })),
    policy.awards,
  );
  const window = windowOf(period, policy.timeZone);
  const [red, rotten] = await Promise.all([
    Promise.all(decision.red.map((award) => cite(award, window))),
    Promise.all(decision.rotten.map((award) => cite(award, window))),
  ]);
  const at = run.now.toISOString();
  return {
    period,
    policyVersion: policy.version,
    finalized: run.finalize,
    red,
    rotten,
    pooledRate: decision.pooledRate,
    lines: decision.lines,
    eligible: decision.eligible,
    minSample: policy.awards.minSample,
    priorStrength: policy.awards.priorStrength,
    count: policy.awards.count,
    perList: decision.perList,
    ranked: decision.ranked,
    computedAt: at,
    computedBy: run.actor,
    ...(run.finalize ? { finalizedAt: at } : {}),
  };
};

const winners = (awards: readonly Award[]) =>
  awards.map(({ rank, productLineId, businessUnitId }) => ({ rank, productLineId, businessUnitId }));

const publishedEvent = (awards: Awards): OutboxEvent => ({
  eventId: awardsEventId(awards.period),
  createdAt: awards.computedAt,
  detailType: "Awards Published",
  detail: {
    period: awards.period,
    policyVersion: awards.policyVersion,
    red: winners(awards.red),
    rotten: winners(awards.rotten),
  },
});

const refuseChange = (period: string): ConflictError =>
  new ConflictError(`The awards of ${period} are final and cannot be previewed again`, [
    {
      path: "finalize",
      message: `${period} is finalized; its stored awards stand (omit "finalize" to read them)`,
    },
  ]);

export const runAwards = async (request: AwardsRequest, actor: string, now = new Date()): Promise<Awards> => {
  const policy = await currentPolicy();
  const { period } = request;
  const finalize = request.finalize === true;
  if (finalize) {
    const ends = windowOf(period, policy.timeZone).to;
    if (now < ends)
      throw new ValidationError("Only a period that has ended can be finalized", [
        {
          path: "finalize",
          message: `${period} has not ended (it ends ${ends.toISOString()}, midnight in ${policy.timeZone}); a preview (without "finalize") shows it so far`,
        },
      ]);
  }
  const stored = await readAwards(period);
  if (stored?.finalized) {
    if (request.finalize === false) throw refuseChange(period);
    return stored;
  }
  const awards = await computeAwards(period, policy, { actor, now, finalize });
  const kept = await storeAwards(awards, finalize ? publishedEvent(awards) : undefined);
  if (kept.outcome === "already-final") {
    // Another run finalized the period while this one computed: its awards stand.
    if (request.finalize === false) throw refuseChange(period);
    return kept.awards;
  }
  if (finalize) await relayOutboxSoon();
  return kept.awards;
};
