/**
 * Item keys of the single table (see docs/table-design.md). Every key shape lives here but the
 * outbox's (outbox-store.ts).
 */
import { fnv1a32 } from "#core/hash";
import { TABLE } from "#platform/table";

export const CATALOG_PK = "CATALOG";
export const businessUnitKey = (id: string) => ({ pk: CATALOG_PK, sk: `BU#${id}` });
export const productLineKey = (id: string) => ({ pk: CATALOG_PK, sk: `PL#${id}` });
export const categoryKey = (id: string) => ({ pk: CATALOG_PK, sk: `CAT#${id}` });

/** Read by the health check, never written: its absence is the healthy answer. */
export const healthKey = () => ({ pk: "HEALTH", sk: "HEALTH" });

export const POLICY_PK = "POLICY";
export const currentPolicyKey = () => ({ pk: POLICY_PK, sk: "CURRENT" });
/** Each version of the policy, immutable once written; zero-padded so they sort in order. */
export const policyVersionKey = (version: number) => ({
  pk: POLICY_PK,
  sk: `V#${String(version).padStart(10, "0")}`,
});

/** One item per signalId, ever: counted and quarantined signals share it, so an id is stored once. */
export const signalKey = (signalId: string) => ({ pk: `SIG#${signalId}`, sk: "SIG" });

/**
 * Per product line, per day, per shard. The shard is in the partition key so a hot line's
 * increments spread over up to `TABLE.rollupShards` keys; reads of a line query every shard. Writes
 * go to shard 0 unless they collide there (see `signal-store.ts`), so a quiet line has one.
 */
export const rollupPk = (productLineId: string, shard: number) => `ROLLUP#${productLineId}#${shard}`;
export const rollupKey = (productLineId: string, shard: number, day: string) => ({
  pk: rollupPk(productLineId, shard),
  sk: day,
});
export const ROLLUP_SHARDS = TABLE.rollupShards;

/**
 * Per product line, per period (a quarter `2026-Q3` or a year `2026`), per shard: the sum of the
 * line's day rollups of that shard in the period, kept in step with them by the ingest transaction
 * (which writes a rollup and the totals of the same shard). Sharded like the rollups, so that
 * concurrent transactions on a busy line do not collide on one item; a line's total is the sum of
 * its shards — one item per line and period unless writers contended for it. The line's bucket (a hash of its id) spreads a period's lines over
 * `TABLE.totalBuckets` partitions.
 */
export const TOTAL_BUCKETS = TABLE.totalBuckets;
export const totalBucketOf = (productLineId: string): number => fnv1a32(productLineId) % TOTAL_BUCKETS;
export const totalPk = (period: string, bucket: number) => `TOTAL#${period}#${bucket}`;
/** Ids never hold `#`, so `<line>#` is the prefix of exactly one line's shards. */
export const totalSkPrefix = (productLineId: string) => `${productLineId}#`;
export const totalKey = (period: string, productLineId: string, shard: number) => ({
  pk: totalPk(period, totalBucketOf(productLineId)),
  sk: `${totalSkPrefix(productLineId)}${shard}`,
});

/** A notice: its own partition, so that transitions of different notices never contend. */
export const noticeKey = (id: string) => ({ pk: `NOTICE#${id}`, sk: "NOTICE" });
/** That a notice's overdue reminder went out on `day` (policy zone): at most one a day. */
export const overdueReminderKey = (noticeId: string, day: string) => ({
  pk: `NOTICE#${noticeId}`,
  sk: `OVERDUE#${day}`,
});
/** gsi1: a unit's notices, newest first. */
export const noticeGsiKeys = (businessUnitId: string, issuedAt: string, id: string) => ({
  gsi1pk: `NOTICES#${businessUnitId}`,
  gsi1sk: `${issuedAt}#${id}`,
});
/** One item per pulled line (it has an open notice): at most one, by construction. */
export const PULLED_PK = "PULLED";
export const pulledKey = (productLineId: string) => ({ pk: PULLED_PK, sk: productLineId });
/** Each line's last relist, for repeat flags. */
export const RELISTED_PK = "RELISTED";
export const relistedKey = (productLineId: string) => ({ pk: RELISTED_PK, sk: productLineId });
/** A quarter's review under one policy version (its head, see `review-store.ts`): written once. */
export const REVIEW_HEAD_PREFIX = "V#";
export const reviewKey = (quarter: string, policyVersion: number) => ({
  pk: `REVIEW#${quarter}`,
  sk: `${REVIEW_HEAD_PREFIX}${String(policyVersion).padStart(10, "0")}`,
});
/**
 * The parts of one run's review, in order. `P#` sorts before `V#`, so the last item of the
 * partition is still the head of the highest version.
 */
export const reviewPartPrefix = (policyVersion: number, runId: string) =>
  `P#${String(policyVersion).padStart(10, "0")}#${runId}#`;
export const reviewPartKey = (quarter: string, policyVersion: number, runId: string, index: number) => ({
  pk: `REVIEW#${quarter}`,
  sk: `${reviewPartPrefix(policyVersion, runId)}${String(index).padStart(4, "0")}`,
});

/** A notification in one audience (`unit:<id>`, `role:cco`, `role:executive`), oldest first. */
export const notificationPk = (audience: string) => `NOTIFY#${audience}`;
export const notificationKey = (audience: string, position: string) => ({
  pk: notificationPk(audience),
  sk: position,
});
/** What one caller has read in one audience. */
export const notificationReadKey = (sub: string, audience: string) => ({
  pk: `NOTIFYREAD#${sub}`,
  sk: audience,
});

