import * as z from "zod/mini";
import { text } from "./common";
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

/** The detail schema of each governance event this release publishes. */
export const GOVERNANCE_DETAILS = {
  "Notice Issued": NoticeIssuedDetail,
  "Product Line Pulled": ProductLinePulledDetail,
  "Product Line Relisted": ProductLineRelistedDetail,
  "Notice Overdue": NoticeOverdueDetail,
  "Awards Published": AwardsPublishedDetail,
  "Chase Raised": ChaseRaisedDetail,
  "Chase Overdue": ChaseOverdueDetail,
} as const;
