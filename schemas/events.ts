import * as z from "zod/mini";
import { text } from "./common";
import { WilsonInterval } from "./metrics";
import "./zod";

/** Inbound: a channel's signal as an EventBridge event (the signal is the `detail`). */
export const SIGNAL_DETAIL_TYPE = "Satisfaction Signal";

/** The source of every event Strawberry publishes on the governance bus (DESIGN §4). */
export const GOVERNANCE_SOURCE = "strawberry.governance";

/** The detail types Strawberry publishes (DESIGN §4, "Events"). */
export const GOVERNANCE_DETAIL_TYPES = [
  "Notice Issued",
  "Product Line Pulled",
  "Product Line Relisted",
  "Notice Overdue",
  "Awards Published",
  "Chase Raised",
  "Chase Overdue",
  "Andon Raised",
  "Spike Detected",
] as const;
export type GovernanceDetailType = (typeof GOVERNANCE_DETAIL_TYPES)[number];

/** An event to publish: its detail type and a JSON object as its detail. */
export interface GovernanceEvent {
  detailType: GovernanceDetailType;
  detail: Record<string, unknown>;
}

/** An EventBridge event as SQS delivers it; `detail` is a signal, validated like an HTTP one. */
export const SignalEvent = z.object({
  "detail-type": z.literal(SIGNAL_DETAIL_TYPE),
  source: z.optional(z.string()),
  detail: z.unknown(),
});

/** Local mode only: `POST /v1/dev/events`, shaped like EventBridge PutEvents entries. */
export const DevEventsRequest = z.object({
  entries: z
    .array(
      z.object({
        source: text(1, 256),
        "detail-type": text(1, 128),
        detail: z.unknown(),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});

const NoticeRef = {
  /** Unique per event: consumers drop a repeat (publishing is at least once). */
  eventId: z.string(),
  /** When the change it announces happened (a repeat carries the same). */
  occurredAt: z.string(),
  noticeId: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
};

export const NoticeIssuedDetail = z.object({
  ...NoticeRef,
  quarter: z.string(),
  source: z.enum(["review", "andon"]),
  dueAt: z.string(),
  repeatOf: z.optional(z.string()),
});
export const ProductLinePulledDetail = z.object(NoticeRef);
export const ProductLineRelistedDetail = z.object({
  ...NoticeRef,
  reason: z.enum(["relisted", "withdrawn"]),
});
export const NoticeOverdueDetail = z.object({ ...NoticeRef, dueAt: z.string(), day: z.string() });

const ChaseRef = {
  eventId: z.string(),
  occurredAt: z.string(),
  chaseId: z.string(),
  /** The voice the chase is about. */
  signalId: z.string(),
  productLineId: z.string(),
  /** The unit whose head must answer. */
  businessUnitId: z.string(),
  dueAt: z.string(),
};
/** A chase was raised from a voice: its unit's head must answer by `dueAt`. */
export const ChaseRaisedDetail = z.object({ ...ChaseRef, raisedBy: z.string() });
/** A chase is still unanswered past `dueAt`: escalated to the CCO team (once per chase, ever). */
export const ChaseOverdueDetail = z.object({ ...ChaseRef, raisedAt: z.string() });

/** A period's awards, finalized: the winners, so that consumers need not read them back. */
const AwardWinner = z.object({ rank: z.int(), productLineId: z.string(), businessUnitId: z.string() });
export const AwardsPublishedDetail = z.object({
  eventId: z.string(),
  occurredAt: z.string(),
  period: z.string(),
  policyVersion: z.int(),
  red: z.array(AwardWinner),
  rotten: z.array(AwardWinner),
});

/** A count of signals over some days, as a spike compares them. */
const SpikeCounts = {
  n: z.int(),
  negatives: z.int(),
  /** Never null: a spike has signals in its window, and a previous quarter with none is never exceeded. */
  negativeRate: z.number(),
  wilson: WilsonInterval,
};
/**
 * A line's last `spikeDays` complete days (policy zone) have a Wilson lower bound above the upper
 * bound of its previous quarter (the last one ended before `window.from`): told to its unit head,
 * at most once per line per week; the line is not pulled.
 */
export const SpikeDetectedDetail = z.object({
  eventId: z.string(),
  occurredAt: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  /** The days compared, inclusive. */
  window: z.object({ from: z.string(), to: z.string() }),
  ...SpikeCounts,
  previous: z.object({ quarter: z.string(), ...SpikeCounts }),
  policyVersion: z.int(),
  /** The policy's `review.confidence` and `review.minSample` the comparison used. */
  confidence: z.number(),
  minSample: z.int(),
});

/**
 * A line reached the policy's `andon.criticalPerDay` critical complaints on `day` (policy zone):
 * an Andon is raised (once per line per day) and waits for the CCO team to confirm or dismiss it.
 */
export const AndonRaisedDetail = z.object({
  eventId: z.string(),
  occurredAt: z.string(),
  andonId: z.string(),
  productLineId: z.string(),
  businessUnitId: z.string(),
  day: z.string(),
  criticalCount: z.int(),
});

/** The detail schema of each governance event this release publishes. */
export const GOVERNANCE_DETAILS = {
  "Notice Issued": NoticeIssuedDetail,
  "Product Line Pulled": ProductLinePulledDetail,
  "Product Line Relisted": ProductLineRelistedDetail,
  "Notice Overdue": NoticeOverdueDetail,
  "Awards Published": AwardsPublishedDetail,
  "Chase Raised": ChaseRaisedDetail,
  "Chase Overdue": ChaseOverdueDetail,
  "Andon Raised": AndonRaisedDetail,
  "Spike Detected": SpikeDetectedDetail,
} as const;