/** Present once every period total of the table equals its rollups (written by the rebuild, or at creation). */
export const totalsCompleteKey = () => ({ pk: "META", sk: "TOTALS_COMPLETE" });

/** gsi1: quarantined signals, oldest first. */
export const QUARANTINE_GSI_PK = "QUARANTINE";
export const quarantineGsiKeys = (signalId: string, receivedAt: string) => ({
  gsi1pk: QUARANTINE_GSI_PK,
  gsi1sk: `${receivedAt}#${signalId}`,
});

/**
 * gsi1: customer voices (signals with words) per product line, each class of voice (see
 * `core/voice-class.ts`) a range of its own, newest last: `<class>#<occurredAt UTC>#<signalId>`.
 * The class makes the most severe (or the best) voices of a period one short range read per class;
 * the listen-in stream merges a line's class ranges (and a unit's lines) by time. One partition per
 * line, not per month: a global secondary index has no item-collection limit, and a month in the
 * key would not spread a hot line's writes (they all go to the current month) while making every
 * reader walk empty months.
 */
export const voiceGsiPk = (productLineId: string) => `VOICE#${productLineId}`;
/** The position of a voice in time: UTC instant to the millisecond, then the id (a total order). */
export const voicePosition = (occurredAtUtc: string, signalId: string) => `${occurredAtUtc}#${signalId}`;
export const voiceGsiKeys = (
  productLineId: string,
  occurredAtUtc: string,
  signalId: string,
  voiceClass: string,
) => ({
  gsi1pk: voiceGsiPk(productLineId),
  gsi1sk: `${voiceClass}#${voicePosition(occurredAtUtc, signalId)}`,
});

/**
 * The awards of a period (a quarter `2026-Q3` or a year `2026`), stored as a head and parts (see
 * `award-store.ts`): the head is overwritten by each preview and, once finalized, never again.
 */
export const awardsPk = (period: string) => `AWARDS#${period}`;
export const awardsKey = (period: string) => ({ pk: awardsPk(period), sk: "HEAD" });
/** The parts of one run's awards, in order (`P#` sorts before `HEAD`). */
export const awardsPartPrefix = (runId: string) => `P#${runId}#`;
export const awardsPartKey = (period: string, runId: string, index: number) => ({
  pk: awardsPk(period),
  sk: `${awardsPartPrefix(runId)}${String(index).padStart(4, "0")}`,
});

/** A chase: its own partition, so that answering one never contends with another. */
export const chaseKey = (id: string) => ({ pk: `CHASE#${id}`, sk: "CHASE" });
/**
 * gsi1: a unit's chases of one status, newest first. Answering moves a chase from the `OPEN` to the
 * `ANSWERED` partition, so a status filter reads one partition per unit instead of filtering.
 */
export const chaseGsiPk = (businessUnitId: string, status: string) => `CHASES#${businessUnitId}#${status}`;
export const chaseGsiKeys = (businessUnitId: string, status: string, raisedAt: string, id: string) => ({
  gsi1pk: chaseGsiPk(businessUnitId, status),
  gsi1sk: `${raisedAt}#${id}`,
});
/**
 * One item per open chase, sorted by due date: put with the chase, deleted when it is answered. The
 * daily job reads the overdue ones as one key range (`sk < now`), never scanning chases.
 */
export const OPEN_CHASES_PK = "OPEN_CHASES";
export const openChaseKey = (dueAt: string, id: string) => ({ pk: OPEN_CHASES_PK, sk: `${dueAt}#${id}` });

/**
 * A line's last announced spike (`windowTo`, the last day of its window): one item per line, put
 * with its `Spike Detected` event only if there is none within a week, so announcements are at most
 * one a week whatever runs overlap. Its own partition per line; expires (TTL) once it no longer counts.
 */
export const spikeKey = (productLineId: string) => ({ pk: `SPIKE#${productLineId}`, sk: "LAST" });

/** An Andon: its own partition, so that deciding one never contends with another. */
export const andonKey = (id: string) => ({ pk: `ANDON#${id}`, sk: "ANDON" });
/**
 * gsi1: a unit's Andons of one status, newest first. Deciding moves an Andon from the `RAISED` to
 * the `CONFIRMED` or `DISMISSED` partition, so a status filter reads one partition per unit.
 */
export const andonGsiPk = (businessUnitId: string, status: string) => `ANDONS#${businessUnitId}#${status}`;
export const andonGsiKeys = (businessUnitId: string, status: string, raisedAt: string, id: string) => ({
  gsi1pk: andonGsiPk(businessUnitId, status),
  gsi1sk: `${raisedAt}#${id}`,
});
/**
 * One item per undecided Andon, `<line>#<day>`: put with the Andon, deleted in the transaction that
 * decides it. A line is marked while any of its items remains (Andons on two days are two items, so
 * deciding one leaves the other's mark), and rankings, the catalog and metrics read the marks with
 * one query (`begins_with(sk, "<line>#")` for one line: ids never hold `#`).
 */
export const ANDON_RAISED_PK = "ANDON_RAISED";
export const andonRaisedKey = (productLineId: string, day: string) => ({
  pk: ANDON_RAISED_PK,
  sk: `${productLineId}#${day}`,
});
